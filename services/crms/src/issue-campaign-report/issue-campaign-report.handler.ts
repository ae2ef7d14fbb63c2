/**
 * IssueCampaignReport: the campaign decider's rule first (mayReport: the Commission, interim once begun, final once
 * ended), then control-results' criteria statistics for the quarters the report covers (GetCriteriaStatistics, with
 * the caller's own token), kept to the campaign's criteria and Member States (campaign-report.ts), recorded as
 * PcaReportIssued. A retry with the same message id is answered with the report recorded then, before the rule is
 * asked again or the statistics fetched (the first request may have issued the final).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { crmsV1, PcaEvent, PcaReportIssued } from '@ics2/contracts';
import { pcaStream } from '@ics2/event-store';
import { CLOCK, type Clock, type Principal } from '@ics2/platform';
import { ControlResultsClient } from '../control-results/control-results.client';
import { commandIdOf, crmsCallerOf, isCrmsId, issue, messageIdOf, notFoundError, refusalError, throwIfIssues } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import type { CallContext } from '../doors/forwarded-call';
import { isRefusal } from '../domain/crms.refusals';
import { mayReport, type ReportKind } from '../domain/pca/campaign.decider';
import { campaignReport, reportQuarters, type StatisticsRow } from '../domain/pca/campaign-report';

const KINDS: readonly string[] = ['interim', 'final'];

@Injectable()
export class IssueCampaignReportHandler {
  constructor(
    private readonly commands: CrmsCommands,
    private readonly controlResults: ControlResultsClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(r: crmsV1.IssueCampaignReportRequest, caller: Principal, ctx: CallContext): Promise<crmsV1.CampaignReportReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('PCA', r.campaign_id)) throw notFoundError('PCA', r.campaign_id);
    const messageId = messageIdOf(r.message_id);
    if (!KINDS.includes(r.kind)) throwIfIssues([issue('/kind', 'interim or final', r.kind ? '12' : 'X01')]);
    const kind = r.kind as ReportKind;
    const commandId = commandIdOf('IssueCampaignReport', r.campaign_id, by, messageId);
    // A retry is answered with the report its first request recorded (else the final's retry was PCA_FINAL_ISSUED).
    const recorded = (await this.commands.recordedBy<PcaEvent>(pcaStream(r.campaign_id), commandId))?.find((e) => e.type === 'PcaReportIssued');
    if (recorded?.type === 'PcaReportIssued') return replyOf(r.campaign_id, recorded.data, true);
    const now = this.clock.now();
    const at = now.toISOString();
    const campaign = mayReport(await this.commands.campaignState(r.campaign_id), kind, by, at);
    if (isRefusal(campaign)) throw refusalError(campaign, 'PCA', r.campaign_id);
    const scope = { campaignId: campaign.campaignId, from: campaign.from, to: campaign.to, memberStates: campaign.memberStates, criteria: campaign.criteria };
    const quarters = reportQuarters(scope, kind, at);
    const statistics = await this.controlResults.criteriaStatistics({ from_quarter: quarters[0], to_quarter: quarters[quarters.length - 1], criterion_id: '', member_state: '' }, ctx);
    const rows: StatisticsRow[] = statistics.rows.map((s) => ({
      criterionId: s.criterion_id,
      version: s.version,
      memberState: s.member_state,
      quarter: s.quarter,
      automatedHits: s.automated_hits,
      confirmedHits: s.confirmed_hits,
      dismissedHits: s.dismissed_hits,
      controls: s.controls,
      positiveResults: s.positive_results,
    }));
    const report = campaignReport(scope, kind, at, rows);
    const outcome = await this.commands.campaign(
      r.campaign_id,
      { type: 'IssueCampaignReport', data: { kind, report, by, at } },
      { commandId, actor: caller.actor, at: now },
    );
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'PCA', r.campaign_id);
    const issued = outcome.kind === 'unchanged' ? undefined : outcome.events.find((e) => e.type === 'PcaReportIssued');
    return replyOf(r.campaign_id, issued?.type === 'PcaReportIssued' ? issued.data : { kind, report, issuedAt: at }, outcome.kind === 'replayed');
  }
}

function replyOf(campaignId: string, issued: Pick<PcaReportIssued['data'], 'kind' | 'report' | 'issuedAt'>, replayed: boolean): crmsV1.CampaignReportReply {
  return { campaign_id: campaignId, kind: issued.kind, report_json: JSON.stringify(issued.report), issued_at: issued.issuedAt, replayed };
}
