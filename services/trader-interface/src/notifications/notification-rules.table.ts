/**
 * Which customs-to-trader messages each event becomes, and who receives each, by EORI (issue 3; ics2-reference
 * 7.2, 10, 11). The projection reads this table and nothing else decides: a new notification is a new row.
 *
 * Every event type the inbox reads has a row (the compiler insists), an empty one when it notifies nobody, so a new
 * event type in contracts is a decision here rather than a silent gap. `filing` is what the inbox knows of the
 * event's filing (filing_index: LRN and parties, from its EnsFilingRegistered); events carry only the MRN.
 */
import type { FilingFacts, Addressee, InboxEventData, InboxEventType, NotificationMessageType } from './notification';
import {
  toIE3N01OfAmendment,
  toIE3N01OfFiling,
  toIE3N01OfInvalidation,
  toIE3N02,
  toIE3N07,
  toIE3N10,
  toIE3N11,
  toIE3R01,
  toIE3R04,
  toIE3R07,
  type NotificationPayload,
} from './notification-payloads';

export interface NotificationRule<T extends InboxEventType> {
  readonly messageType: NotificationMessageType;
  /** The recipients; none when the event names nobody to tell. */
  readonly to: (data: InboxEventData<T>, filing: FilingFacts | undefined) => readonly Addressee[];
  /** What the message carries for one recipient, named field by field. */
  readonly payload: (data: InboxEventData<T>, to: Addressee, filing: FilingFacts | undefined) => NotificationPayload;
}

export type NotificationRules = { readonly [T in InboxEventType]: readonly NotificationRule<T>[] };

/** The stream categories whose events the table reads (the subscription's filter). Risk: + 'risk', 'control'. */
export const NOTIFICATION_CATEGORIES: readonly string[] = ['ens', 'arrival'];

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
  EnsFilingCompleted: [],
  EnsConsistencyChecked: [],
  EnsLinkProposed: [],
  EnsFilingArrived: [], // told through the arrival's IE3R04
  EnsArrivalRefused: [], // told through the arrival's IE3N07
  EnsFilingPresented: [],
  EnsControlNoted: [], // the control decision itself will be an IE3N08 from control-results' event

  // Risk and control notifications, one row each once risk-analysis and control-results publish their events
  // (add the event union to InboxEvent and the category to NOTIFICATION_CATEGORIES):
  //   <assessment complete>:        [{ messageType: 'IE3N03', to: personFilingAndCarrier, payload: toIE3N03 }]
  //   <request for information>:    [{ messageType: 'IE3Q01', to: personFiling, payload: toIE3Q01 }]
  //   <HRCM screening request>:     [{ messageType: 'IE3Q02', to: personFilingAndCarrier, payload: toIE3Q02 }]
  //   <do not load>:                [{ messageType: 'IE3Q03', to: personFilingAndCarrier, payload: toIE3Q03 }]
  //   <do-not-load confirmed>:      [{ messageType: 'IE3N04', to: personFilingAndCarrier, payload: toIE3N04 }]
  //   <HRCM screening outcome>:     [{ messageType: 'IE3N05', to: personFilingAndCarrier, payload: toIE3N05 }]
  //   <control decision>:           [{ messageType: 'IE3N08', to: personFiling, payload: toIE3N08 }]
  //   <control result>:             [{ messageType: 'IE3N09', to: personFiling, payload: toIE3N09 }]
};
