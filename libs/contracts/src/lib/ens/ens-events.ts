/**
 * The published language of the common repository: the events of one ENS filing's stream `ens-<mrn>` and of an
 * arrival's stream `arrival-<mrn>`. risk-analysis, control-results, trader-interface (the notification inbox) and
 * auditors read them; their `type` strings never change, and a changed shape gets a new schema version with an
 * upcaster here. Every event's correlation id is the filing's MRN (the arrival's, for arrival events).
 */
import type { Event } from '@ics2/domain';
import type { Ics2Error } from './ens-errors';
import type { EnsFiling } from './ens-filing';

/** The level and phase the filing type table gives (copied in, so consumers need not look it up). */
export type FilingLevel = 'complete' | 'master' | 'house';
export type FilingPhase = 'pre-loading' | 'pre-arrival' | 'pre-loading-and-pre-arrival';
export type RiskAnalysisPhase = 'pre-loading' | 'pre-arrival';

/** Who is a party to a filing, by EORI: who may see it, and who its notifications go to. */
export interface FilingParties {
  /** The sender: the declarant, or the representative lodging for it ("person filing"). */
  readonly filedBy: string;
  readonly declarant: string;
  readonly representative?: string;
  /** The carrier named at master level or, in a house filing, in its linking key. */
  readonly carrier?: string;
}

/** The unique linking key parts of a filing (ics2-reference 7.2). */
export interface LinkingKey {
  readonly masterDocument?: string;
  readonly carrier?: string;
  /** House transport document numbers this filing declares (master: the list it expects; house: its own). */
  readonly houseDocuments: readonly string[];
}

export type EnsFilingRegistered = Event<
  'EnsFilingRegistered',
  {
    readonly mrn: string;
    readonly lrn: string;
    readonly filingType: string;
    readonly level: FilingLevel;
    readonly phase: FilingPhase;
    readonly parties: FilingParties;
    readonly linkingKey: LinkingKey;
    readonly filing: EnsFiling;
    readonly registeredAt: string;
  }
>;

/** Lifecycle validation refused the registered filing (IE3N01); the filing is `rejected` and goes no further. */
export type EnsFilingRejected = Event<'EnsFilingRejected', { readonly mrn: string; readonly errors: readonly Ics2Error[]; readonly rejectedAt: string }>;

/** Responsible Member State (risk analysis) and involved Member States, with the rule that chose them. */
export type EnsResponsibilityAssigned = Event<
  'EnsResponsibilityAssigned',
  { readonly mrn: string; readonly responsibleMemberState: string; readonly involvedMemberStates: readonly string[]; readonly rule: string }
>;

/** Two partial filings joined into one ENS (by their linking key, or by a Member State's manual decision). */
export type EnsFilingLinked = Event<
  'EnsFilingLinked',
  {
    readonly mrn: string;
    readonly linkedMrn: string;
    readonly linkedLevel: FilingLevel;
    readonly houseDocument: string;
    readonly by: 'linking-key' | 'manual';
    /** The other filing's parties: a master learns who filed each house, a house who filed its master. */
    readonly linkedParties: FilingParties;
    readonly linkedAt: string;
    /**
     * Master side: the data groups (filing-types table) the house filing gives for `houseDocument`, and those the
     * master still awaits for it after this link (F12 + F16 awaits F17's buyer and seller). Absent in events
     * recorded before a house could take several filings: the link completed that house.
     */
    readonly supplies?: readonly string[];
    readonly awaiting?: readonly string[];
  }
>;

/**
 * A link released: the other filing was invalidated (or expired), or it refused its half of the link after this
 * side had recorded it. The link's history stays; this is the correction. A master awaits the house documents again
 * (and is no longer complete, if it was and the goods were not presented); a house waits for a master again.
 */
export type EnsFilingUnlinked = Event<
  'EnsFilingUnlinked',
  {
    readonly mrn: string;
    readonly unlinkedMrn: string;
    readonly houseDocuments: readonly string[];
    readonly reason: 'partner-invalidated' | 'partner-refused';
    readonly unlinkedAt: string;
  }
>;

/** A master still misses house filings (IE3N02 to the person filing and the carrier, IE3N11 to each expected filer). */
export type EnsCompletenessPending = Event<
  'EnsCompletenessPending',
  {
    readonly mrn: string;
    readonly missing: readonly { readonly houseDocument: string; readonly expectedFiler?: string }[];
    readonly notedAt: string;
  }
>;

/** The ENS this filing heads is complete for a risk-analysis phase: every member filing is known. */
export type EnsFilingCompleted = Event<
  'EnsFilingCompleted',
  { readonly mrn: string; readonly phase: RiskAnalysisPhase; readonly members: readonly string[]; readonly completedAt: string }
>;

export interface ConsistencyDifference {
  readonly element: string;
  readonly houseDocument?: string;
  readonly values: readonly { readonly mrn: string; readonly value: string | number | null }[];
}

/** The consistency check between linked levels, and between pre-loading and pre-arrival data (PET11). */
export type EnsConsistencyChecked = Event<
  'EnsConsistencyChecked',
  { readonly mrn: string; readonly outcome: 'ok' | 'flagged'; readonly differences: readonly ConsistencyDifference[]; readonly checkedAt: string }
>;

/** After the linking timer: a filing that may belong here by other data, for the responsible Member State to link. */
export type EnsLinkProposed = Event<
  'EnsLinkProposed',
  { readonly mrn: string; readonly candidateMrn: string; readonly houseDocument: string; readonly matchedOn: readonly string[]; readonly proposedAt: string }
>;

