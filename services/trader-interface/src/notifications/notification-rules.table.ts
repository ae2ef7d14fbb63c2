/**
 * Which customs-to-trader messages each event becomes, and who receives each, by EORI (issue 3; issue 4, the flow;
 * ics2-reference 7.2, 9, 10, 11). The projection reads this table and nothing else decides: a new notification is
 * a new row.
 *
 * Every event type the inbox reads has a row (the compiler insists), an empty one when it notifies nobody, so a new
 * event type in contracts is a decision here rather than a silent gap. `filing` is what the inbox knows of the
 * event's filing (filing_index: LRN and parties, from its EnsFilingRegistered); events carry only the MRN.
 * `analysis` is what it knows of a risk analysis (risk_parties, from its RiskAnalysed on the same risk stream),
 * read only for the event types in READS_ANALYSIS_PARTIES: the referral, do-not-load and control events name their
 * recipients themselves.
 */
import type { Addressee, AnalysisParties, FilingFacts, InboxEventData, InboxEventType, NotificationMessageType } from './notification';
import {
  toControlNotification,
  toIE3N01OfAmendment,
  toIE3N01OfFiling,
  toIE3N01OfInvalidation,
  toIE3N02,
  toIE3N07,
  toIE3N10,
  toIE3N03,
  toIE3N11,
  toIE3Q01,
  toIE3Q02,
  toIE3Q03,
  toIE3R01,
  toIE3R04,
  toIE3R07,
  toReferralSent,
  type NotificationPayload,
} from './notification-payloads';

export interface NotificationRule<T extends InboxEventType> {
  readonly messageType: NotificationMessageType;
  /** The recipients; none when the event names nobody to tell. */
  readonly to: (data: InboxEventData<T>, filing: FilingFacts | undefined, analysis: AnalysisParties | undefined) => readonly Addressee[];
  /** What the message carries for one recipient, named field by field. */
  readonly payload: (data: InboxEventData<T>, to: Addressee, filing: FilingFacts | undefined) => NotificationPayload;
}

export type NotificationRules = { readonly [T in InboxEventType]: readonly NotificationRule<T>[] };

/** The stream categories whose events the table reads (the subscription's filter). */
export const NOTIFICATION_CATEGORIES: readonly string[] = ['ens', 'arrival', 'risk', 'control'];

/** The event types whose rows read `analysis` (the projection looks the analysis's parties up for these only). */
export const READS_ANALYSIS_PARTIES: ReadonlySet<InboxEventType> = new Set<InboxEventType>(['RiskAssessmentCompleted']);

// Recipients ------------------------------------------------------------------------------------------------

/** The sender of the filing: the declarant, or the representative lodging for it. */
const personFiling = (_data: { readonly mrn: string }, filing: FilingFacts | undefined): Addressee[] =>
  filing ? [{ eori: filing.parties.filedBy, mrn: filing.mrn }] : [];

/** The person filing, and the carrier when the filing names one other than the person filing. */
const personFilingAndCarrier = (data: { readonly mrn: string }, filing: FilingFacts | undefined): Addressee[] => {
  const carrier = filing?.parties.carrier;
  return [...personFiling(data, filing), ...(filing && carrier && carrier !== filing.parties.filedBy ? [{ eori: carrier, mrn: filing.mrn }] : [])];
};

/** Whoever sent the message the event answers (IE3Axx, IE3Q04). */
const requester = (data: { readonly mrn: string; readonly requestedBy?: string }): Addressee[] => (data.requestedBy ? [{ eori: data.requestedBy, mrn: data.mrn }] : []);

const amender = (data: { readonly mrn: string; readonly amendedBy: string }): Addressee[] => [{ eori: data.amendedBy, mrn: data.mrn }];

/** An invalidation someone asked for; the 200-day expiry ('expired') was asked by nobody, so nobody gets an IE3R07. */
const requesterOfInvalidation = (data: InboxEventData<'EnsFilingInvalidated'>): Addressee[] => (data.reason === 'requested' ? requester(data) : []);

/** Each party the master names as the expected filer of a missing house filing, once. */
const expectedFilers = (data: InboxEventData<'EnsCompletenessPending'>): Addressee[] =>
  [...new Set(data.missing.map((m) => m.expectedFiler).filter((eori): eori is string => !!eori))].map((eori) => ({ eori, mrn: data.mrn }));

