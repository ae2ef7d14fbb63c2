import type { EnsEvent } from '@ics2/contracts';
import type { NotePresentation } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * A house learns that the master heading its ENS was presented, once, so it refuses invalidation and amendment from
 * then on (ics2-reference 10). Only from the master it is linked to; not on a filing that ended (a refusal, no trace).
 */
export function notePresentation(command: NotePresentation['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  const verdict = LIFECYCLE.NotePresentation[state.status];
  if (verdict !== 'ok') return notApplicable(verdict.reason);
  if (state.level !== 'house' || !state.linked.some((l) => l.mrn === command.headMrn)) return notApplicable(`not a house of ${command.headMrn}`);
  if (state.ensPresentedAt !== null) return [];
  return [{ type: 'EnsPresentationNoted', data: { mrn: state.mrn, headMrn: command.headMrn, presentedAt: command.presentedAt, notedAt: command.at } }];
}
