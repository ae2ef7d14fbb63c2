/**
 * The ENS as it stands, read from its filings' own streams (never from a read model another subscription may not
 * have caught up with): each member's filing after amendments, the head's responsibility, parties and last
 * consistency check.
 */
import type { ConsistencyDifference, EnsEvent, EnsFiling, FilingParties } from '@ics2/contracts';
import { ensStream, type EventStore } from '@ics2/event-store';

export interface FilingSnapshot {
  readonly mrn: string;
  readonly filing: EnsFiling;
  readonly parties: FilingParties;
  readonly responsibleMemberState: string | null;
  readonly involvedMemberStates: readonly string[];
  readonly consistency: { readonly outcome: 'ok' | 'flagged'; readonly differences: readonly ConsistencyDifference[] } | null;
  /** Every completion of the ENS this filing belongs to, in order (a refiled house completes it again). */
  readonly completions: readonly { readonly phase: 'pre-loading' | 'pre-arrival'; readonly members: readonly string[] }[];
  readonly status: 'open' | 'closed';
}

export async function readFiling(store: EventStore, mrn: string): Promise<FilingSnapshot | null> {
  let snapshot: { -readonly [K in keyof FilingSnapshot]: FilingSnapshot[K] } | null = null;
  for (const recorded of await store.readStream(ensStream(mrn))) {
    const event = { type: recorded.type, data: recorded.data } as EnsEvent;
    if (event.type === 'EnsFilingRegistered') {
      snapshot = { mrn, filing: event.data.filing, parties: event.data.parties, responsibleMemberState: null, involvedMemberStates: [], consistency: null, completions: [], status: 'open' };
      continue;
    }
    if (!snapshot) continue;
    if (event.type === 'EnsFilingAmended') snapshot.filing = event.data.filing;
    else if (event.type === 'EnsResponsibilityAssigned') {
      snapshot.responsibleMemberState = event.data.responsibleMemberState;
      snapshot.involvedMemberStates = event.data.involvedMemberStates;
    } else if (event.type === 'EnsConsistencyChecked') snapshot.consistency = { outcome: event.data.outcome, differences: event.data.differences };
    else if (event.type === 'EnsFilingCompleted') snapshot.completions = [...snapshot.completions, { phase: event.data.phase, members: event.data.members }];
    else if (event.type === 'EnsFilingInvalidated' || event.type === 'EnsFilingRejected' || event.type === 'EnsFilingPresented') snapshot.status = 'closed';
  }
  return snapshot;
}

/**
 * The ENS this filing belongs to now, per phase: its latest completion. An earlier one may name a house since
 * invalidated, whose ENS is no longer the consignment's.
 */
export function latestCompletions(snapshot: FilingSnapshot): FilingSnapshot['completions'] {
  const byPhase = new Map(snapshot.completions.map((c) => [c.phase, c]));
  return [...byPhase.values()];
}
