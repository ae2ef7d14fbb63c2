// Property tests run hundreds of cases; on 2 busy cores beside the int suites 5 s is too tight a hang guard.
jest.setTimeout(30_000);
