/** What each filing of an ENS records of its Member States (EnsResponsibilityAssigned on its own stream). */
export interface FilingMemberStates {
  readonly responsibleMemberState: string | null;
  readonly involvedMemberStates: readonly string[];
}

/**
 * The Member States involved in an ENS: those each of its filings touches (the common repository records them per
 * filing: a house's routing and delivery countries are on the house's stream), and a member's responsible Member
 * State when it is not the ENS's. Else a house delivered in Italy under a master entering in Germany involved only
 * the master's countries, and Italy's risk unit was neither told nor let see the analysis. Sorted, each once.
 */
export function involvedInEns(responsible: string | null, filings: readonly FilingMemberStates[]): string[] {
  const involved = new Set<string>();
  for (const f of filings) for (const ms of [f.responsibleMemberState, ...f.involvedMemberStates]) if (ms && ms !== responsible) involved.add(ms);
  return [...involved].sort();
}
