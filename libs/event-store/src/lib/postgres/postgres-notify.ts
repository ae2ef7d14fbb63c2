import { APPENDED_CHANNEL, type SqlQueryable } from './postgres-append';

/**
 * Wakes LISTENing subscribers (postgres-wakeup.ts) after appends commit, with the categories appended.
 *
 * Not from inside the append: a transaction that NOTIFYs takes a database-wide lock at commit and holds it through
 * the commit's WAL flush, so every notifying append would commit one after the other (measured: concurrent
 * appends stopped scaling with writers). Here the NOTIFY runs in its own statement, which has no transaction id
 * and so no flush to wait for, and appends that commit meanwhile share one: it costs a fraction of a statement
 * per append under load, and one round trip of latency.
 *
 * A wake-up is a hint, never the data: subscribers read the log itself (readAll) and also wake on a timeout, so a
 * notification lost with a crashing process only delays them.
 */
export class AppendNotifier {
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: SqlQueryable) {}

  /** Call after an append committed. */
  appended(category: string): void {
    this.pending.add(category);
    this.flushing ??= this.flush();
  }

  /** Resolves once every notification asked for so far has been sent (or has failed). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const categories = [...this.pending];
        this.pending.clear();
        await this.db
          .query({
            name: 'event_store.notify',
            text: `SELECT pg_notify('${APPENDED_CHANNEL}', c)::text FROM unnest($1::text[]) AS c`,
            values: [categories],
          })
          // Subscribers' idle timeout covers a lost wake-up; an append that committed must not fail for it.
          .catch(() => undefined);
      }
    } finally {
      this.flushing = null;
    }
  }
}
