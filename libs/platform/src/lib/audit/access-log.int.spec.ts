/**
 * The access log on a real PostgreSQL store: a list's reads are recorded one event per filing on its own
 * `access-<mrn>` stream, several appends at once but never more than RECORD_ALL_CONCURRENCY; a purpose missing for
 * one entry refuses the whole list before anything is written; a failed append fails the list only after every
 * started append has ended; an operator's reads of its own filings are not this log's.
 */
import { accessStream, migrateEventStore, PostgresEventStore, type EventStore } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import type { Principal } from '../auth/principal';
import { PlatformError } from '../errors/platform-error';
import { AccessLog, RECORD_ALL_CONCURRENCY, type AccessRecord } from './access-log';

const AT = new Date('2026-12-01T10:00:00.000Z');
const unit: Principal = { actor: { kind: 'member-state', memberState: 'DE', userId: 'linker-1' }, roles: ['member-state'] };
const auditor: Principal = { actor: { kind: 'auditor', userId: 'eca-7' }, roles: ['auditor'] };
const trader: Principal = { actor: { kind: 'trader', eori: 'DE123456789012' }, roles: ['trader'] };

/** The real store, with the appends in flight counted and an append to `failFor` failing after a delay. */
class CountingStore {
  inFlight = 0;
  maxInFlight = 0;
  unfinishedAtFailure: number | null = null;
  failFor: string | null = null;

  constructor(readonly store: EventStore) {}

  readonly port = (): EventStore =>
    ({
      append: async (...args: Parameters<EventStore['append']>) => {
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
          if (args[0] === this.failFor) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            throw new Error('append failed on purpose');
          }
          return await this.store.append(...args);
        } finally {
          this.inFlight--;
        }
      },
    }) as unknown as EventStore;
}

const mrns = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `26DE${prefix}${String(i).padStart(10, '0')}T0`);
const reads = (list: readonly string[], purpose: string | undefined): AccessRecord[] =>
  list.map((mrn) => ({ resource: 'ens-filing', id: mrn, mrn, purpose, defaultPurpose: 'manual linking', door: 'common-repository ListLinkProposals' }));

describe('AccessLog.recordAll', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await freshDatabase('access_log', migrateEventStore);
    store = new PostgresEventStore({ connectionString: db.appUrl });
  }, 30_000);

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const logWith = (counting: CountingStore) => new AccessLog(counting.port(), { now: () => AT });

  it('given a Member State user listing 30 filings, when it records them, then each filing has one DataAccessed, appended several at a time', async () => {
    const counting = new CountingStore(store);
    const listed = mrns(30, 'AA');
    await logWith(counting).recordAll(unit, reads(listed, undefined));
    for (const mrn of listed) {
      const events = await store.readStream(accessStream(mrn));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'DataAccessed',
        data: { resource: 'ens-filing', id: mrn, mrn, purpose: 'manual linking', door: 'common-repository ListLinkProposals', accessedAt: AT.toISOString() },
        metadata: { actor: unit.actor, correlationId: mrn },
      });
    }
    expect(counting.maxInFlight).toBeGreaterThan(1);
    expect(counting.maxInFlight).toBeLessThanOrEqual(RECORD_ALL_CONCURRENCY);
  });

  it('given an auditor without a purpose, when it records a list, then it is refused and nothing is written', async () => {
    const counting = new CountingStore(store);
    const listed = mrns(5, 'BB');
    await expect(logWith(counting).recordAll(auditor, reads(listed, undefined))).rejects.toBeInstanceOf(PlatformError);
    for (const mrn of listed) expect(await store.readStream(accessStream(mrn))).toEqual([]);
    expect(counting.maxInFlight).toBe(0);
  });

  it('given one append failing, when a list is recorded, then the list fails once every started append has ended', async () => {
    const counting = new CountingStore(store);
    const listed = mrns(20, 'CC');
    counting.failFor = accessStream(listed[3]);
    const recording = logWith(counting).recordAll(auditor, reads(listed, 'ECA inspection 2026/4'));
    await expect(recording).rejects.toThrow('append failed on purpose');
    expect(counting.inFlight).toBe(0);
    expect(await store.readStream(accessStream(listed[3]))).toEqual([]);
    expect(await store.readStream(accessStream(listed[0]))).toHaveLength(1);
  });

  it('given an operator, when it records its own reads, then nothing is written', async () => {
    const counting = new CountingStore(store);
    const listed = mrns(3, 'DD');
    await logWith(counting).recordAll(trader, reads(listed, undefined));
    for (const mrn of listed) expect(await store.readStream(accessStream(mrn))).toEqual([]);
    expect(counting.maxInFlight).toBe(0);
  });
});
