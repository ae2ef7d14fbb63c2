import { filingType } from '@ics2/domain';
import type { EnsEvent } from '@ics2/contracts';
import type { LinkFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { LIFECYCLE } from '../rules/lifecycle.table';
import { ANALYSIS_PHASES } from './register-filing';

/**
 * Multiple filing (ics2-reference 7.2): a master and one of its houses are joined, on each side's stream. The
 * master becomes complete when its last expected house is linked: one EnsFilingCompleted per risk-analysis phase
 * of its type, naming every member filing. Linking twice is nothing new; a link that does not fit is not applied.
 */
export function linkFiling(command: LinkFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  const verdict = LIFECYCLE.LinkFiling[state.status];
  if (verdict !== 'ok') return notApplicable(verdict.reason);
  const already = state.linked.find((l) => l.houseDocument === command.houseDocument);
  if (already) return already.mrn === command.otherMrn ? [] : notApplicable(`house document ${command.houseDocument} is linked to ${already.mrn}`);
  const linked: EnsEvent = {
    type: 'EnsFilingLinked',
    data: {
      mrn: state.mrn,
      linkedMrn: command.otherMrn,
      linkedLevel: command.otherLevel,
      houseDocument: command.houseDocument,
      by: command.by,
      linkedParties: command.otherParties,
      linkedAt: command.at,
    },
  };
  if (state.level === 'house') {
    if (command.otherLevel !== 'master') return notApplicable('a house links to a master');
    // One house filing may carry several houses of the same master: each is linked; another master never is.
    const other = state.linked.find((l) => l.mrn !== command.otherMrn);
    if (other) return notApplicable(`already linked to master ${other.mrn}`);
    return [linked];
  }
  if (state.level !== 'master' || command.otherLevel !== 'house') return notApplicable('only a master and a house are linked');
  // A master that lists no houses (F13 awaiting its F17) misses one partner under the house document ''.
  if (!state.missing.includes(command.houseDocument)) return notApplicable(`house document "${command.houseDocument}" is not expected`);
  const missing = state.missing.filter((d) => d !== command.houseDocument);
  if (missing.length > 0 || state.completedPhases.length > 0) return [linked];
  const members = [state.mrn, ...state.linked.map((l) => l.mrn), command.otherMrn];
  const row = filingType(state.filingType);
  const phases = ANALYSIS_PHASES[row?.phase ?? state.phase];
  return [linked, ...phases.map((phase): EnsEvent => ({ type: 'EnsFilingCompleted', data: { mrn: state.mrn, phase, members, completedAt: command.at } }))];
}
