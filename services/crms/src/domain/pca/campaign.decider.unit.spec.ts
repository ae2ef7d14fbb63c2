import { deciderSpec, refused } from '@ics2/testing';
import type { PcaEvent } from '@ics2/contracts';
import { COMMISSION, DE, IT } from '../rif/rif-events.test-harness';
import { campaignDecider, type CampaignCommand, type ReportKind } from './campaign.decider';
import type { CampaignReport } from './campaign-report';

const given = deciderSpec(campaignDecider);
const AT = '2026-12-01T10:00:00.000Z';
const FROM = '2027-01-01T00:00:00.000Z';
const TO = '2027-04-01T00:00:00.000Z';
const CRITERIA = [{ id: 'eu-sec-001' }, { id: 'eu-sec-006', version: 2 }];

const start = (o: Partial<Extract<CampaignCommand, { type: 'StartCampaign' }>['data']> = {}): CampaignCommand => ({
  type: 'StartCampaign',
  data: { campaignId: 'PCA-FIREARMS', title: 'Firearms in fast parcels', from: FROM, to: TO, memberStates: ['DE', 'FR', 'NL'], criteria: CRITERIA, by: COMMISSION, at: AT, ...o },
});
const started: PcaEvent = {
  type: 'PcaCampaignStarted',
  data: { campaignId: 'PCA-FIREARMS', title: 'Firearms in fast parcels', from: FROM, to: TO, participatingMemberStates: ['DE', 'FR', 'NL'], criteria: CRITERIA, startedBy: COMMISSION, startedAt: AT },
};
const REPORT = { campaignId: 'PCA-FIREARMS' } as unknown as CampaignReport;
const report = (kind: ReportKind, at: string, by = COMMISSION): CampaignCommand => ({ type: 'IssueCampaignReport', data: { kind, report: REPORT, by, at } });
const issued = (kind: ReportKind, at: string): PcaEvent => ({ type: 'PcaReportIssued', data: { campaignId: 'PCA-FIREARMS', kind, report: REPORT, issuedBy: COMMISSION, issuedAt: at } });

describe('priority control area campaigns', () => {
  describe('start-campaign', () => {
    it('is started by the Commission with its period, Member States and criteria', () => given([]).when(start()).then([started]));
    it('is the Commission\'s: a Member State may not start one', () => given([]).when(start({ by: DE })).then(refused({ kind: 'permission', rule: 'PCA_NOT_COMMISSION' })));
    it('refuses an id in use', () => given([started]).when(start()).then(refused({ kind: 'conflict', rule: 'PCA_EXISTS' })));
    it('names every problem in the campaign', () =>
      given([])
        .when(start({ to: FROM, memberStates: ['DE', 'DE', 'GB'], criteria: [{ id: 'EU SEC' }, { id: 'eu-sec-001', version: 0 }, { id: 'eu-sec-002' }, { id: 'eu-sec-002' }] }))
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/to', rule: 'PERIOD_RANGE' },
              { code: '12', pointer: '/memberStates/1', rule: 'MEMBER_STATE_DUPLICATE' },
              { code: '12', pointer: '/memberStates/2', rule: 'MEMBER_STATE_UNKNOWN' },
              { code: '12', pointer: '/criteria/0/id', rule: 'PCA_CRITERION_ID' },
              { code: '12', pointer: '/criteria/1/version', rule: 'PCA_CRITERION_VERSION' },
              { code: '12', pointer: '/criteria/3', rule: 'PCA_CRITERION_DUPLICATE' },
            ],
          }),
        ));
    it('needs criteria and Member States', () =>
      given([])
        .when(start({ memberStates: [], criteria: [] }))
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/memberStates', rule: 'MEMBER_STATES_EMPTY' },
              { code: '12', pointer: '/criteria', rule: 'PCA_CRITERIA_EMPTY' },
            ],
          }),
        ));
  });

  describe('issue-campaign-report', () => {
    const during = '2027-02-15T00:00:00.000Z';
    it('issues interim reports while the campaign runs, and after it ended', () => {
      given([started]).when(report('interim', during)).then([issued('interim', during)]);
      given([started, issued('interim', during)]).when(report('interim', TO)).then([issued('interim', TO)]);
    });
    it('issues the final report only after the period ended, once', () => {
      given([started]).when(report('final', during)).then(refused({ kind: 'lifecycle', rule: 'PCA_NOT_ENDED' }));
      given([started]).when(report('final', TO)).then([issued('final', TO)]);
      given([started, issued('final', TO)]).when(report('final', '2027-05-01T00:00:00.000Z')).then(refused({ kind: 'lifecycle', rule: 'PCA_FINAL_ISSUED' }));
      given([started, issued('final', TO)]).when(report('interim', '2027-05-01T00:00:00.000Z')).then(refused({ kind: 'lifecycle', rule: 'PCA_FINAL_ISSUED' }));
    });
    it('has no interim report before the period began', () => given([started]).when(report('interim', AT)).then(refused({ kind: 'lifecycle', rule: 'PCA_NOT_BEGUN' })));
    it('is the Commission\'s: a participating Member State is refused, any other is told there is no such campaign', () => {
      given([started]).when(report('interim', during, DE)).then(refused({ kind: 'permission', rule: 'PCA_NOT_COMMISSION' }));
      given([started]).when(report('interim', during, IT)).then(refused({ kind: 'not-found' }));
    });
    it('refuses an unknown campaign as not found', () => given([]).when(report('interim', during)).then(refused({ kind: 'not-found' })));
  });
});
