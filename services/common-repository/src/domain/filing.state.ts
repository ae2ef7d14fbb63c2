/**
 * The state of one ENS filing (stream `ens-<mrn>`), a union by status. `evolve` builds it from the events alone.
 * States (README "States"): registered -> [pending-completeness ->] complete -> arrived -> presented, and
 * rejected / invalidated as ends. A house filing stays `registered` ("pending linking") until linked to its master.
 */
import type { FilingLevel, FilingParties, FilingPhase, LinkingKey, RiskAnalysisPhase } from '@ics2/contracts';
import type { EnsFiling } from '@ics2/contracts';

export type FilingStatus = 'registered' | 'pending-completeness' | 'complete' | 'arrived' | 'presented' | 'invalidated' | 'rejected';

/** What a master knows of a linked house filing (and a house of its master). */
export interface LinkedFilingFacts {
  readonly mrn: string;
  readonly level: FilingLevel;
  readonly houseDocument: string;
  readonly parties: FilingParties;
  /** Master side: the data groups this house filing gives; undefined for links that completed the house whole. */
  readonly supplies?: readonly string[];
}

export interface FilingFacts {
  readonly mrn: string;
  readonly lrn: string;
  readonly filingType: string;
  readonly level: FilingLevel;
  readonly phase: FilingPhase;
  readonly parties: FilingParties;
  readonly linkingKey: LinkingKey;
  /** The filing as it now stands (after amendments). */
  readonly filing: EnsFiling;
  readonly registeredAt: string;
  readonly responsibleMemberState: string | null;
  readonly involvedMemberStates: readonly string[];
  /** Master: the linked house filings, by house document. House: its master, once linked. */
  readonly linked: readonly LinkedFilingFacts[];
  /** Master: the house documents it waits for, or still awaits data for (empty once complete). */
  readonly missing: readonly string[];
  readonly pendingNoted: boolean;
  readonly completedPhases: readonly RiskAnalysisPhase[];
  /** The member filings of the ENS as last completed, per phase (`members[0]` heads it). */
  readonly ensMembers: Readonly<Partial<Record<RiskAnalysisPhase, readonly string[]>>>;
  readonly proposals: readonly string[];
  readonly consistency: 'ok' | 'flagged' | null;
  readonly controlNoted: boolean;
  /** Who decided the control noted (the first one): a house linked later is noted with it (link-filings.handler.ts). */
  readonly control: { readonly memberState: string; readonly source: string } | null;
  readonly amendedAt: string | null;
  /** The arrival the goods came with: a house linked later arrives with its master's (link-filings.handler.ts). */
  readonly arrival: { readonly arrivalMrn: string; readonly arrivedAt: string; readonly officeOfArrival: string; readonly notifiedBy: string } | null;
  readonly presentedAt: string | null;
  /** The office the goods were presented at: a presentation sent again names it, another one is out of sequence. */
  readonly presentedOffice: string | null;
  /**
   * When part of its ENS was presented: for a house, the master heading it (EnsPresentationNoted); for a master, the
   * first of its houses (EnsHousePresentationNoted). It can no longer be invalidated, amended or expired.
   */
  readonly ensPresentedAt: string | null;
  readonly invalidatedAt: string | null;
}

export type NoFiling = { readonly status: 'none' };
export type OpenFiling = FilingFacts & { readonly status: 'registered' | 'pending-completeness' | 'complete' };
export type ArrivedFiling = FilingFacts & { readonly status: 'arrived' };
export type PresentedFiling = FilingFacts & { readonly status: 'presented' };
export type InvalidatedFiling = FilingFacts & { readonly status: 'invalidated' };
export type RejectedFiling = FilingFacts & { readonly status: 'rejected' };

export type FilingState = NoFiling | OpenFiling | ArrivedFiling | PresentedFiling | InvalidatedFiling | RejectedFiling;
export type RecordedFiling = Exclude<FilingState, NoFiling>;

export const initialFilingState = (): FilingState => ({ status: 'none' });

/** The parties that may act on and see a filing: the person filing, the declarant, the representative. */
export function isFilerOf(state: RecordedFiling, eori: string): boolean {
  const p = state.parties;
  return p.filedBy === eori || p.declarant === eori || p.representative === eori;
}

/** Who may see a filing: its filers and the carrier it names (ICS2 notifies carriers). */
export function maySee(state: RecordedFiling, eori: string): boolean {
  return isFilerOf(state, eori) || state.parties.carrier === eori;
}

/**
 * The filings of the ENS this filing heads, as the repository now knows them: itself and the filings linked to it
 * (a released link is gone, a refiled house is in). None once it ended: an invalidated ENS has nothing to control.
 */
export function currentEnsMembers(state: FilingState): readonly string[] {
  if (state.status === 'none' || state.status === 'invalidated' || state.status === 'rejected') return [];
  return [state.mrn, ...new Set(state.linked.map((l) => l.mrn))];
}
