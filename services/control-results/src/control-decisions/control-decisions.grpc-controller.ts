/**
 * The Member State of control's decisions on a case: control or not and how (IE3N08 / IE3N09 follow from the
 * event), then the result, corrected only by a new result naming the old. Each request is one command on the
 * ENS's control stream, decided there; this door maps and holds no rule. A refusal writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { controlResultsV1, type ControlFindings, type MemberStateUser } from '@ics2/contracts';
import { checkCharacterSet, isMrn } from '@ics2/domain';
import { Caller, CLOCK, memberStateUserOf, Roles, type Clock, type Principal } from '@ics2/platform';
import { caseReply } from '../doors/case-reply';
import { ControlCommands } from '../doors/control-commands';
import { caseNotFound, controlRefusalError, invalid } from '../doors/door-answers';
import type { ControlCommand } from '../domain/control-case.commands';
import { caseOf } from '../domain/control-case.state';
import { EnsMembersQuery } from './ens-members.query';

const S = controlResultsV1.CONTROL_RESULTS_SERVICE;
const MAX_TEXT = 2_000;

/**
 * An optional free text: at most MAX_TEXT characters of the ICS2 character set (Latin, Greek, Cyrillic; no control
 * character: 102, as at the other doors). Unchecked, a NUL character failed the control stream's append (INTERNAL).
 */
function text(value: string, pointer: string): string | undefined {
  if (value.length > MAX_TEXT) throw invalid(pointer, `at most ${MAX_TEXT} characters`);
  const characters = checkCharacterSet(value);
  if (!characters.ok) throw invalid(pointer, characters.problem.reason, characters.problem.code);
  return value || undefined;
}

@Controller()
export class ControlDecisionsGrpcController {
  constructor(
    private readonly commands: ControlCommands,
    private readonly ensMembers: EnsMembersQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(S, 'DecideControl')
  @Roles('member-state')
  async decideControl(@Payload() r: controlResultsV1.DecideControlRequest, @Caller() caller: Principal) {
    const user = memberStateUserOf(caller, 'only the Member State of control decides');
    // Whom the decision is told to: the ENS as the common repository now holds it, a fact the command carries.
    const ensMembers = isMrn(r.mrn) ? await this.ensMembers.of(r.mrn) : undefined;
    return this.run(r, user, randomUUID(), (at) => ({
      type: 'DecideControl',
      data: {
        caseId: r.case_id,
        control: r.control,
        ...(r.control_type ? { controlType: r.control_type } : {}),
        ...(r.office ? { office: r.office } : {}),
        ...(text(r.place, '/place') ? { place: r.place } : {}),
        ...(r.scheduled_at ? { scheduledAt: r.scheduled_at } : {}),
        ...(text(r.reason, '/reason') ? { reason: r.reason } : {}),
        ...(ensMembers ? { ensMembers } : {}),
        user,
        at,
      },
    }));
  }

  @GrpcMethod(S, 'RecordResult')
  @Roles('member-state')
  recordResult(@Payload() r: controlResultsV1.RecordResultRequest, @Caller() caller: Principal) {
    const user = memberStateUserOf(caller, 'only the Member State of control records results');
    if (!r.message_id || r.message_id.length > 128) throw invalid('/messageId', 'a message id of 1 to 128 characters (the same id records once)', 'X01');
    const confirmed = r.confirmed_criteria.map((k, i) => {
      if (!k.id || !Number.isInteger(k.version) || k.version < 1) throw invalid(`/confirmedCriteria/${i}`, 'a criterion id and version');
      return { id: k.id, version: k.version };
    });
    const findings: ControlFindings = {
      ...(text(r.goods, '/goods') ? { goods: r.goods } : {}),
      ...(text(r.quantities, '/quantities') ? { quantities: r.quantities } : {}),
      ...(confirmed.length ? { confirmedCriteria: confirmed } : {}),
      ...(text(r.notes, '/notes') ? { notes: r.notes } : {}),
    };
    // The same message from the same Member State records once; another Member State's id cannot collide with it.
    const commandId = createHash('sha256').update(`result:${user.memberState}:${r.mrn}:${r.case_id}:${r.message_id}`).digest('hex');
    return this.run(r, user, commandId, (at) => ({
      type: 'RecordControlResult',
      data: { caseId: r.case_id, outcome: r.outcome, findings, released: r.released, ...(r.corrects ? { corrects: r.corrects } : {}), user, at },
    }));
  }

  private async run(r: { mrn: string; case_id: string }, user: MemberStateUser, commandId: string, command: (at: string) => ControlCommand): Promise<controlResultsV1.ControlCase> {
    if (!isMrn(r.mrn) || !r.case_id) throw caseNotFound(r.mrn, r.case_id);
    const now = this.clock.now();
    const outcome = await this.commands.run(r.mrn, command(now.toISOString()), commandId, { kind: 'member-state', ...user }, now);
    if (outcome.kind === 'refused') throw controlRefusalError(outcome.refusal, r.mrn, r.case_id);
    const c = caseOf(outcome.state, r.case_id);
    if (!c) throw caseNotFound(r.mrn, r.case_id);
    return caseReply(c);
  }
}