/** The notifier of the arrival, about the arrival's own MRN. */
const notifier = (data: InboxEventData<'ArrivalRegistered'>): Addressee[] => [{ eori: data.notifiedBy, mrn: data.arrivalMrn }];

/** The notifier of the arrival, once per filing it named that could not become arrived. */
const notifierOfEachRefusal = (data: InboxEventData<'ArrivalRegistered'>): Addressee[] =>
  [...new Set(data.refused.map((r) => r.mrn))].map((mrn) => ({ eori: data.notifiedBy, mrn, key: mrn }));

type MemberFiler = { readonly mrn: string; readonly personFiling: string };

/**
 * The person filing of each filing of an ENS (head first), once, about the first filing it lodged, then the carrier
 * about the head when it is none of them: whom IE3N03 and IE3N08 go to.
 */
function filersAndCarrier(headMrn: string, filers: readonly MemberFiler[], carrier: string | undefined): Addressee[] {
  const told = new Map<string, Addressee>();
  for (const f of filers) if (!told.has(f.personFiling)) told.set(f.personFiling, { eori: f.personFiling, mrn: f.mrn });
  if (carrier && !told.has(carrier)) told.set(carrier, { eori: carrier, mrn: headMrn });
  return [...told.values()];
}

/**
 * The person filing of each filing the analysis covered (`memberFilers`: the head's, then each house's, about its own
 * filing, once per party) [U], and the carrier when there is one other than those. An analysis recorded without them:
 * the head's person filing and the carrier, as it was.
 */
const partiesOfAnalysis = (_data: { readonly mrn: string }, _filing: FilingFacts | undefined, analysis: AnalysisParties | undefined): Addressee[] =>
  analysis ? filersAndCarrier(analysis.mrn, [{ mrn: analysis.mrn, personFiling: analysis.personFiling }, ...(analysis.memberFilers ?? [])], analysis.carrier) : [];

type Referral = InboxEventData<'ReferralRequested'>;

/** A referral of `kind` goes to the person filing the event names. */
const personFilingOf = (kind: Referral['kind']) => (data: Referral): Addressee[] => (data.kind === kind ? [{ eori: data.personFiling, mrn: data.mrn }] : []);

/** The carrier is told a referral of `kind` was sent, when the event names a carrier other than the person filing. */
const carrierOf = (kind: Referral['kind']) => (data: Referral): Addressee[] =>
  data.kind === kind && data.carrier && data.carrier !== data.personFiling ? [{ eori: data.carrier, mrn: data.mrn }] : [];

/** Do not load goes to whoever loads: the carrier, or the person filing when the ENS names no carrier. */
const loader = (data: InboxEventData<'DoNotLoadIssued'>): Addressee[] => [{ eori: data.carrier ?? data.personFiling, mrn: data.mrn }];

type Decision = InboxEventData<'ControlDecided'>;

/**
 * A decision to control goes to the person filing of each filing of the ENS as the common repository held it at the
 * decision (`memberFilers`: the head's, then each current house's, about its own filing; a house invalidated since
 * the analysis is not told, its refiling is) [U], and to the carrier when it names one other than those. A decision
 * recorded without them (before, or no stream found) goes to the analysis's person filing, as it did.
 */
const partiesOfControl = (data: Decision): Addressee[] => {
  if (!data.control) return [];
  const filers = data.memberFilers ?? [{ mrn: data.mrn, personFiling: data.personFiling }];
  if (filers.length === 0) return []; // the ENS ended (its head invalidated): nothing left to control
  return filersAndCarrier(data.mrn, filers, data.carrier);
};

/**
 * Each party holding AEO status, once, when the goods are to be controlled, about the filing its IE3N08 is about (a
 * house filer's own house); one the decision no longer tells (its house invalidated since the analysis, or the ENS
 * ended) gets no advance notice of it either.
 */
const aeosOfControl = (data: Decision): Addressee[] => {
  const aeos = new Set(data.aeoParties);
  return partiesOfControl(data).filter((a) => aeos.has(a.eori));
};

// The table ---------------------------------------------------------------------------------------------------

