/**
 * What each ICS2 message carries in the inbox, built from its event field by field (never a spread of the event's
 * data, so a new event field cannot leak into a reply). Absent optional values are `null`, so every payload of a
 * message type has the same keys. Over 300 lines on purpose: every field any trader is told, in one file, is what a
 * review for leaks reads.
 */
import type {
  ArrivalRegistered,
  ControlDecided,
  DoNotLoadIssued,
  EnsAmendmentRejected,
  EnsCompletenessPending,
  EnsFilingAmended,
  EnsFilingInvalidated,
  EnsFilingRegistered,
  EnsFilingRejected,
  EnsInvalidationRejected,
  Ics2Error,
  ReferralRequested,
  RiskAssessmentCompleted,
} from '@ics2/contracts';
import type { Addressee } from './notification';

/** An IE3N01 / IE3N07 error item, in the trader API's words. */
export interface NotificationError {
  readonly validationCode: string;
  readonly pointer: string;
  readonly description: string;
}

export interface IE3R01Payload {
  readonly mrn: string;
  readonly lrn: string;
  readonly registeredAt: string;
  readonly specificCircumstanceIndicator: string;
  readonly customsOfficeOfFirstEntry: string;
  readonly declarant: string;
  readonly representative: string | null;
  readonly carrier: string | null;
}

export interface IE3N01Payload {
  readonly mrn: string;
  /** What was refused: the filing itself (at registration), an amendment (IE3Axx) or an invalidation (IE3Q04). */
  readonly rejectedMessage: 'filing' | 'amendment' | 'invalidation';
  /** The refused message's id; null for a filing, which is known by its LRN. */
  readonly messageId: string | null;
  readonly rejectedAt: string;
  readonly errors: readonly NotificationError[];
}

export interface IE3N02Payload {
  readonly mrn: string;
  readonly notedAt: string;
  readonly missing: readonly { readonly houseDocument: string; readonly expectedFiler: string | null }[];
}

/** To a party expected to file: only the house documents it is expected for. */
export interface IE3N11Payload {
  readonly mrn: string;
  readonly notedAt: string;
  readonly missing: readonly { readonly houseDocument: string }[];
}

export interface IE3N10Payload {
  readonly mrn: string;
  readonly lrn: string;
  readonly messageId: string;
  readonly amendedAt: string;
  /** JSON pointers of the elements that changed. */
  readonly changed: readonly string[];
}

export interface IE3R07Payload {
  readonly mrn: string;
  readonly messageId: string | null;
  readonly invalidatedAt: string;
}

export interface IE3R04Payload {
  readonly arrivalMrn: string;
  readonly messageId: string;
  readonly officeOfArrival: string;
  readonly arrivedAt: string;
  readonly registeredAt: string;
  /** MRNs of the filings that became arrived. */
  readonly arrived: readonly string[];
  /** MRNs the notification named that could not become arrived (each has its IE3N07). */
  readonly incorrectState: readonly string[];
}

export interface IE3N07Payload {
  readonly arrivalMrn: string;
  readonly mrn: string;
  readonly messageId: string;
  readonly errors: readonly NotificationError[];
}

// Risk analysis (ics2-reference 9). What a risk unit found, why, and what control it recommends are risk
// information: no trader message carries hits, reasons or the recommendation's type and place.

/** Assessment complete: the goods may be loaded (pre-loading) or the ENS is assessed (pre-arrival). */
export interface IE3N03Payload {
  readonly mrn: string;
  readonly phase: string;
  readonly completedAt: string;
  readonly responsibleMemberState: string;
  /** Whether the risk unit recommended a control; never which control or where. */
  readonly controlRecommended: boolean;
}

/** Request for information (RFI), to the person filing: answer with IE3R02 at POST /v1/referrals/{reference}/answer. */
export interface IE3Q02Payload {
  readonly mrn: string;
  readonly reference: string;
  readonly houseDocuments: readonly string[];
  /** What is asked for. */
  readonly information: string | null;
  readonly requestedAt: string;
  /** The Member State whose risk unit asks (only the responsible one decides). */
  readonly responsibleMemberState: string;
}

