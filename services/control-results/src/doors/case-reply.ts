/** A control case as the door shows it (ControlCase of control.proto). */
import type { controlResultsV1 } from '@ics2/contracts';
import type { ControlCase } from '../domain/control-case.state';

export function caseReply(c: ControlCase): controlResultsV1.ControlCase {
  const o = c.opened;
  return {
    mrn: o.mrn,
    case_id: o.caseId,
    status: c.status,
    member_state_of_control: o.memberStateOfControl,
    responsible_member_state: o.responsibleMemberState,
    involved_member_states: [...o.involvedMemberStates],
    recommendation_json: JSON.stringify(o.recommendation),
    decision_json: c.decision ? JSON.stringify(c.decision) : '',
    results: c.results.map((r) => ({
      result_id: r.resultId,
      outcome: r.outcome,
      findings_json: JSON.stringify(r.findings),
      released: r.released,
      corrects: r.corrects ?? '',
      recorded_at: r.recordedAt,
      recorded_by: `${r.user.memberState}/${r.user.userId}`,
    })),
    opened_at: o.openedAt,
  };
}

/** Who may read a case: the Member State of control, the responsible one and the involved ones. */
export const concerns = (c: ControlCase, memberState: string) =>
  c.opened.memberStateOfControl === memberState || c.opened.responsibleMemberState === memberState || c.opened.involvedMemberStates.includes(memberState);
