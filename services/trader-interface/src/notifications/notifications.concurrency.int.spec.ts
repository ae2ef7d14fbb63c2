/**
 * The cursor under concurrent writes: several writers append events for the same recipients at once, so the
 * projection's partitions write for them in parallel, while a reader pages with `after` the whole time. The
 * reader must end with every item exactly once, cursors strictly increasing: an item committing behind the
 * reader's cursor would be skipped for good, one committing twice would repeat.
 */
import { completenessPending, mrnOf, registered } from '@ics2/testing';
import { startNotifications, type NotificationsHarness } from '../notifications.test-harness';
import type { NotificationItemDto, NotificationsPageDto } from './notifications.response.dto';

const RECIPIENT = 'DE100000000000001';
const CARRIER = 'LU987654321';
const WRITERS = 6;
const FILINGS_PER_WRITER = 40;

describe('notifications under concurrent writes', () => {
  let h: NotificationsHarness;

  beforeAll(async () => {
    h = await startNotifications('ti_inbox_concurrency');
  }, 30_000);
  afterAll(() => h?.close());

  /** Pages through `eori`'s inbox until `until()` holds and a last page comes back empty. */
  async function readAlong(eori: string, until: () => boolean): Promise<NotificationItemDto[]> {
    const seen: NotificationItemDto[] = [];
    let after = '0';
    for (;;) {
      const writersDone = until();
      const answer = await h.get<NotificationsPageDto>(eori, `/v1/notifications?after=${after}&limit=7&wait=1`);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.items);
      after = answer.body.next;
      if (writersDone && answer.body.items.length === 0) return seen;
    }
  }

  it('gives a reader paging with `after` every item exactly once, cursors strictly increasing', async () => {
    let serial = 1_000;
    let done = false;
    // Each writer files masters for the recipient and for the carrier, and notes half the recipient's pending:
    // each such event tells both (IE3N02), so partitions take both counter rows in every order of events.
    const writer = async () => {
      for (let i = 0; i < FILINGS_PER_WRITER; i++) {
        const mrn = mrnOf((serial += 1));
        const filer = i % 3 === 2 ? CARRIER : RECIPIENT;
        await h.append(registered({ mrn, type: 'F21', lrn: `LRN-${serial}`, declarant: filer, carrier: CARRIER, houses: ['H-1'] }));
        if (filer === RECIPIENT && i % 2 === 0) await h.append(completenessPending({ mrn, missing: [{ houseDocument: 'H-1' }] }));
      }
    };
    const reading = readAlong(RECIPIENT, () => done);
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await h.caughtUp();
    done = true;
    const seen = await reading;

    const stored = (await h.snapshot()).items.filter((i) => i['recipient'] === RECIPIENT);
    const perWriter = { recipientFilings: 0, pending: 0, carrierFilings: 0 };
    for (let i = 0; i < FILINGS_PER_WRITER; i++) {
      if (i % 3 === 2) perWriter.carrierFilings += 1;
      else {
        perWriter.recipientFilings += 1;
        if (i % 2 === 0) perWriter.pending += 1;
      }
    }
    expect(stored).toHaveLength(WRITERS * (perWriter.recipientFilings + perWriter.pending));
    expect(seen.map((i) => i.id).sort()).toEqual(stored.map((i) => String(i['id'])).sort());
    const cursors = seen.map((i) => BigInt(i.cursor));
    cursors.slice(1).forEach((c, i) => expect(c).toBeGreaterThan(cursors[i]));

    // The carrier's inbox, written by the same transactions, is whole too.
    const carrier = await readAlong(CARRIER, () => true);
    expect(carrier).toHaveLength(WRITERS * (perWriter.carrierFilings + perWriter.pending));
    expect(new Set(carrier.map((i) => i.id)).size).toBe(carrier.length);

    // Counter rows are taken in one order by every transaction: no deadlock was ever resolved by aborting one.
    const admin = await h.db.admin();
    const { rows } = await admin.query<{ deadlocks: string }>('SELECT deadlocks::text FROM pg_stat_database WHERE datname = current_database()');
    expect(rows[0].deadlocks).toBe('0');
  }, 120_000);
});
