import type { EnsEvent } from '@ics2/contracts';
import type { NoteControl } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * A control was decided or notified (control-results): recorded once; amendments are refused from then on. Not on
 * an invalidated or rejected filing (a refusal that leaves no trace): it declares no goods to control.
 */
export function noteControl(command: NoteControl['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return [];
  const verdict = LIFECYCLE.NoteControl[state.status];
  if (verdict !== 'ok') return notApplicable(verdict.reason);
  if (state.controlNoted) return [];
  return [{ type: 'EnsControlNoted', data: { mrn: state.mrn, memberState: command.memberState, notedAt: command.at, source: command.source } }];
}
