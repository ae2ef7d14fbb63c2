// An int case drives a real service through several doors and waits on its subscriptions; on 2 cores shared with
// the other suites 5 s is too tight a hang guard (a presentation case once took longer under load). It guards
// against a hang only: no test asserts on time.
jest.setTimeout(30_000);