/** Request for HRCM screening (RFS), to the person filing: answer with IE3R03. */
export interface IE3Q03Payload {
  readonly mrn: string;
  readonly reference: string;
  readonly houseDocuments: readonly string[];
  /** CL724 methods the risk unit recommends. */
  readonly recommendedMethods: readonly string[];
  readonly requestedAt: string;
  readonly responsibleMemberState: string;
}

/** IE3N04 / IE3N05, to the carrier: a referral was sent to the person filing (what it asks is for the person filing). */
export interface ReferralSentPayload {
  readonly mrn: string;
  readonly reference: string;
  readonly houseDocuments: readonly string[];
  /** The person filing the referral was sent to. */
  readonly sentTo: string;
  readonly requestedAt: string;
  readonly responsibleMemberState: string;
}

/** Do not load, to the carrier: final for these consignments. */
export interface IE3Q01Payload {
  readonly mrn: string;
  readonly houseDocuments: readonly string[];
  readonly issuedAt: string;
  readonly responsibleMemberState: string;
}

// Control (ics2-reference 5.4, 11.3). Why the goods are controlled (the risk reason, the criteria that hit) is risk
// information kept among Member States: the trader learns what is controlled, how, where and when, and by whom.

/**
 * IE3N08 (control notification) and IE3N09 (advance control notification to an AEO) tell the same things: the
 * decision to control the ENS's goods, the type of control, the office of control and the place of examination,
 * the scheduled date when there is one.
 */
export interface ControlNotificationPayload {
  readonly mrn: string;
  readonly controlType: string | null;
  /** The customs office of control. */
  readonly office: string | null;
  /** Where the goods are examined. */
  readonly place: string | null;
  readonly scheduledAt: string | null;
  readonly decidedAt: string;
  /** The Member State that decided to control (the one whose office controls). */
  readonly memberStateOfControl: string;
}

export type NotificationPayload =
  | IE3R01Payload
  | IE3N01Payload
  | IE3N02Payload
  | IE3N11Payload
  | IE3N10Payload
  | IE3R07Payload
  | IE3R04Payload
  | IE3N07Payload
  | IE3N03Payload
  | IE3Q02Payload
  | IE3Q03Payload
  | ReferralSentPayload
  | IE3Q01Payload
  | ControlNotificationPayload;

const toErrors = (errors: readonly Ics2Error[]): NotificationError[] =>
  errors.map((e) => ({ validationCode: e.code, pointer: e.pointer, description: e.description }));

export const toIE3R01 = (d: EnsFilingRegistered['data']): IE3R01Payload => ({
  mrn: d.mrn,
  lrn: d.lrn,
  registeredAt: d.registeredAt,
  specificCircumstanceIndicator: d.filingType,
  customsOfficeOfFirstEntry: d.filing.customsOfficeOfFirstEntry.referenceNumber,
  declarant: d.parties.declarant,
  representative: d.parties.representative ?? null,
  carrier: d.parties.carrier ?? null,
});

export const toIE3N01OfFiling = (d: EnsFilingRejected['data']): IE3N01Payload => ({
  mrn: d.mrn,
  rejectedMessage: 'filing',
  messageId: null,
  rejectedAt: d.rejectedAt,
  errors: toErrors(d.errors),
});

export const toIE3N01OfAmendment = (d: EnsAmendmentRejected['data']): IE3N01Payload => ({
  mrn: d.mrn,
  rejectedMessage: 'amendment',
  messageId: d.messageId,
  rejectedAt: d.rejectedAt,
  errors: toErrors(d.errors),
});

export const toIE3N01OfInvalidation = (d: EnsInvalidationRejected['data']): IE3N01Payload => ({
  mrn: d.mrn,
  rejectedMessage: 'invalidation',
  messageId: d.messageId,
  rejectedAt: d.rejectedAt,
  errors: toErrors(d.errors),
});