export const NOTIFICATION_RULES: NotificationRules = {
  EnsFilingRegistered: [{ messageType: 'IE3R01', to: personFiling, payload: toIE3R01 }],
  EnsFilingRejected: [{ messageType: 'IE3N01', to: personFiling, payload: toIE3N01OfFiling }],
  EnsAmendmentRejected: [{ messageType: 'IE3N01', to: requester, payload: toIE3N01OfAmendment }],
  EnsInvalidationRejected: [{ messageType: 'IE3N01', to: requester, payload: toIE3N01OfInvalidation }],
  EnsFilingAmended: [{ messageType: 'IE3N10', to: amender, payload: toIE3N10 }],
  EnsCompletenessPending: [
    { messageType: 'IE3N02', to: personFilingAndCarrier, payload: toIE3N02 },
    { messageType: 'IE3N11', to: expectedFilers, payload: toIE3N11 },
  ],
  // 'requested' only: an ENS invalidated by the 200-day expiry gets no IE3R07 (nobody sent an IE3Q04).
  EnsFilingInvalidated: [{ messageType: 'IE3R07', to: requesterOfInvalidation, payload: toIE3R07 }],
  ArrivalRegistered: [
    { messageType: 'IE3R04', to: notifier, payload: toIE3R04 },
    // The arrival registration lists the refusals; EnsArrivalRefused on each filing's stream is the same fact.
    { messageType: 'IE3N07', to: notifierOfEachRefusal, payload: toIE3N07 },
  ],

  // Facts that notify no trader.
  EnsResponsibilityAssigned: [],
  EnsFilingLinked: [],
  EnsFilingUnlinked: [], // [U] ICS2 names no message for a link released by an invalidation
  EnsFilingCompleted: [],
  EnsConsistencyChecked: [],
  EnsLinkProposed: [],
  EnsFilingArrived: [], // told through the arrival's IE3R04
  EnsArrivalRefused: [], // told through the arrival's IE3N07
  EnsFilingPresented: [],
  EnsPresentationNoted: [], // presentation is national, no trader message (ics2-reference 10)
  EnsHousePresentationNoted: [], // the same presentation, learnt by the house's master
  EnsControlNoted: [], // the decision itself is told through control-results' ControlDecided (IE3N08, IE3N09)

  // Risk analysis (risk-<mrn>, the ENS head's MRN; issue 4, the flow).
  // IE3N03 to the person filing of each filing and the carrier of the analysis it completes (the event names none).
  RiskAssessmentCompleted: [{ messageType: 'IE3N03', to: partiesOfAnalysis, payload: toIE3N03 }],
  ReferralRequested: [
    { messageType: 'IE3Q02', to: personFilingOf('RFI'), payload: toIE3Q02 },
    { messageType: 'IE3N04', to: carrierOf('RFI'), payload: toReferralSent },
    { messageType: 'IE3Q03', to: personFilingOf('RFS'), payload: toIE3Q03 },
    { messageType: 'IE3N05', to: carrierOf('RFS'), payload: toReferralSent },
  ],
  DoNotLoadIssued: [{ messageType: 'IE3Q01', to: loader, payload: toIE3Q01 }],
  RiskAnalysed: [], // hits go to risk units, never to traders; the inbox keeps only its parties (risk_parties)
  RiskAnalysisSuperseded: [], // for the risk unit; [U] its open referrals close unnotified (no IE3xxx withdraws one)
  RiskAssessmentOutdated: [], // [U] no IE3xxx withdraws an IE3N03: the ENS completed again is analysed, and told, anew
  RiskHitDismissed: [],
  RiskMitigationAdded: [],
  RiskAnalysisEscalated: [], // for the risk unit
  ReferralAnswered: [], // the answerer has its 200 from POST /v1/referrals/{reference}/answer

  // Control (control-<mrn>, the ENS head's MRN; ics2-reference 5.4, 11.3). A decision not to control tells nobody.
  // An AEO gets both messages. aeoParties are the person filing or the carrier holding AEO status, so every AEO is
  // also an IE3N08 recipient: IE3N08 alone would never send an IE3N09, and IE3N09 alone would withhold from the AEO
  // the notification that obliges the others to unload and present the goods. IE3N09 is the advance notice AEO
  // status entitles it to; the decision is one event here, so IE3N09 is simply first in the AEO's inbox.
  ControlDecided: [
    { messageType: 'IE3N09', to: aeosOfControl, payload: toControlNotification },
    { messageType: 'IE3N08', to: partiesOfControl, payload: toControlNotification },
  ],
  ControlCaseOpened: [], // the Member States' business: a recommendation is not yet a decision to control
  ControlResultRecorded: [], // the Member States' business: results are shared between customs authorities
};
