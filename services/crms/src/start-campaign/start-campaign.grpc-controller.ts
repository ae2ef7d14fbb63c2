/** StartCampaign: the Commission designates a priority control area. The door maps; the campaign decider decides. */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, PlatformError, Roles, type Clock, type Principal } from '@ics2/platform';
import { allocateId, commandIdOf, crmsCallerOf, messageIdOf, refusalError } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import { memberStatesOf, Shape } from '../doors/request-shape';
import { sameJson } from '../domain/rules/canonical-json';

@Controller()
export class StartCampaignGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'StartCampaign')
  @Roles('member-state', 'admin')
  async startCampaign(@Payload() r: crmsV1.StartCampaignRequest, @Caller() caller: Principal): Promise<crmsV1.CampaignReply> {
    const by = crmsCallerOf(caller);
    const messageId = messageIdOf(r.message_id);
    const shape = new Shape();
    const title = shape.required(r.title, '/title');
    const from = shape.instant(r.from, '/from');
    const to = shape.instant(r.to, '/to');
    const memberStates = memberStatesOf(shape.list(r.member_states, '/memberStates'));
    const criteria = shape.list(r.criteria, '/criteria').map((c, i) => ({ id: shape.required(c.id, `/criteria/${i}/id`, 64), ...(c.version !== 0 ? { version: c.version } : {}) }));
    shape.done();
    const campaignId = allocateId('PCA', by, messageId);
    const now = this.clock.now();
    const data = { campaignId, title, from, to, memberStates, criteria, by, at: now.toISOString() };
    const outcome = await this.commands.campaign(campaignId, { type: 'StartCampaign', data }, { commandId: commandIdOf('StartCampaign', campaignId, by, messageId), actor: caller.actor, at: now });
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'PCA', campaignId);
    if (outcome.kind === 'replayed') {
      const first = outcome.events[0];
      const same = first?.type === 'PcaCampaignStarted' && sameJson({ ...first.data, startedAt: '' }, { campaignId, title, from, to, participatingMemberStates: memberStates, criteria, startedBy: by, startedAt: '' });
      if (!same) throw new PlatformError('conflict', 'CRMS.MESSAGE_ID_REUSED', 'this message id started a campaign with other content');
    }
    return { campaign_id: campaignId, replayed: outcome.kind === 'replayed' };
  }
}