/** IE3Axx accepted (IE3N10): `filing` is the filing as it now stands; `changed` the pointers that differ. */
export type EnsFilingAmended = Event<
  'EnsFilingAmended',
  { readonly mrn: string; readonly messageId: string; readonly filing: EnsFiling; readonly changed: readonly string[]; readonly amendedAt: string; readonly amendedBy: string }
>;

/** IE3Axx refused by lifecycle validation (IE3N01). */
export type EnsAmendmentRejected = Event<
  'EnsAmendmentRejected',
  { readonly mrn: string; readonly messageId: string; readonly errors: readonly Ics2Error[]; readonly rejectedAt: string; readonly requestedBy: string }
>;

/** IE3Q04 accepted (IE3R07), or the 200-day timer ran out (no IE3R07: nobody asked). */
export type EnsFilingInvalidated = Event<
  'EnsFilingInvalidated',
  { readonly mrn: string; readonly reason: 'requested' | 'expired'; readonly messageId?: string; readonly invalidatedAt: string; readonly requestedBy?: string }
>;

/** IE3Q04 refused (IE3N01). */
export type EnsInvalidationRejected = Event<
  'EnsInvalidationRejected',
  { readonly mrn: string; readonly messageId: string; readonly errors: readonly Ics2Error[]; readonly rejectedAt: string; readonly requestedBy: string }
>;

/** The goods of this filing arrived, as notified by the arrival registered under `arrivalMrn`. */
export type EnsFilingArrived = Event<
  'EnsFilingArrived',
  { readonly mrn: string; readonly arrivalMrn: string; readonly arrivedAt: string; readonly officeOfArrival: string; readonly notifiedBy: string }
>;

/** An arrival notification matched this filing in a state that cannot become arrived (IE3N07). */
export type EnsArrivalRefused = Event<
  'EnsArrivalRefused',
  { readonly mrn: string; readonly arrivalMrn: string; readonly errors: readonly Ics2Error[]; readonly refusedAt: string; readonly notifiedBy: string }
>;

/** The goods were presented to customs (recorded by the Member State of presentation). */
export type EnsFilingPresented = Event<
  'EnsFilingPresented',
  { readonly mrn: string; readonly office: string; readonly presentedAt: string; readonly memberState: string }
>;

/**
 * A house learns that the master heading its ENS (`headMrn`) was presented: the ENS's goods are before customs, so
 * the house may no longer be invalidated (ics2-reference 10: invalidation only before presentation).
 */
export type EnsPresentationNoted = Event<'EnsPresentationNoted', { readonly mrn: string; readonly headMrn: string; readonly presentedAt: string; readonly notedAt: string }>;

/**
 * A master learns that one of its linked houses (`houseMrn`) was presented: part of the ENS it heads is before
 * customs, so the master may no longer be invalidated, amended or expired (ics2-reference 10), nor release the house.
 */
export type EnsHousePresentationNoted = Event<
  'EnsHousePresentationNoted',
  { readonly mrn: string; readonly houseMrn: string; readonly presentedAt: string; readonly notedAt: string }
>;

/** Customs decided to control, or told the trader it will (control-results): amendments are refused from then on. */
export type EnsControlNoted = Event<'EnsControlNoted', { readonly mrn: string; readonly memberState: string; readonly notedAt: string; readonly source: string }>;

export type EnsEvent =
  | EnsFilingRegistered
  | EnsFilingRejected
  | EnsResponsibilityAssigned
  | EnsFilingLinked
  | EnsFilingUnlinked
  | EnsCompletenessPending
  | EnsFilingCompleted
  | EnsConsistencyChecked
  | EnsLinkProposed
  | EnsFilingAmended
  | EnsAmendmentRejected
  | EnsFilingInvalidated
  | EnsInvalidationRejected
  | EnsFilingArrived
  | EnsArrivalRefused
  | EnsFilingPresented
  | EnsPresentationNoted
  | EnsHousePresentationNoted
  | EnsControlNoted;

export type EnsEventType = EnsEvent['type'];

/** The arrival registration (IE3N06 accepted, IE3R04): one per notification, with its own MRN. */
export type ArrivalRegistered = Event<
  'ArrivalRegistered',
  {
    readonly arrivalMrn: string;
    readonly messageId: string;
    readonly notifiedBy: string;
    readonly officeOfArrival: string;
    readonly arrivedAt: string;
    readonly transportMeans?: { readonly identificationNumber: string; readonly conveyanceReferenceNumber?: string };
    /** Filings that became arrived, and those refused with IE3N07. */
    readonly arrived: readonly string[];
    readonly refused: readonly { readonly mrn: string; readonly errors: readonly Ics2Error[] }[];
    readonly registeredAt: string;
  }
>;

export type ArrivalEvent = ArrivalRegistered;

/** Schema versions of the events above (metadata.schemaVersion); bump with an upcaster when a shape changes. */
export const ENS_SCHEMA_VERSIONS: Readonly<Record<EnsEventType | ArrivalEvent['type'], number>> = {
  EnsFilingRegistered: 1,
  EnsFilingRejected: 1,
  EnsResponsibilityAssigned: 1,
  EnsFilingLinked: 1,
  EnsFilingUnlinked: 1,
  EnsCompletenessPending: 1,
  EnsFilingCompleted: 1,
  EnsConsistencyChecked: 1,
  EnsLinkProposed: 1,
  EnsFilingAmended: 1,
  EnsAmendmentRejected: 1,
  EnsFilingInvalidated: 1,
  EnsInvalidationRejected: 1,
  EnsFilingArrived: 1,
  EnsArrivalRefused: 1,
  EnsFilingPresented: 1,
  EnsPresentationNoted: 1,
  EnsHousePresentationNoted: 1,
  EnsControlNoted: 1,
  ArrivalRegistered: 1,
};

