import { CONTROL_TYPES, isCodeOf, type ControlEvent } from '@ics2/contracts';
import { customsOfficeCountry, isIsoInstant, normaliseMemberStateCode, parseCustomsOffice, type CustomsOffice } from '@ics2/domain';
import type { DecideControl } from '../control-case.commands';
import { controlNotFound, refuse, type ControlRefusal } from '../control-case.refusals';
import { caseOf, type ControlState } from '../control-case.state';

/**
 * The Member State of control decides whether to control and how (ics2-reference 11.3, GET06/GET07), taking the
 * recommendation into account: a control names its type and office (an office of that Member State); no control
 * says why. Decided once. The responsible and involved Member States may read the case but not decide.
 */
export function decideControl(command: DecideControl['data'], state: ControlState): readonly ControlEvent[] | ControlRefusal {
  const c = caseOf(state, command.caseId);
  if (!c || state.status === 'none') return controlNotFound;
  const ms = command.user.memberState;
  if (c.opened.memberStateOfControl !== ms) {
    return c.opened.responsibleMemberState === ms || c.opened.involvedMemberStates.includes(ms) ? { kind: 'permission', reason: 'only the Member State of control decides' } : controlNotFound;
  }
  if (c.status !== 'awaiting-decision') return refuse('92', '', 'the control is decided already');
  if (command.control) {
    if (!command.controlType || !isCodeOf(CONTROL_TYPES, command.controlType)) return refuse('12', '/controlType', `one of ${Object.keys(CONTROL_TYPES).join(', ')}`);
    if (!command.office || !parseCustomsOffice(command.office).ok) return refuse('12', '/office', 'a customs office reference (an8)');
    if (normaliseMemberStateCode(customsOfficeCountry(command.office as CustomsOffice)) !== ms) return refuse('12', '/office', `an office of ${ms}`);
    if (command.scheduledAt !== undefined && !isIsoInstant(command.scheduledAt)) return refuse('12', '/scheduledAt', 'an ISO-8601 UTC instant, e.g. 2026-12-03T09:00:00Z');
  } else if (!command.reason) {
    return refuse('12', '/reason', 'a decision not to control says why');
  }
  const o = c.opened;
  return [
    {
      type: 'ControlDecided',
      data: {
        mrn: state.mrn,
        caseId: command.caseId,
        analysisId: c.opened.analysisId,
        phase: c.opened.phase,
        responsibleMemberState: c.opened.responsibleMemberState,
        control: command.control,
        ...(command.control ? { controlType: command.controlType, office: command.office } : {}),
        ...(command.place ? { place: command.place } : {}),
        ...(command.scheduledAt ? { scheduledAt: command.scheduledAt } : {}),
        ...(command.reason ? { reason: command.reason } : {}),
        // The analysis's members may predate a house invalidated and refiled: who is told is whom the ENS now holds.
        members: command.ensMembers ? command.ensMembers.map((m) => m.mrn) : o.members,
        personFiling: o.personFiling,
        ...(o.carrier ? { carrier: o.carrier } : {}),
        aeoParties: o.aeoParties,
        ...(command.ensMembers ? { memberFilers: command.ensMembers } : {}),
        user: command.user,
        decidedAt: command.at,
      },
    },
  ];
}
