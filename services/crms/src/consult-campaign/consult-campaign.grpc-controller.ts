/**
 * GetCampaign: the Commission and the participating Member States read a campaign and its reports; any other caller
 * gets what an unknown id gets. Read models only; the status is the period seen from the injected clock.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, ReadModelDatabase, Roles, type Clock, type Principal } from '@ics2/platform';
import { crmsCallerOf, isCrmsId, notFoundError } from '../doors/door-answers';
import { CampaignRow } from '../read-models/campaigns/campaign.row';

@Controller()
export class ConsultCampaignGrpcController {
  constructor(
    private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'GetCampaign')
  @Roles('member-state', 'admin')
  async getCampaign(@Payload() r: crmsV1.GetCampaignRequest, @Caller() caller: Principal): Promise<crmsV1.CampaignView> {
    const by = crmsCallerOf(caller);
    const row = isCrmsId('PCA', r.campaign_id) ? await this.db.manager.getRepository(CampaignRow).findOneBy({ campaignId: r.campaign_id }) : null;
    if (!row || (by.kind === 'member-state' && !row.memberStates.includes(by.memberState))) throw notFoundError('PCA', r.campaign_id);
    const now = this.clock.now().getTime();
    const status = row.reports.some((x) => x.kind === 'final') ? 'reported' : now < row.periodFrom.getTime() ? 'planned' : now < row.periodTo.getTime() ? 'running' : 'ended';
    return {
      campaign_id: row.campaignId,
      title: row.title,
      from: row.periodFrom.toISOString(),
      to: row.periodTo.toISOString(),
      member_states: row.memberStates,
      criteria: row.criteria.map((c) => ({ id: c.id, version: c.version ?? 0 })),
      status,
      started_by: row.startedBy,
      started_at: row.startedAt.toISOString(),
      reports: row.reports.map((x) => ({ kind: x.kind, issued_at: x.issuedAt, issued_by: x.issuedBy, report_json: JSON.stringify(x.report) })),
    };
  }
}
