/**
 * The inbox as a projection of control events on a real PostgreSQL (ics2-reference 11.3): control-<mrn> events
 * appended to the store become, through the running subscription, an IE3N08 for the person filing and the carrier
 * and an IE3N09 for a party holding AEO status, and nothing for anyone else; when the decision names the ENS's
 * filings as the common repository held them (a house refiled), each one's person filing gets an IE3N08 too. A decision not to control, an opened
 * case and a control result tell nobody. Delivering every event twice changes nothing; replaying every event into
 * empty tables gives the live rows.
 */
import { controlStream, type RecordedEvent } from '@ics2/event-store';
import type { ControlDecided } from '@ics2/contracts';
import { caseOpened, CONTROL_DEFAULTS, controlDecided, mrnOf, registered, resultRecorded, RISK_DEFAULTS } from '@ics2/testing';
import { startNotifications, type NotificationsHarness } from '../notifications.test-harness';
import type { InboxEvent } from './notification';
import { NOTIFICATION_CATEGORIES } from './notification-rules.table';
import type { NotificationItemDto, NotificationsPageDto } from './notifications.response.dto';

const DECLARANT = RISK_DEFAULTS.personFiling;
const CARRIER = RISK_DEFAULTS.carrier;
const OWN_CARRIER = 'NL111111111';
const STRANGER = 'PL000000001';

/** Controlled; its carrier holds AEO status. */
const A = mrnOf(21);
/** Not controlled, although both parties hold AEO status. */
const B = mrnOf(22);
/** Controlled; the carrier files its own ENS and holds AEO status. */
const C = mrnOf(23);

/** Controlled after a house was invalidated and refiled (by REFILER): the decision names D's filings as they now are. */
const D = mrnOf(24);
const D_KEPT = mrnOf(25);
const D_REFILED = mrnOf(27);
const HOUSE_FILER = 'FR222222222';
const REFILER = 'NL333333333';

const SCHEDULED_AT = '2026-12-02T08:00:00.000Z';

function decision(
  mrn: string,
  o: { control?: boolean; aeoParties: readonly string[]; personFiling?: string; carrier?: string; memberFilers?: ControlDecided['data']['memberFilers'] },
): ControlDecided {
  const { data } = controlDecided({ control: o.control, aeoParties: o.aeoParties });
  const parties = { personFiling: o.personFiling ?? DECLARANT, carrier: o.carrier ?? CARRIER };
  const members = o.memberFilers ? { members: o.memberFilers.map((m) => m.mrn), memberFilers: o.memberFilers } : { members: [mrn] };
  return { type: 'ControlDecided', data: { ...data, ...parties, mrn, ...members, ...(o.control === false ? {} : { place: 'DE004700-shed-3', scheduledAt: SCHEDULED_AT, reason: 'hit eu-sec-001' }) } };
}

const withMrn = <E extends InboxEvent>(event: E, mrn: string): E => ({ ...event, data: { ...event.data, mrn } });

/** Each inner list is one append (one stream), projected before the next. */
const history: InboxEvent[][] = [
  [registered({ mrn: A, lrn: 'LRN-A', declarant: DECLARANT, carrier: CARRIER })],
  [withMrn(caseOpened({ aeoParties: [CARRIER] }), A), decision(A, { aeoParties: [CARRIER] })],
  [withMrn(resultRecorded({ outcome: 'irregularity-found', released: false }), A)],
  [registered({ mrn: B, lrn: 'LRN-B', declarant: DECLARANT, carrier: CARRIER })],
  [withMrn(caseOpened({ aeoParties: [DECLARANT, CARRIER] }), B), decision(B, { control: false, aeoParties: [DECLARANT, CARRIER] })],
  [registered({ mrn: C, lrn: 'LRN-C', declarant: OWN_CARRIER, carrier: OWN_CARRIER })],
  [decision(C, { aeoParties: [OWN_CARRIER], personFiling: OWN_CARRIER, carrier: OWN_CARRIER })],
  [registered({ mrn: D, lrn: 'LRN-D', declarant: DECLARANT, carrier: CARRIER })],
  [registered({ mrn: D_KEPT, lrn: 'LRN-D-KEPT', declarant: HOUSE_FILER })],
  [registered({ mrn: D_REFILED, lrn: 'LRN-D-REFILED', declarant: REFILER })],
  [
    decision(D, {
      aeoParties: [],
      memberFilers: [
        { mrn: D, personFiling: DECLARANT },
        { mrn: D_KEPT, personFiling: HOUSE_FILER },
        { mrn: D_REFILED, personFiling: REFILER },
      ],
    }),
  ],
];

