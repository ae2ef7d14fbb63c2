import type { EnsEvent } from '@ics2/contracts';
import type { JoinCompletedEns } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/**
 * A house learns that the ENS it belongs to is complete, so each member filing shows the state of its ENS. The
 * master's own EnsFilingCompleted heads the ENS (`members[0]` is the master); risk analysis starts from that one.
 * An ENS completed again with other members (a house invalidated and refiled) is recorded again, so every member
 * names the members the head names.
 */
export function joinCompletedEns(command: JoinCompletedEns['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || state.level !== 'house') return notApplicable('only a house joins its master');
  if (!state.linked.some((l) => l.mrn === command.headMrn)) return notApplicable(`not linked to ${command.headMrn}`);
  const known = state.ensMembers[command.phase];
  if (state.completedPhases.includes(command.phase) && known?.join() === command.members.join()) return [];
  return [{ type: 'EnsFilingCompleted', data: { mrn: state.mrn, phase: command.phase, members: command.members, completedAt: command.at } }];
}
