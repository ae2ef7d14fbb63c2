/**
 * What each ICS2 message carries in the inbox, built from its event field by field (never a spread of the event's
 * data, so a new event field cannot leak into a reply). Absent optional values are `null`, so every payload of a
 * message type has the same keys.
 */
import type {
  ArrivalRegistered,
  EnsAmendmentRejected,
  EnsCompletenessPending,
  EnsFilingAmended,
  EnsFilingInvalidated,
  EnsFilingRegistered,
  EnsFilingRejected,
  EnsInvalidationRejected,
  Ics2Error,
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

export type NotificationPayload = IE3R01Payload | IE3N01Payload | IE3N02Payload | IE3N11Payload | IE3N10Payload | IE3R07Payload | IE3R04Payload | IE3N07Payload;

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

