import { CONTROL_OUTCOMES, isCodeOf, type ControlEvent, type ControlOutcome } from '@ics2/contracts';
import type { RecordControlResult } from '../control-case.commands';
import { controlNotFound, refuse, type ControlRefusal } from '../control-case.refusals';
import { caseOf, effectiveResults, type ControlState } from '../control-case.state';

/**
 * A control's result (ics2-reference 11.3, PCT02): an outcome from the project's list, findings, released or not.
 * One result per case; a later fix is a correction naming the result it corrects (never an overwrite). Criteria a
 * result confirms must be among those that led to the control. 'not-performed' says why in the notes.
 */
export function recordControlResult(command: RecordControlResult['data'], state: ControlState): readonly ControlEvent[] | ControlRefusal {
  const c = caseOf(state, command.caseId);
  if (!c || state.status === 'none') return controlNotFound;
  const ms = command.user.memberState;
  if (c.opened.memberStateOfControl !== ms) {
    return c.opened.responsibleMemberState === ms || c.opened.involvedMemberStates.includes(ms) ? { kind: 'permission', reason: 'only the Member State of control records results' } : controlNotFound;
  }
  if (c.status === 'awaiting-decision' || c.status === 'decided-no-control') return refuse('92', '', c.status === 'awaiting-decision' ? 'decide the control first' : 'no control was decided');
  const current = effectiveResults(c);
  if (command.corrects === undefined && current.length > 0) return refuse('92', '/corrects', 'a result is recorded: record a correction of it');
  if (command.corrects !== undefined && !current.some((r) => r.resultId === command.corrects)) return refuse('12', '/corrects', 'only the current result can be corrected');
  if (!isCodeOf(CONTROL_OUTCOMES, command.outcome)) return refuse('12', '/outcome', `one of ${Object.keys(CONTROL_OUTCOMES).join(', ')}`);
  if (command.outcome === 'not-performed' && !command.findings.notes) return refuse('12', '/notes', 'say why the control was not performed');
  const known = new Set(c.opened.criteria.map((k) => `${k.id}@${k.version}`));
  const unknown = (command.findings.confirmedCriteria ?? []).findIndex((k) => !known.has(`${k.id}@${k.version}`));
  if (unknown >= 0) return refuse('12', `/confirmedCriteria/${unknown}`, 'a criterion that led to this control');
  return [
    {
      type: 'ControlResultRecorded',
      data: {
        mrn: state.mrn,
        caseId: command.caseId,
        analysisId: c.opened.analysisId,
        phase: c.opened.phase,
        memberStateOfControl: c.opened.memberStateOfControl,
        resultId: `${command.caseId}-r${c.results.length + 1}`,
        outcome: command.outcome as ControlOutcome,
        findings: command.findings,
        released: command.released,
        ...(command.corrects ? { corrects: command.corrects } : {}),
        responsibleMemberState: c.opened.responsibleMemberState,
        involvedMemberStates: c.opened.involvedMemberStates,
        user: command.user,
        recordedAt: command.at,
      },
    },
  ];
}
