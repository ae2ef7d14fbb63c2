import type { EnsEvent } from '@ics2/contracts';
import type { NoteControl } from '../filing.commands';
import type { FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';

/** A control was decided or notified (control-results): recorded once; amendments are refused from then on. */
export function noteControl(command: NoteControl['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || state.controlNoted) return [];
  return [{ type: 'EnsControlNoted', data: { mrn: state.mrn, memberState: command.memberState, notedAt: command.at, source: command.source } }];
}
