import { randomBytes } from 'node:crypto';

/**
 * A back-off that `interrupt()` cuts short, so stopping a subscription never waits out a retry delay.
 */
export class InterruptiblePause {
  private wakers = new Set<() => void>();

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  /** Waits until the next `interrupt()`, however long. */
  untilInterrupted(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wakers.delete(done);
        resolve();
      };
      this.wakers.add(done);
    });
  }

  interrupt(): void {
    for (const wake of [...this.wakers]) wake();
  }
}

/** 100 ms doubling per consecutive failure, at most 5 s. */
export function backoffMs(failures: number): number {
  return Math.min(100 * 2 ** Math.max(0, failures - 1), 5_000);
}

export function defaultConsumerId(): string {
  const host = process.env['HOSTNAME'] ?? 'host';
  return `${host}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
