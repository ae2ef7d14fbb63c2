/**
 * PublishCrisisAlert: the Commission or a Member State opens a crisis alert. A RIF it points at must be one the
 * caller may read, and another author's one every Member State addressed may read (the RIF's own access rule,
 * mayPointAlertAt, on the RIF's stream). The door maps; the alert decider decides.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, PlatformError, Roles, type Clock, type Principal } from '@ics2/platform';
import { allocateId, commandIdOf, crmsCallerOf, isCrmsId, issue, messageIdOf, refusalError, throwIfIssues } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import { recipientsOf, Shape } from '../doors/request-shape';
import { sameJson } from '../domain/rules/canonical-json';
import { mayPointAlertAt } from '../domain/rif/rules/rif-access';

@Controller()
export class PublishCrisisAlertGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'PublishCrisisAlert')
  @Roles('member-state', 'admin')
  async publishCrisisAlert(@Payload() r: crmsV1.PublishCrisisAlertRequest, @Caller() caller: Principal): Promise<crmsV1.PublishCrisisAlertReply> {
    const by = crmsCallerOf(caller);
    const messageId = messageIdOf(r.message_id);
    const shape = new Shape();
    const title = shape.required(r.title, '/title');
    const description = shape.required(r.description, '/description', 10_000);
    shape.done();
    const memberStates = recipientsOf(r.all_member_states, r.member_states);
    if (r.rif_id) {
      const rif = isCrmsId('RIF', r.rif_id) ? await this.commands.rifState(r.rif_id) : ({ status: 'none' } as const);
      // Unknown, unseen, or another's RIF the addressees may not read: one answer, so none tells which.
      if (rif.status === 'none' || !mayPointAlertAt(rif, by, memberStates)) throwIfIssues([issue('/rifId', "a RIF the caller may read; another's only if every Member State addressed may read it")]);
    }
    const alertId = allocateId('CRISIS', by, messageId);
    const now = this.clock.now();
    const data = { alertId, title, description, memberStates, ...(r.rif_id ? { rifId: r.rif_id } : {}), by, at: now.toISOString() };
    const outcome = await this.commands.crisis(alertId, { type: 'PublishCrisisAlert', data }, { commandId: commandIdOf('PublishCrisisAlert', alertId, by, messageId), actor: caller.actor, at: now });
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'CRISIS', alertId);
    if (outcome.kind === 'replayed') {
      const first = outcome.events[0];
      const { at: _at, by: _by, ...asked } = data;
      const same = first?.type === 'CrisisAlertPublished' && sameJson({ ...first.data, publishedAt: undefined, publishedBy: undefined }, asked);
      if (!same) throw new PlatformError('conflict', 'CRMS.MESSAGE_ID_REUSED', 'this message id published another alert');
    }
    return { alert_id: alertId, replayed: outcome.kind === 'replayed' };
  }
}
