/**
 * The inbox as a projection of risk events on a real PostgreSQL (issue 4, the flow): risk-<mrn> events appended to
 * the store become IE3N03, IE3Q01, IE3Q02, IE3N04, IE3Q03 and IE3N05 items of the right operators only, through
 * the running subscription. The IE3N03's person filing and carrier come from its analysis's RiskAnalysed on the
 * same stream (risk_parties), so they are found even when the head filing's registration is not in the inbox.
 * Delivering every event twice changes nothing; replaying every event into empty tables gives the live rows.
 */
import type { DoNotLoadIssued, EnsFiling, ReferralRequested, RiskAnalysed, RiskAssessmentCompleted, RiskEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import { analysed, assessmentCompleted, doNotLoadIssued, hit, minimalFiling, mrnOf, referralAnswered, referralRequested, registered, RISK_DEFAULTS } from '@ics2/testing';
import { startNotifications, type NotificationsHarness } from '../notifications.test-harness';
import type { InboxEvent } from './notification';
import { NOTIFICATION_CATEGORIES } from './notification-rules.table';
import type { NotificationItemDto, NotificationsPageDto } from './notifications.response.dto';

const DECLARANT = RISK_DEFAULTS.personFiling;
const CARRIER = RISK_DEFAULTS.carrier;
const REPRESENTATIVE = 'FR555555555';
const OWN_CARRIER = 'NL111111111';
const OTHER_CARRIER = 'BE999999999';
const STRANGER = 'PL000000001';

/** Referrals and an assessment with a control recommendation. */
const A = mrnOf(11);
/** Lodged by a representative, no carrier: do not load goes to the person filing. */
const B = mrnOf(12);
/** The carrier files its own: told once. */
const C = mrnOf(13);
/** Do not load: the carrier only. */
const D = mrnOf(14);
/** Its registration never reached the inbox (as when its partition lags): the IE3N03 still goes out. */
const E = mrnOf(15);
/** Re-analysed after an amendment named another carrier: the IE3N03 goes to the parties of the analysis it completes. */
const F = mrnOf(16);
/** A master (G) and its houses (H by a forwarder, I by the master's declarant): IE3N03 to each filer about its own filing, once each. */
const G = mrnOf(17);
const H = mrnOf(18);
const I = mrnOf(19);
const FORWARDER = 'FR777777777';

interface Parties {
  readonly personFiling: string;
  readonly carrier?: string;
}

const partiesOf = (p: Parties) => ({ personFiling: p.personFiling, ...(p.carrier ? { carrier: p.carrier } : {}) });

function analysis(mrn: string, p: Parties, o: { n?: number; hits?: boolean; trigger?: RiskAnalysed['data']['trigger']; memberFilers?: RiskAnalysed['data']['memberFilers'] } = {}): RiskAnalysed {
  const { personFiling: _p, carrier: _c, ...data } = analysed({ mrn, n: o.n, hits: o.hits === false ? [] : [hit()], trigger: o.trigger }).data;
  const members = o.memberFilers ? { members: o.memberFilers.map((m) => m.mrn), memberFilers: o.memberFilers } : {};
  return { type: 'RiskAnalysed', data: { ...data, ...partiesOf(p), ...members } };
}

function referral(mrn: string, kind: 'RFI' | 'RFS', n: number, p: Parties): ReferralRequested {
  const { personFiling: _p, carrier: _c, ...data } = referralRequested({ kind, reference: `${mrn}-R${n}` }).data;
  return { type: 'ReferralRequested', data: { ...data, mrn, ...partiesOf(p) } };
}

function doNotLoad(mrn: string, p: Parties): DoNotLoadIssued {
  const { personFiling: _p, carrier: _c, ...data } = doNotLoadIssued().data;
  return { type: 'DoNotLoadIssued', data: { ...data, mrn, ...partiesOf(p) } };
}

function assessed(mrn: string, o: { analysisId?: string; control?: boolean; by?: 'automatic' | 'risk-unit' } = {}): RiskAssessmentCompleted {
  const { data } = assessmentCompleted({ analysisId: o.analysisId, by: o.by });
  return { type: 'RiskAssessmentCompleted', data: { ...data, mrn, ...(o.control ? { controlRecommendation: { controlType: 'physical', place: 'DE004700', memberState: 'DE' } } : {}) } };
}

const silent = (mrn: string): RiskEvent[] => [
  { type: 'RiskHitDismissed', data: { mrn, analysisId: 'pre-loading-1', criterionId: 'eu-sec-001', version: 1, reason: 'known shipper', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } },
  { type: 'RiskMitigationAdded', data: { mrn, analysisId: 'pre-loading-1', user: { memberState: 'BE', userId: 'be-1' }, information: 'known consignor', addedAt: RISK_DEFAULTS.at } },
  { type: 'RiskAnalysisEscalated', data: { mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: RISK_DEFAULTS.dueAt } },
];

const answered = (mrn: string, n: number, kind: 'RFI' | 'RFS') => {
  const { data } = referralAnswered({ kind, reference: `${mrn}-R${n}` });
  return { type: 'ReferralAnswered' as const, data: { ...data, mrn } };
};

const withoutCarrier = ((): EnsFiling => {
  const filing = minimalFiling({ lrn: 'LRN-B', declarant: DECLARANT, representative: REPRESENTATIVE });
  if (!filing.consignmentMasterLevel) throw new Error('an F20 has a master level');
  const { carrier: _carrier, ...master } = filing.consignmentMasterLevel;
  return { ...filing, consignmentMasterLevel: master };
})();

const A_PARTIES = { personFiling: DECLARANT, carrier: CARRIER };

/** Each inner list is one append (one stream), projected before the next. */
const history: InboxEvent[][] = [
  [registered({ mrn: A, lrn: 'LRN-A', declarant: DECLARANT, carrier: CARRIER })],
  [analysis(A, A_PARTIES), referral(A, 'RFI', 1, A_PARTIES)],
  [answered(A, 1, 'RFI'), referral(A, 'RFS', 2, A_PARTIES), answered(A, 2, 'RFS'), ...silent(A), assessed(A, { control: true })],
  [registered({ mrn: B, filedBy: REPRESENTATIVE, filing: withoutCarrier })],
  [analysis(B, { personFiling: REPRESENTATIVE }), doNotLoad(B, { personFiling: REPRESENTATIVE })],
  [registered({ mrn: C, lrn: 'LRN-C', declarant: OWN_CARRIER, carrier: OWN_CARRIER })],
  [analysis(C, { personFiling: OWN_CARRIER, carrier: OWN_CARRIER }, { hits: false }), assessed(C, { by: 'automatic' })],
  [registered({ mrn: D, lrn: 'LRN-D', declarant: DECLARANT, carrier: OTHER_CARRIER })],
  [analysis(D, { personFiling: DECLARANT, carrier: OTHER_CARRIER }), doNotLoad(D, { personFiling: DECLARANT, carrier: OTHER_CARRIER })],
  [analysis(E, A_PARTIES, { hits: false }), assessed(E, { by: 'automatic' })],
  [registered({ mrn: F, lrn: 'LRN-F', declarant: DECLARANT, carrier: OTHER_CARRIER })],
  [analysis(F, A_PARTIES), analysis(F, { personFiling: DECLARANT, carrier: OTHER_CARRIER }, { n: 2, trigger: 'amendment' }), assessed(F, { analysisId: 'pre-loading-2' })],
  [registered({ mrn: H, lrn: 'LRN-H', declarant: FORWARDER, carrier: CARRIER })],
  [
    analysis(G, A_PARTIES, { hits: false, memberFilers: [{ mrn: G, personFiling: DECLARANT }, { mrn: H, personFiling: FORWARDER }, { mrn: I, personFiling: DECLARANT }] }),
    assessed(G, { by: 'automatic' }),
  ],
];

const expected: Record<string, { messageType: string; mrn: string; lrn: string | null }[]> = {
  [DECLARANT]: [
    { messageType: 'IE3R01', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3Q02', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3Q03', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N03', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3R01', mrn: D, lrn: 'LRN-D' },
    { messageType: 'IE3N03', mrn: E, lrn: null },
    { messageType: 'IE3R01', mrn: F, lrn: 'LRN-F' },
    { messageType: 'IE3N03', mrn: F, lrn: 'LRN-F' },
    { messageType: 'IE3N03', mrn: G, lrn: null },
  ],
  [CARRIER]: [
    { messageType: 'IE3N04', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N05', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N03', mrn: A, lrn: 'LRN-A' },
    { messageType: 'IE3N03', mrn: E, lrn: null },
    { messageType: 'IE3N03', mrn: G, lrn: null },
  ],
  [FORWARDER]: [
    { messageType: 'IE3R01', mrn: H, lrn: 'LRN-H' },
    { messageType: 'IE3N03', mrn: H, lrn: 'LRN-H' },
  ],
  [REPRESENTATIVE]: [
    { messageType: 'IE3R01', mrn: B, lrn: 'LRN-B' },
    { messageType: 'IE3Q01', mrn: B, lrn: 'LRN-B' },
  ],
  [OWN_CARRIER]: [
    { messageType: 'IE3R01', mrn: C, lrn: 'LRN-C' },
    { messageType: 'IE3N03', mrn: C, lrn: 'LRN-C' },
  ],
  [OTHER_CARRIER]: [
    { messageType: 'IE3Q01', mrn: D, lrn: 'LRN-D' },
    { messageType: 'IE3N03', mrn: F, lrn: 'LRN-F' },
  ],
  [STRANGER]: [],
};

describe('notifications projection: risk analysis', () => {
  let h: NotificationsHarness;
  const recorded: RecordedEvent[] = [];
  const inboxOf = async (eori: string) => {
    const answer = await h.get<NotificationsPageDto>(eori, '/v1/notifications?limit=500');
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    h = await startNotifications('ti_inbox_risk');
    for (const events of history) {
      recorded.push(...(await h.append(...events)));
      await h.caughtUp();
    }
  }, 60_000);
  afterAll(() => h?.close());

  it('reads the risk streams', () => {
    expect(recorded.filter((e) => e.streamId.startsWith('risk-')).length).toBeGreaterThan(0);
    expect(NOTIFICATION_CATEGORIES).toContain('risk');
  });

  it.each(Object.keys(expected))('gives %s exactly its own items, in order', async (eori) => {
    const items = await inboxOf(eori);
    expect(items.map(({ messageType, mrn, lrn }) => ({ messageType, mrn, lrn }))).toEqual(expected[eori]);
  });

  it('gives the IE3N03 no detail of the recommended control', async () => {
    const ie3n03 = (await inboxOf(CARRIER)).find((i) => i.messageType === 'IE3N03' && i.mrn === A) as NotificationItemDto;
    const source = recorded.find((e) => e.type === 'RiskAssessmentCompleted' && (e.data as { mrn: string }).mrn === A) as RecordedEvent;
    expect(ie3n03).toEqual<NotificationItemDto>({
      id: expect.any(String),
      cursor: '3',
      messageType: 'IE3N03',
      mrn: A,
      lrn: 'LRN-A',
      createdAt: source.recordedAt,
      payload: { mrn: A, phase: 'pre-loading', completedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE', controlRecommended: true },
    });
  });

  it('asks the person filing with the reference to answer; tells the carrier only that it was asked', async () => {
    const [ie3q02, ie3q03] = (await inboxOf(DECLARANT)).filter((i) => i.mrn === A && i.messageType.startsWith('IE3Q'));
    expect(ie3q02.payload).toEqual({ mrn: A, reference: `${A}-R1`, houseDocuments: ['HAWB-1'], information: 'commercial invoice', requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    expect(ie3q03.payload).toEqual({ mrn: A, reference: `${A}-R2`, houseDocuments: ['HAWB-1'], recommendedMethods: ['XRY'], requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    const [ie3n04] = await inboxOf(CARRIER);
    expect(ie3n04.payload).toEqual({ mrn: A, reference: `${A}-R1`, houseDocuments: ['HAWB-1'], sentTo: DECLARANT, requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    const [ie3q01] = await inboxOf(OTHER_CARRIER);
    expect(ie3q01.payload).toEqual({ mrn: D, houseDocuments: ['HAWB-1'], issuedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
  });

  it('keeps each analysis\'s person filing and carrier, from its RiskAnalysed', async () => {
    const { riskParties } = await h.snapshot();
    expect(riskParties).toEqual(
      [
        { mrn: A, analysis_id: 'pre-loading-1', person_filing: DECLARANT, carrier: CARRIER, member_filers: null },
        { mrn: B, analysis_id: 'pre-loading-1', person_filing: REPRESENTATIVE, carrier: null, member_filers: null },
        { mrn: C, analysis_id: 'pre-loading-1', person_filing: OWN_CARRIER, carrier: OWN_CARRIER, member_filers: null },
        { mrn: D, analysis_id: 'pre-loading-1', person_filing: DECLARANT, carrier: OTHER_CARRIER, member_filers: null },
        { mrn: E, analysis_id: 'pre-loading-1', person_filing: DECLARANT, carrier: CARRIER, member_filers: null },
        { mrn: F, analysis_id: 'pre-loading-1', person_filing: DECLARANT, carrier: CARRIER, member_filers: null },
        { mrn: F, analysis_id: 'pre-loading-2', person_filing: DECLARANT, carrier: OTHER_CARRIER, member_filers: null },
        {
          mrn: G,
          analysis_id: 'pre-loading-1',
          person_filing: DECLARANT,
          carrier: CARRIER,
          member_filers: [{ mrn: G, personFiling: DECLARANT }, { mrn: H, personFiling: FORWARDER }, { mrn: I, personFiling: DECLARANT }],
        },
      ].sort((x, y) => (x.mrn + x.analysis_id < y.mrn + y.analysis_id ? -1 : 1)),
    );
  });

  it('changes nothing when every event is delivered twice', async () => {
    const before = await h.snapshot();
    await h.project([...recorded, ...recorded], recorded.length * 2);
    await h.project(recorded, 3);
    expect(await h.snapshot()).toEqual(before);
  });

  it('rebuilds exactly the live rows from the events, into empty tables', async () => {
    const live = await h.snapshot();
    expect(live.items).toHaveLength(Object.values(expected).flat().length);
    await h.truncate();
    expect(await h.snapshot()).toEqual({ items: [], filings: [], sequences: [], riskParties: [] });
    await h.project(await h.store.readAll({ filter: { categories: NOTIFICATION_CATEGORIES } }), 5);
    expect(await h.snapshot()).toEqual(live);
  });
});
