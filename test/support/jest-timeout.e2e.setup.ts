// An end-to-end case waits for several services' subscriptions in turn; this only guards against a hang.
jest.setTimeout(60_000);
