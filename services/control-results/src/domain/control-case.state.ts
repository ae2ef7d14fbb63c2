/** The control cases of one ENS (stream `control-<mrn>`): one per recommended control, built from the events alone. */
import type { ControlCaseOpened, ControlDecided, ControlResultRecorded } from '@ics2/contracts';

export type CaseStatus = 'awaiting-decision' | 'decided-control' | 'decided-no-control' | 'result-recorded';

export interface ControlCase {
  readonly opened: ControlCaseOpened['data'];
  readonly status: CaseStatus;
  readonly decision: ControlDecided['data'] | null;
  readonly results: readonly ControlResultRecorded['data'][];
}

export type ControlState = { readonly status: 'none' } | { readonly status: 'open'; readonly mrn: string; readonly cases: readonly ControlCase[] };

export const initialControlState = (): ControlState => ({ status: 'none' });

export function caseOf(state: ControlState, caseId: string): ControlCase | undefined {
  return state.status === 'none' ? undefined : state.cases.find((c) => c.opened.caseId === caseId);
}

/** Results not corrected by a later one: what the case's outcome is. */
export function effectiveResults(c: ControlCase): ControlResultRecorded['data'][] {
  const corrected = new Set(c.results.map((r) => r.corrects).filter((id): id is string => !!id));
  return c.results.filter((r) => !corrected.has(r.resultId));
}
