/** The service's `EventStore` (the adapter EVENT_STORE names, instrumented): `@Inject(EVENT_STORE) store: EventStore`. */
export const EVENT_STORE = Symbol.for('ics2.platform.event-store');
