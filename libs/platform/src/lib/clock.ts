/**
 * The service's clock. Doors and processors read it and pass instants into commands, so deciders stay pure;
 * tests start a service with a clock of their own (`createServiceApp(definition, { clock })`) to move time.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `@Inject(CLOCK) clock: Clock`. */
export const CLOCK = Symbol.for('ics2.platform.clock');

/** A clock that stands still until moved: for tests. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
