/**
 * The inbox as a projection on a real PostgreSQL: ENS and arrival events appended to the store become each
 * recipient's items through the running subscription, only the recipient's own; delivering every event twice
 * changes nothing; replaying every event into empty tables gives exactly the live rows.
 */
import type { RecordedEvent } from '@ics2/event-store';
import { amended, completenessPending, invalidated, mrnOf, presented, registered, rejected, responsibilityAssigned } from '@ics2/testing';
import { amendmentRejected, arrivalRegistered, invalidatedOnRequest, invalidationRejected, startNotifications, type NotificationsHarness } from '../notifications.test-harness';
import type { InboxEvent } from './notification';
import { NOTIFICATION_CATEGORIES } from './notification-rules.table';
import type { NotificationItemDto, NotificationsPageDto } from './notifications.response.dto';

const DECLARANT = 'DE123456789012345';
const REPRESENTATIVE = 'FR555555555';
const CARRIER = 'LU987654321';
const FORWARDER = 'NL111111111';
const OTHER = 'BE999999999';
const STRANGER = 'PL000000001';

const MASTER = mrnOf(1);
const REPRESENTED = mrnOf(2);
const REFUSED = mrnOf(3);
const EXPIRED = mrnOf(4);
const OTHERS = mrnOf(5);
const ARRIVAL = mrnOf(9, true);

/** Every kind of event, for several operators; each recipient's expected items follow in `expected`. */
const history: InboxEvent[][] = [
  [registered({ mrn: MASTER, type: 'F21', lrn: 'LRN-M', declarant: DECLARANT, houses: ['H-1', 'H-2'] }), responsibilityAssigned({ mrn: MASTER })],
  [completenessPending({ mrn: MASTER, missing: [{ houseDocument: 'H-1', expectedFiler: FORWARDER }, { houseDocument: 'H-2' }] })],
  [amended({ mrn: MASTER, filing: registered({ type: 'F21', lrn: 'LRN-M', houses: ['H-1', 'H-2'] }).data.filing, by: DECLARANT, changed: ['/declarant/name'] })],
  [amendmentRejected({ mrn: MASTER, by: DECLARANT })],
  [registered({ mrn: REPRESENTED, lrn: 'LRN-R', declarant: DECLARANT, representative: REPRESENTATIVE, filedBy: REPRESENTATIVE })],
  [invalidationRejected({ mrn: REPRESENTED, by: REPRESENTATIVE })],
  [invalidatedOnRequest({ mrn: REPRESENTED, by: REPRESENTATIVE })],
  [registered({ mrn: REFUSED, lrn: 'LRN-X', declarant: DECLARANT })],
  [rejected({ mrn: REFUSED })],
  [registered({ mrn: EXPIRED, lrn: 'LRN-E', declarant: DECLARANT }), invalidated({ mrn: EXPIRED, reason: 'expired' })],
  [arrivalRegistered({ arrivalMrn: ARRIVAL, by: CARRIER, arrived: [MASTER], refused: [{ mrn: REFUSED }] })],
  [registered({ mrn: OTHERS, lrn: 'LRN-B', declarant: OTHER })],
  [presented({ mrn: MASTER })],
];

const expected: Record<string, { messageType: string; mrn: string; lrn: string | null }[]> = {
  [DECLARANT]: [
    { messageType: 'IE3R01', mrn: MASTER, lrn: 'LRN-M' },
    { messageType: 'IE3N02', mrn: MASTER, lrn: 'LRN-M' },
    { messageType: 'IE3N10', mrn: MASTER, lrn: 'LRN-M' },
    { messageType: 'IE3N01', mrn: MASTER, lrn: 'LRN-M' },
    { messageType: 'IE3R01', mrn: REFUSED, lrn: 'LRN-X' },
    { messageType: 'IE3N01', mrn: REFUSED, lrn: 'LRN-X' },
    { messageType: 'IE3R01', mrn: EXPIRED, lrn: 'LRN-E' },
  ],
  [CARRIER]: [
    { messageType: 'IE3N02', mrn: MASTER, lrn: 'LRN-M' },
    // the arrival's own MRN is no filing: no LRN
    { messageType: 'IE3R04', mrn: ARRIVAL, lrn: null },
    { messageType: 'IE3N07', mrn: REFUSED, lrn: 'LRN-X' },
  ],
  // not a party of the master: told of it, not of its filer's LRN
  [FORWARDER]: [{ messageType: 'IE3N11', mrn: MASTER, lrn: null }],
  [REPRESENTATIVE]: [
    { messageType: 'IE3R01', mrn: REPRESENTED, lrn: 'LRN-R' },
    { messageType: 'IE3N01', mrn: REPRESENTED, lrn: 'LRN-R' },
    { messageType: 'IE3R07', mrn: REPRESENTED, lrn: 'LRN-R' },
  ],
  [OTHER]: [{ messageType: 'IE3R01', mrn: OTHERS, lrn: 'LRN-B' }],
  [STRANGER]: [],
};