export const toIE3N02 = (d: EnsCompletenessPending['data']): IE3N02Payload => ({
  mrn: d.mrn,
  notedAt: d.notedAt,
  missing: d.missing.map((m) => ({ houseDocument: m.houseDocument, expectedFiler: m.expectedFiler ?? null })),
});

export const toIE3N11 = (d: EnsCompletenessPending['data'], to: Addressee): IE3N11Payload => ({
  mrn: d.mrn,
  notedAt: d.notedAt,
  missing: d.missing.filter((m) => m.expectedFiler === to.eori).map((m) => ({ houseDocument: m.houseDocument })),
});

export const toIE3N10 = (d: EnsFilingAmended['data']): IE3N10Payload => ({
  mrn: d.mrn,
  lrn: d.filing.lrn,
  messageId: d.messageId,
  amendedAt: d.amendedAt,
  changed: [...d.changed],
});

export const toIE3R07 = (d: EnsFilingInvalidated['data']): IE3R07Payload => ({
  mrn: d.mrn,
  messageId: d.messageId ?? null,
  invalidatedAt: d.invalidatedAt,
});

export const toIE3R04 = (d: ArrivalRegistered['data']): IE3R04Payload => ({
  arrivalMrn: d.arrivalMrn,
  messageId: d.messageId,
  officeOfArrival: d.officeOfArrival,
  arrivedAt: d.arrivedAt,
  registeredAt: d.registeredAt,
  arrived: [...d.arrived],
  incorrectState: d.refused.map((r) => r.mrn),
});

/** The addressee of an IE3N07 is about one refused filing: its errors only. */
export const toIE3N07 = (d: ArrivalRegistered['data'], to: Addressee): IE3N07Payload => ({
  arrivalMrn: d.arrivalMrn,
  mrn: to.mrn,
  messageId: d.messageId,
  errors: d.refused.filter((r) => r.mrn === to.mrn).flatMap((r) => toErrors(r.errors)),
});

export const toIE3N03 = (d: RiskAssessmentCompleted['data']): IE3N03Payload => ({
  mrn: d.mrn,
  phase: d.phase,
  completedAt: d.completedAt,
  responsibleMemberState: d.responsibleMemberState,
  controlRecommended: d.controlRecommendation !== undefined,
});

export const toIE3Q02 = (d: ReferralRequested['data']): IE3Q02Payload => ({
  mrn: d.mrn,
  reference: d.reference,
  houseDocuments: [...d.houseDocuments],
  information: d.information ?? null,
  requestedAt: d.requestedAt,
  responsibleMemberState: d.user.memberState,
});

export const toIE3Q03 = (d: ReferralRequested['data']): IE3Q03Payload => ({
  mrn: d.mrn,
  reference: d.reference,
  houseDocuments: [...d.houseDocuments],
  recommendedMethods: [...(d.recommendedMethods ?? [])],
  requestedAt: d.requestedAt,
  responsibleMemberState: d.user.memberState,
});

/** IE3N04 (after an RFI) and IE3N05 (after an RFS) tell the carrier the same things. */
export const toReferralSent = (d: ReferralRequested['data']): ReferralSentPayload => ({
  mrn: d.mrn,
  reference: d.reference,
  houseDocuments: [...d.houseDocuments],
  sentTo: d.personFiling,
  requestedAt: d.requestedAt,
  responsibleMemberState: d.user.memberState,
});

export const toIE3Q01 = (d: DoNotLoadIssued['data']): IE3Q01Payload => ({
  mrn: d.mrn,
  houseDocuments: [...d.houseDocuments],
  issuedAt: d.issuedAt,
  responsibleMemberState: d.user.memberState,
});

export const toControlNotification = (d: ControlDecided['data']): ControlNotificationPayload => ({
  mrn: d.mrn,
  controlType: d.controlType ?? null,
  office: d.office ?? null,
  place: d.place ?? null,
  scheduledAt: d.scheduledAt ?? null,
  decidedAt: d.decidedAt,
  memberStateOfControl: d.user.memberState,
});
