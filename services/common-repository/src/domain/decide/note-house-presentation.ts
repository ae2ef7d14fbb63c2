import type { EnsEvent } from '@ics2/contracts';
import type { NoteHousePresentation } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * A master learns that one of its linked houses was presented, so it refuses invalidation and amendment and is not
 * expired from then on (ics2-reference 10: the ENS it heads is partly before customs, and invalidating the master
 * would release the presented house). Only from a house linked to it; noted once, the first house presented is
 * enough, and a master presented itself has nothing to learn. Not on a filing that ended (a refusal, no trace).
 */
export function noteHousePresentation(command: NoteHousePresentation['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  const verdict = LIFECYCLE.NoteHousePresentation[state.status];
  if (verdict !== 'ok') return notApplicable(verdict.reason);
  if (state.level !== 'master' || !state.linked.some((l) => l.mrn === command.houseMrn)) return notApplicable(`not the master of ${command.houseMrn}`);
  if (state.ensPresentedAt !== null || state.status === 'presented') return [];
  return [{ type: 'EnsHousePresentationNoted', data: { mrn: state.mrn, houseMrn: command.houseMrn, presentedAt: command.presentedAt, notedAt: command.at } }];
}
