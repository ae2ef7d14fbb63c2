/**
 * What can be asked of an ENS filing. Commands carry every input `decide` needs as data: the clock (`at`), the
 * caller, the MRN allocated by the handler, and facts from other streams gathered by processors.
 */
import type { Command } from '@ics2/domain';
import type { EnsFiling, FilingLevel, FilingParties, Ics2Error } from '@ics2/contracts';

export type RegisterFiling = Command<'RegisterFiling', { readonly mrn: string; readonly filing: EnsFiling; readonly filedBy: string; readonly at: string }>;

/** Lifecycle validation that needs other filings (duplicate linking key) refused this one. */
export type RejectFiling = Command<'RejectFiling', { readonly errors: readonly Ics2Error[]; readonly at: string }>;

/** What consistency compares of a house consignment (PET11). */
export interface HouseSummary {
  readonly houseDocument: string;
  readonly grossMass: number | null;
  readonly packages: number | null;
  readonly consignor: string | null;
  readonly consignee: string | null;
}

/** Join this filing to another one of the same ENS: a master to one of its houses, or a house to its master. */
export type LinkFiling = Command<
  'LinkFiling',
  {
    readonly otherMrn: string;
    readonly otherLevel: FilingLevel;
    /** The other filing's type: what a house gives its master is read from the filing-types table. */
    readonly otherFilingType: string;
    readonly houseDocument: string;
    readonly otherParties: FilingParties;
    readonly by: 'linking-key' | 'manual';
    readonly at: string;
  }
>;

/** Release the link with another filing: it was invalidated, or refused its half of the link. */
export type UnlinkFiling = Command<'UnlinkFiling', { readonly otherMrn: string; readonly reason: 'partner-invalidated' | 'partner-refused'; readonly at: string }>;

/** The master this house belongs to is complete: the house records the ENS it is a member of. */
export type JoinCompletedEns = Command<
  'JoinCompletedEns',
  { readonly headMrn: string; readonly phase: 'pre-loading' | 'pre-arrival'; readonly members: readonly string[]; readonly at: string }
>;

/** After the linking processor has linked what it could: a master still missing houses becomes pending. */
export type NoteCompleteness = Command<'NoteCompleteness', { readonly at: string }>;

/** Compare a complete master's houses: their filings against the master's list, and pre-arrival against PLACI. */
export type CheckConsistency = Command<
  'CheckConsistency',
  {
    readonly houses: readonly { readonly mrn: string; readonly summary: HouseSummary; readonly placi?: { readonly mrn: string; readonly summary: HouseSummary } }[];
    /** An accepted amendment changed what is compared: checked again although checked before. */
    readonly recheck?: boolean;
    readonly at: string;
  }
>;

/** A candidate house the linking timer found for a missing house document of a master. */
export interface LinkProposal {
  readonly candidateMrn: string;
  readonly houseDocument: string;
  readonly matchedOn: readonly string[];
}

export type ProposeLinks = Command<'ProposeLinks', { readonly proposals: readonly LinkProposal[]; readonly at: string }>;

export type AmendFiling = Command<'AmendFiling', { readonly messageId: string; readonly filing: EnsFiling; readonly by: string; readonly at: string }>;

export type InvalidateFiling = Command<'InvalidateFiling', { readonly messageId: string; readonly by: string; readonly at: string }>;

/** The 200-day timer: `at` is the clock of the processor that looks. */
export type ExpireFiling = Command<'ExpireFiling', { readonly at: string }>;

export type RecordArrival = Command<
  'RecordArrival',
  { readonly arrivalMrn: string; readonly arrivedAt: string; readonly officeOfArrival: string; readonly notifiedBy: string; readonly at: string }
>;

export type RecordPresentation = Command<'RecordPresentation', { readonly office: string; readonly presentedAt: string; readonly memberState: string }>;

/** The master heading this house's ENS was presented (its stream says so): the house learns it. */
export type NotePresentation = Command<'NotePresentation', { readonly headMrn: string; readonly presentedAt: string; readonly at: string }>;

/** One of this master's houses was presented (its stream says so): the master learns it. */
export type NoteHousePresentation = Command<'NoteHousePresentation', { readonly houseMrn: string; readonly presentedAt: string; readonly at: string }>;

/** control-results decided to control, or notified a control: amendments are refused from then on. */
export type NoteControl = Command<'NoteControl', { readonly memberState: string; readonly source: string; readonly at: string }>;

export type FilingCommand =
  | RegisterFiling
  | RejectFiling
  | LinkFiling
  | UnlinkFiling
  | JoinCompletedEns
  | NoteCompleteness
  | CheckConsistency
  | ProposeLinks
  | AmendFiling
  | InvalidateFiling
  | ExpireFiling
  | RecordArrival
  | RecordPresentation
  | NotePresentation
  | NoteHousePresentation
  | NoteControl;

export type FilingCommandType = FilingCommand['type'];
