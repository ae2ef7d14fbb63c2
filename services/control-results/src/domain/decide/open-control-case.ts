import type { ControlEvent } from '@ics2/contracts';
import type { OpenControlCase } from '../control-case.commands';
import type { ControlRefusal } from '../control-case.refusals';
import { caseOf, type ControlState } from '../control-case.state';

/** A recommended control opens a case for the Member State of control, once per recommendation. */
export function openControlCase(command: OpenControlCase['data'], state: ControlState): readonly ControlEvent[] | ControlRefusal {
  if (caseOf(state, command.caseId)) return [];
  return [{ type: 'ControlCaseOpened', data: command }];
}
