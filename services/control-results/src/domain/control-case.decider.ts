/** The control cases of an ENS as a decider over `control-<mrn>`: pure, no framework, no I/O, no clock. */
import type { Decider } from '@ics2/domain';
import type { ControlEvent } from '@ics2/contracts';
import type { ControlCommand } from './control-case.commands';
import type { ControlRefusal } from './control-case.refusals';
import { initialControlState, type ControlCase, type ControlState } from './control-case.state';
import { decideControl } from './decide/decide-control';
import { openControlCase } from './decide/open-control-case';
import { recordControlResult } from './decide/record-control-result';
import { withMemberStatesAsIso } from './member-states-as-iso';

function decide(command: ControlCommand, state: ControlState): readonly ControlEvent[] | ControlRefusal {
  switch (command.type) {
    case 'OpenControlCase':
      return openControlCase(command.data, state);
    case 'DecideControl':
      return decideControl(command.data, state);
    case 'RecordControlResult':
      return recordControlResult(command.data, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function update(state: ControlState, caseId: string, change: (c: ControlCase) => ControlCase): ControlState {
  return state.status === 'none' ? state : { ...state, cases: state.cases.map((c) => (c.opened.caseId === caseId ? change(c) : c)) };
}

/** History is fact: every recorded event is accepted as it is. */
function evolve(state: ControlState, event: ControlEvent): ControlState {
  switch (event.type) {
    case 'ControlCaseOpened': {
      const cases = state.status === 'none' ? [] : state.cases;
      // An old case may say EL for Greece: read as GR, the caller's code, for access and for what is shown.
      return { status: 'open', mrn: event.data.mrn, cases: [...cases, { opened: withMemberStatesAsIso(event.data), status: 'awaiting-decision', decision: null, results: [] }] };
    }
    case 'ControlDecided':
      return update(state, event.data.caseId, (c) => ({ ...c, decision: event.data, status: event.data.control ? 'decided-control' : 'decided-no-control' }));
    case 'ControlResultRecorded':
      return update(state, event.data.caseId, (c) => ({ ...c, results: [...c.results, event.data], status: 'result-recorded' }));
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const controlCaseDecider: Decider<ControlCommand, ControlEvent, ControlState, ControlRefusal> = {
  decide,
  evolve,
  initialState: initialControlState,
};
