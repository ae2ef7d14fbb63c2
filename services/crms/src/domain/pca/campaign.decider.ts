/**
 * A priority control area campaign over `pca-<id>` (policy digest PCA, W7): the Commission designates a period,
 * the participating Member States and the common risk criteria the reinforced controls follow; interim reports while
 * it runs and one final report after the period ended, each built from the criteria statistics (campaign-report.ts)
 * and recorded as issued. [U] CRMS's PCA tool is not public: who starts (the Commission), when reports may come.
 */
import type { Command, Decider } from '@ics2/domain';
import type { PcaEvent, RifAuthor } from '@ics2/contracts';
import { conflict, denied, invalid, isRefusal, notFound, outOfSequence, wrong, type ContentError, type CrmsRefusal } from '../crms.refusals';
import { hasReached, isBefore } from '../rules/instants';
import { memberStateListErrors } from '../rules/member-state-list';
import type { CampaignReport } from './campaign-report';

export interface CampaignCriterion {
  readonly id: string;
  /** Absent: every version of the criterion. */
  readonly version?: number;
}

export type StartCampaign = Command<
  'StartCampaign',
  {
    readonly campaignId: string;
    readonly title: string;
    readonly from: string;
    readonly to: string;
    readonly memberStates: readonly string[];
    readonly criteria: readonly CampaignCriterion[];
    readonly by: RifAuthor;
    readonly at: string;
  }
>;
export type ReportKind = 'interim' | 'final';
export type IssueCampaignReport = Command<'IssueCampaignReport', { readonly kind: ReportKind; readonly report: CampaignReport; readonly by: RifAuthor; readonly at: string }>;
export type CampaignCommand = StartCampaign | IssueCampaignReport;

export interface StartedCampaign {
  readonly status: 'started';
  readonly campaignId: string;
  readonly from: string;
  readonly to: string;
  readonly memberStates: readonly string[];
  readonly criteria: readonly CampaignCriterion[];
  readonly interimReports: number;
  readonly finalIssued: boolean;
}
export type CampaignState = { readonly status: 'none' } | StartedCampaign;

const CRITERION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function campaignErrors(c: StartCampaign['data']): ContentError[] {
  const errors: ContentError[] = [];
  if (!isBefore(c.from, c.to)) errors.push(wrong('/to', 'PERIOD_RANGE'));
  errors.push(...memberStateListErrors(c.memberStates, '/memberStates'));
  if (c.criteria.length === 0) errors.push(wrong('/criteria', 'PCA_CRITERIA_EMPTY'));
  const keys = c.criteria.map((k) => `${k.id}@${k.version ?? '*'}`);
  c.criteria.forEach((k, i) => {
    if (!CRITERION_ID.test(k.id)) errors.push(wrong(`/criteria/${i}/id`, 'PCA_CRITERION_ID'));
    if (k.version !== undefined && !(Number.isInteger(k.version) && k.version >= 1)) errors.push(wrong(`/criteria/${i}/version`, 'PCA_CRITERION_VERSION'));
    if (keys.indexOf(keys[i]) !== i) errors.push(wrong(`/criteria/${i}`, 'PCA_CRITERION_DUPLICATE'));
  });
  return errors;
}

/**
 * May the caller issue this report now? The Commission only (a participating Member State sees the campaign but
 * does not report; any other is told it does not exist). Interim once the period has begun, final once it ended,
 * nothing after the final. The door asks before it fetches the statistics; the decider asks again.
 */
export function mayReport(state: CampaignState, kind: ReportKind, by: RifAuthor, at: string): StartedCampaign | CrmsRefusal {
  if (state.status === 'none') return notFound;
  if (by.kind === 'member-state') return state.memberStates.includes(by.memberState) ? denied('PCA_NOT_COMMISSION') : notFound;
  if (state.finalIssued) return outOfSequence('PCA_FINAL_ISSUED');
  if (kind === 'interim' && !hasReached(at, state.from)) return outOfSequence('PCA_NOT_BEGUN');
  if (kind === 'final' && !hasReached(at, state.to)) return outOfSequence('PCA_NOT_ENDED');
  return state;
}

function decide(command: CampaignCommand, state: CampaignState): readonly PcaEvent[] | CrmsRefusal {
  switch (command.type) {
    case 'StartCampaign': {
      const c = command.data;
      if (state.status !== 'none') return conflict('PCA_EXISTS');
      if (c.by.kind !== 'commission') return denied('PCA_NOT_COMMISSION');
      const errors = campaignErrors(c);
      if (errors.length) return invalid(errors);
      return [
        {
          type: 'PcaCampaignStarted',
          data: { campaignId: c.campaignId, title: c.title, from: c.from, to: c.to, participatingMemberStates: c.memberStates, criteria: c.criteria, startedBy: c.by, startedAt: c.at },
        },
      ];
    }
    case 'IssueCampaignReport': {
      const { kind, report, by, at } = command.data;
      const campaign = mayReport(state, kind, by, at);
      if (isRefusal(campaign)) return campaign;
      return [{ type: 'PcaReportIssued', data: { campaignId: campaign.campaignId, kind, report, issuedBy: by, issuedAt: at } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function evolve(state: CampaignState, event: PcaEvent): CampaignState {
  switch (event.type) {
    case 'PcaCampaignStarted': {
      const d = event.data;
      return { status: 'started', campaignId: d.campaignId, from: d.from, to: d.to, memberStates: d.participatingMemberStates, criteria: d.criteria, interimReports: 0, finalIssued: false };
    }
    case 'PcaReportIssued':
      if (state.status === 'none') return state;
      return event.data.kind === 'final' ? { ...state, finalIssued: true } : { ...state, interimReports: state.interimReports + 1 };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const campaignDecider: Decider<CampaignCommand, PcaEvent, CampaignState, CrmsRefusal> = { decide, evolve, initialState: () => ({ status: 'none' }) };
