/**
 * The rules table's risk rows (issue 4, the flow; ics2-reference 9): who gets IE3N03, IE3Q01, IE3Q02, IE3N04,
 * IE3Q03 and IE3N05, with what, and who gets nothing. The person filing and the carrier of an IE3N03 come from the
 * analysis's parties (risk_parties); the referral and do-not-load events name their recipients themselves.
 */
import type { DoNotLoadIssued, ReferralRequested, RiskAssessmentCompleted } from '@ics2/contracts';
import { analysed, assessmentCompleted, doNotLoadIssued, hit, mrnOf, referralAnswered, referralRequested, RISK_DEFAULTS } from '@ics2/testing';
import type { AnalysisParties, FilingFacts, InboxEvent } from './notification';
import { draftNotifications } from './notification-drafts';
import { notificationId } from './notification-id';
import { NOTIFICATION_CATEGORIES, READS_ANALYSIS_PARTIES } from './notification-rules.table';

const PERSON_FILING = RISK_DEFAULTS.personFiling;
const CARRIER = RISK_DEFAULTS.carrier;
const OTHER = 'BE999999999';
const MRN = mrnOf(1);
const REFERENCE = `${MRN}-R1`;
const EVENT_ID = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';

const parties: AnalysisParties = { mrn: MRN, analysisId: 'pre-loading-1', personFiling: PERSON_FILING, carrier: CARRIER };
/** What filing_index might say of the head filing: the risk rows never read it for their recipients. */
const headFiling: FilingFacts = { mrn: MRN, lrn: 'LRN-1', parties: { filedBy: OTHER, declarant: OTHER } };

/** Who gets what; `analysis` null: the inbox knows no parties of the analysis. */
const addressed = (event: InboxEvent, analysis: AnalysisParties | null = parties, filing: FilingFacts = headFiling) =>
  draftNotifications(EVENT_ID, event, filing, analysis ?? undefined).map((d) => ({ to: d.recipient, messageType: d.messageType, mrn: d.mrn }));

const completed = (o: { control?: boolean; by?: 'automatic' | 'risk-unit' } = {}): RiskAssessmentCompleted => {
  const base = assessmentCompleted({ by: o.by ?? 'risk-unit' });
  return o.control ? { ...base, data: { ...base.data, controlRecommendation: { controlType: 'physical', place: 'DE004700', memberState: 'DE', reason: 'hit eu-sec-001' } } } : base;
};

const referral = (kind: 'RFI' | 'RFS', o: { carrier?: string | null } = {}): ReferralRequested => {
  const base = referralRequested({ kind, reference: REFERENCE });
  const { carrier: _carrier, ...rest } = base.data;
  return { ...base, data: { ...rest, ...(o.carrier === null ? {} : { carrier: o.carrier ?? CARRIER }) } };
};

const doNotLoad = (o: { carrier?: string | null } = {}): DoNotLoadIssued => {
  const base = doNotLoadIssued();
  const { carrier: _carrier, ...rest } = base.data;
  return { ...base, data: { ...rest, ...(o.carrier === null ? {} : { carrier: o.carrier ?? CARRIER }) } };
};