describe('notifications projection', () => {
  let h: NotificationsHarness;
  const recorded: RecordedEvent[] = [];
  const inboxOf = async (eori: string) => {
    const answer = await h.get<NotificationsPageDto>(eori, '/v1/notifications?limit=500');
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    h = await startNotifications('ti_inbox_projection');
    // One append at a time, each projected before the next: the live order is the log's order, as a replay's is.
    for (const events of history) {
      recorded.push(...(await h.append(...events)));
      await h.caughtUp();
    }
  }, 60_000);
  afterAll(() => h?.close());

  it.each(Object.keys(expected))('gives %s exactly its own items, in order', async (eori) => {
    const items = await inboxOf(eori);
    expect(items.map(({ messageType, mrn, lrn }) => ({ messageType, mrn, lrn }))).toEqual(expected[eori]);
    const cursors = items.map((i) => BigInt(i.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('names every field of an item and dates it when its event was recorded', async () => {
    const [ie3r01] = await inboxOf(DECLARANT);
    const source = recorded.find((e) => e.type === 'EnsFilingRegistered' && (e.data as { mrn: string }).mrn === MASTER) as RecordedEvent;
    expect(ie3r01).toEqual<NotificationItemDto>({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      cursor: '1',
      messageType: 'IE3R01',
      mrn: MASTER,
      lrn: 'LRN-M',
      createdAt: source.recordedAt,
      payload: {
        mrn: MASTER,
        lrn: 'LRN-M',
        registeredAt: '2026-12-01T10:00:00.000Z',
        specificCircumstanceIndicator: 'F21',
        customsOfficeOfFirstEntry: 'DE004700',
        declarant: DECLARANT,
        representative: null,
        carrier: CARRIER,
      },
    });
    const ie3n07 = (await inboxOf(CARRIER))[2];
    expect(ie3n07.payload).toEqual({ arrivalMrn: ARRIVAL, mrn: REFUSED, messageId: 'arr-1', errors: [{ validationCode: '92', pointer: '', description: 'the filing cannot become arrived' }] });
  });

  it('never shows an operator another operator\'s items', async () => {
    const ownMrns = (items: NotificationItemDto[]) => new Set(items.map((i) => i.mrn));
    expect(ownMrns(await inboxOf(OTHER))).toEqual(new Set([OTHERS]));
    expect([...ownMrns(await inboxOf(DECLARANT))]).not.toContain(OTHERS);
    expect(await inboxOf(STRANGER)).toEqual([]);
  });

  it('changes nothing when every event is delivered twice', async () => {
    const before = await h.snapshot();
    // Again in one transaction (each event twice in it), then again in small ones.
    await h.project([...recorded, ...recorded], recorded.length * 2);
    await h.project(recorded, 3);
    expect(await h.snapshot()).toEqual(before);
  });

  it('rebuilds exactly the live rows from the events, into empty tables', async () => {
    const live = await h.snapshot();
    expect(live.items).toHaveLength(Object.values(expected).flat().length);
    await h.truncate();
    expect((await h.snapshot()).items).toEqual([]);
    await h.project(await h.store.readAll({ filter: { categories: NOTIFICATION_CATEGORIES } }), 5);
    expect(await h.snapshot()).toEqual(live);
  });

  it("takes an item's LRN from the filing's registration event when its partition has not indexed the filing yet", async () => {
    await h.truncate();
    // Only the arrival, as a partition ahead of the refused filing's would see it: filing_index is empty.
    await h.project(recorded.filter((e) => e.type === 'ArrivalRegistered'));
    const items = await inboxOf(CARRIER);
    expect(items.map(({ messageType, mrn, lrn }) => ({ messageType, mrn, lrn }))).toEqual([
      { messageType: 'IE3R04', mrn: ARRIVAL, lrn: null },
      { messageType: 'IE3N07', mrn: REFUSED, lrn: 'LRN-X' },
    ]);
  });
});
