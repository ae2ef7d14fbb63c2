import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { Forwarded, type CallContext } from '../doors/forwarded-call';
import { IssueCampaignReportHandler } from './issue-campaign-report.handler';

/** IssueCampaignReport: maps and holds no rule (issue-campaign-report.handler.ts, the campaign decider). */
@Controller()
export class IssueCampaignReportGrpcController {
  constructor(private readonly handler: IssueCampaignReportHandler) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'IssueCampaignReport')
  @Roles('member-state', 'admin')
  issueCampaignReport(@Payload() r: crmsV1.IssueCampaignReportRequest, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<crmsV1.CampaignReportReply> {
    return this.handler.issue(r, caller, ctx);
  }
}