describe('notification rules: risk analysis', () => {
  it('reads the risk streams too', () => {
    expect(NOTIFICATION_CATEGORIES).toContain('risk');
  });

  describe('RiskAssessmentCompleted (IE3N03)', () => {
    it("goes to the analysis's person filing and carrier, whatever the head filing's index says", () => {
      expect(addressed(completed())).toEqual([
        { to: PERSON_FILING, messageType: 'IE3N03', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N03', mrn: MRN },
      ]);
      expect(READS_ANALYSIS_PARTIES.has('RiskAssessmentCompleted')).toBe(true);
    });

    it('tells a carrier that is also the person filing once, and a person filing with no carrier alone', () => {
      expect(addressed(completed(), { ...parties, carrier: PERSON_FILING })).toEqual([{ to: PERSON_FILING, messageType: 'IE3N03', mrn: MRN }]);
      const { carrier: _carrier, ...noCarrier } = parties;
      expect(addressed(completed(), noCarrier)).toEqual([{ to: PERSON_FILING, messageType: 'IE3N03', mrn: MRN }]);
    });

    it('tells nobody when the inbox never saw the analysis (it guesses no recipient)', () => {
      expect(addressed(completed(), null)).toEqual([]);
    });

    it('says whether a control is recommended, never which control or where', () => {
      const [withControl] = draftNotifications(EVENT_ID, completed({ control: true }), headFiling, parties);
      expect(withControl).toEqual({
        id: notificationId(EVENT_ID, 'IE3N03', PERSON_FILING),
        recipient: PERSON_FILING,
        messageType: 'IE3N03',
        mrn: MRN,
        payload: { mrn: MRN, phase: 'pre-loading', completedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE', controlRecommended: true },
      });
      expect(JSON.stringify(withControl.payload)).not.toMatch(/physical|DE004700|eu-sec-001/);
      const [automatic] = draftNotifications(EVENT_ID, completed({ by: 'automatic' }), headFiling, parties);
      expect(automatic.payload).toEqual({ mrn: MRN, phase: 'pre-loading', completedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE', controlRecommended: false });
    });
  });

  describe('ReferralRequested, RFI', () => {
    it('gives the person filing an IE3Q02 and the carrier an IE3N04, no IE3Q03 or IE3N05', () => {
      expect(addressed(referral('RFI'), null)).toEqual([
        { to: PERSON_FILING, messageType: 'IE3Q02', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N04', mrn: MRN },
      ]);
    });

    it('asks the person filing what the risk unit asks; tells the carrier only that it was asked', () => {
      const [ie3q02, ie3n04] = draftNotifications(EVENT_ID, referral('RFI'), undefined);
      expect(ie3q02.payload).toEqual({
        mrn: MRN,
        reference: REFERENCE,
        houseDocuments: ['HAWB-1'],
        information: 'commercial invoice',
        requestedAt: RISK_DEFAULTS.at,
        responsibleMemberState: 'DE',
      });
      expect(ie3n04.payload).toEqual({ mrn: MRN, reference: REFERENCE, houseDocuments: ['HAWB-1'], sentTo: PERSON_FILING, requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    });

    it('gives no IE3N04 when there is no carrier, or the carrier is the person filing', () => {
      expect(addressed(referral('RFI', { carrier: null }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3Q02', mrn: MRN }]);
      expect(addressed(referral('RFI', { carrier: PERSON_FILING }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3Q02', mrn: MRN }]);
    });

    it("follows the event's parties, not the analysis's nor the head filing's", () => {
      expect(addressed(referral('RFI', { carrier: OTHER }), parties, headFiling)).toEqual([
        { to: PERSON_FILING, messageType: 'IE3Q02', mrn: MRN },
        { to: OTHER, messageType: 'IE3N04', mrn: MRN },
      ]);
    });
  });

  describe('ReferralRequested, RFS (HRCM screening)', () => {
    it('gives the person filing an IE3Q03 with the recommended methods and the carrier an IE3N05', () => {
      expect(addressed(referral('RFS'))).toEqual([
        { to: PERSON_FILING, messageType: 'IE3Q03', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N05', mrn: MRN },
      ]);
      const [ie3q03, ie3n05] = draftNotifications(EVENT_ID, referral('RFS'), undefined);
      expect(ie3q03.payload).toEqual({ mrn: MRN, reference: REFERENCE, houseDocuments: ['HAWB-1'], recommendedMethods: ['XRY'], requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
      expect(ie3n05.payload).toEqual({ mrn: MRN, reference: REFERENCE, houseDocuments: ['HAWB-1'], sentTo: PERSON_FILING, requestedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    });

    it('gives no IE3N05 without a carrier other than the person filing', () => {
      expect(addressed(referral('RFS', { carrier: null }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3Q03', mrn: MRN }]);
    });
  });

  describe('DoNotLoadIssued (IE3Q01)', () => {
    it('goes to the carrier only, without the reason', () => {
      expect(addressed(doNotLoad())).toEqual([{ to: CARRIER, messageType: 'IE3Q01', mrn: MRN }]);
      expect(draftNotifications(EVENT_ID, doNotLoad(), undefined)[0].payload).toEqual({ mrn: MRN, houseDocuments: ['HAWB-1'], issuedAt: RISK_DEFAULTS.at, responsibleMemberState: 'DE' });
    });

    it('goes to the person filing when the ENS names no carrier', () => {
      expect(addressed(doNotLoad({ carrier: null }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3Q01', mrn: MRN }]);
    });
  });

  it('tells no trader of an analysis, its hits, dismissals, mitigation, escalation or an answer', () => {
    const base = analysed({ hits: [hit()] });
    const silent: InboxEvent[] = [
      base,
      { type: 'RiskHitDismissed', data: { mrn: MRN, analysisId: 'pre-loading-1', criterionId: 'eu-sec-001', version: 1, reason: 'known shipper', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } },
      { type: 'RiskMitigationAdded', data: { mrn: MRN, analysisId: 'pre-loading-1', user: { memberState: 'BE', userId: 'be-1' }, information: 'known consignor', addedAt: RISK_DEFAULTS.at } },
      { type: 'RiskAnalysisEscalated', data: { mrn: MRN, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: RISK_DEFAULTS.dueAt } },
      referralAnswered({ reference: REFERENCE }),
    ];
    expect(silent.flatMap((e) => addressed(e))).toEqual([]);
  });
});
