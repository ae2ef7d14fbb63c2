// `@ics2/event-store/testing`: test support for specs only (lint refuses it in production code). It lives here,
// not in libs/testing, so the event store's own specs can use it without a testing -> event-store -> testing cycle;
// libs/testing re-exports it for everyone else.
export * from './lib/testing/fresh-database';
export * from './lib/testing/eventually';
export * from './lib/testing/as-superuser';