const expected: Record<string, { messageType: string; mrn: string; lrn: string | null }[]> = {
  [DECLARANT]: [
    { messageType: 'IE3R01', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N08', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3R01', mrn: B, lrn: 'LRN-B' },
    { messageType: 'IE3R01', mrn: D, lrn: 'LRN-D' },
    { messageType: 'IE3N08', mrn: D, lrn: 'LRN-D' },
  ],
  [CARRIER]: [
    { messageType: 'IE3N09', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N08', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N08', mrn: D, lrn: 'LRN-D' },
  ],
  // Each current house's filer is told about its own filing.
  [HOUSE_FILER]: [
    { messageType: 'IE3R01', mrn: D_KEPT, lrn: 'LRN-D-KEPT' },
    { messageType: 'IE3N08', mrn: D_KEPT, lrn: 'LRN-D-KEPT' },
  ],
  [REFILER]: [
    { messageType: 'IE3R01', mrn: D_REFILED, lrn: 'LRN-D-REFILED' },
    { messageType: 'IE3N08', mrn: D_REFILED, lrn: 'LRN-D-REFILED' },
  ],
  [OWN_CARRIER]: [
    { messageType: 'IE3R01', mrn: C, lrn: 'LRN-C' },
    { messageType: 'IE3N09', mrn: C, lrn: 'LRN-C' },
    { messageType: 'IE3N08', mrn: C, lrn: 'LRN-C' },
  ],
  [STRANGER]: [],
};

describe('notifications projection: control', () => {
  let h: NotificationsHarness;
  const recorded: RecordedEvent[] = [];
  const inboxOf = async (eori: string) => {
    const answer = await h.get<NotificationsPageDto>(eori, '/v1/notifications?limit=500');
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    h = await startNotifications('ti_inbox_control');
    for (const events of history) {
      recorded.push(...(await h.append(...events)));
      await h.caughtUp();
    }
  }, 60_000);
  afterAll(() => h?.close());

  it('reads the control streams', async () => {
    expect(NOTIFICATION_CATEGORIES).toContain('control');
    expect([await h.eventsIn(controlStream(A)), await h.eventsIn(controlStream(B)), await h.eventsIn(controlStream(C))]).toEqual([3, 2, 1]);
  });

  it.each(Object.keys(expected))('gives %s exactly its own items, in order', async (eori) => {
    const items = await inboxOf(eori);
    expect(items.map(({ messageType, mrn, lrn }) => ({ messageType, mrn, lrn }))).toEqual(expected[eori]);
  });

  it('tells what is controlled, how, where and when, and by which Member State; never why', async () => {
    const source = recorded.find((e) => e.type === 'ControlDecided' && (e.data as { mrn: string }).mrn === A) as RecordedEvent;
    const payload = { mrn: A, controlType: 'physical', office: CONTROL_DEFAULTS.office, place: 'DE004700-shed-3', scheduledAt: SCHEDULED_AT, decidedAt: RISK_DEFAULTS.at, memberStateOfControl: 'DE' };
    const [, ie3n08] = await inboxOf(DECLARANT);
    expect(ie3n08).toEqual<NotificationItemDto>({ id: expect.any(String), cursor: '2', messageType: 'IE3N08', mrn: A, lrn: 'LRN-A', createdAt: source.recordedAt, payload });
    const [ie3n09, carriersIe3n08] = await inboxOf(CARRIER);
    expect(ie3n09).toEqual<NotificationItemDto>({ id: expect.any(String), cursor: '1', messageType: 'IE3N09', mrn: A, lrn: 'LRN-A', createdAt: source.recordedAt, payload });
    expect(carriersIe3n08.payload).toEqual(payload);
    expect(JSON.stringify((await h.snapshot()).items)).not.toMatch(/eu-sec-001|de-control-1/);
  });

  it('lists IE3N08 and IE3N09 among the message types of its OpenAPI document', async () => {
    const doc = (await (await fetch(`${h.service.app.httpUrl}/docs-json`)).json()) as { components: { schemas: Record<string, { enum?: string[] }> } };
    expect(doc.components.schemas['NotificationMessageType'].enum).toEqual(expect.arrayContaining(['IE3N08', 'IE3N09']));
  });

  it('changes nothing when every event is delivered twice', async () => {
    const before = await h.snapshot();
    await h.project([...recorded, ...recorded], recorded.length * 2);
    await h.project(recorded, 2);
    expect(await h.snapshot()).toEqual(before);
  });

  it('rebuilds exactly the live rows from the events, into empty tables', async () => {
    const live = await h.snapshot();
    expect(live.items).toHaveLength(Object.values(expected).flat().length);
    await h.truncate();
    expect((await h.snapshot()).items).toEqual([]);
    await h.project(await h.store.readAll({ filter: { categories: NOTIFICATION_CATEGORIES } }), 3);
    expect(await h.snapshot()).toEqual(live);
  });
});
