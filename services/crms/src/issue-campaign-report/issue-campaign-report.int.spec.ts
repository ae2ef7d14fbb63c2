/**
 * A priority control area campaign through the gRPC door: the Commission starts it, participating Member States
 * read it, interim and final reports are built from control-results' criteria statistics (a real gRPC peer serving
 * the real control.proto) kept to the campaign's criteria, Member States and quarters, and recorded as
 * PcaReportIssued; the final one only after the period ended. Refusals are coded and write nothing.
 */
import type { controlResultsV1, crmsV1, PcaEvent } from '@ics2/contracts';
import { pcaStream } from '@ics2/event-store';
import { ManualClock } from '@ics2/platform';
import { eventually } from '@ics2/testing';
import { startCrms, type CrmsHarness } from '../crms.test-harness';
import { startControlResultsPeer, type ControlResultsPeer } from './control-results-peer.test-harness';

const row = (criterion_id: string, version: number, member_state: string, quarter: string, counts: [number, number, number, number, number]): controlResultsV1.CriteriaStatisticsRow => {
  const [automated_hits, confirmed_hits, dismissed_hits, controls, positive_results] = counts;
  return { criterion_id, version, member_state, quarter, automated_hits, confirmed_hits, dismissed_hits, controls, positive_results, hit_rate: controls ? positive_results / controls : 0 };
};

// What control-results holds: the campaign's rows, and rows of other criteria, versions, Member States and quarters.
const STATISTICS = [
  row('eu-sec-001', 1, 'DE', '2027-Q1', [10, 4, 6, 4, 2]),
  row('eu-sec-001', 1, 'FR', '2027-Q2', [5, 3, 2, 3, 3]),
  row('eu-sec-006', 2, 'NL', '2027-Q2', [8, 2, 6, 2, 1]),
  row('eu-sec-006', 1, 'DE', '2027-Q1', [99, 99, 0, 99, 99]),
  row('eu-sec-001', 1, 'IT', '2027-Q1', [99, 99, 0, 99, 99]),
  row('eu-sec-002', 1, 'DE', '2027-Q1', [99, 99, 0, 99, 99]),
  row('eu-sec-001', 1, 'DE', '2026-Q4', [99, 99, 0, 99, 99]),
  row('eu-sec-001', 1, 'DE', '2027-Q3', [99, 99, 0, 99, 99]),
];

describe('priority control area campaigns', () => {
  let h: CrmsHarness;
  let peer: ControlResultsPeer;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00.000Z'));
  let campaignId: string;

  beforeAll(async () => {
    peer = await startControlResultsPeer(STATISTICS);
    h = await startCrms({ prefix: 'crms_pca', clock, env: { CONTROL_RESULTS_GRPC_URL: peer.address } });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await peer?.close();
  });

  const start = { message_id: 'pca-firearms', title: 'Firearms in fast parcels', from: '2027-01-15T00:00:00Z', to: '2027-05-15T00:00:00Z', member_states: ['DE', 'FR', 'NL'], criteria: [{ id: 'eu-sec-001', version: 0 }, { id: 'eu-sec-006', version: 2 }] };
  const report = (caller: string, kind: string) => h.as<crmsV1.CampaignReportReply>(caller, 'IssueCampaignReport', { campaign_id: campaignId, kind });
  const refusedWithoutTrace = async (call: () => Promise<unknown>, expected: object) => {
    await h.service.settled();
    const before = await h.eventCount();
    const calls = peer.calls.length;
    expect(await call()).toMatchObject({ ok: false, ...expected });
    expect(await h.eventCount()).toBe(before);
    expect(peer.calls.length).toBe(calls);
  };

  it('is started by the Commission and read by the participating Member States', async () => {
    await refusedWithoutTrace(() => h.as('DE', 'StartCampaign', start), { kind: 'permission', errorCode: 'CRMS.PCA_NOT_COMMISSION' });
    await refusedWithoutTrace(() => h.as('EU', 'StartCampaign', { ...start, to: '2027-01-01T00:00:00Z', member_states: ['DE', 'GB'] }), {
      kind: 'validation',
      details: [{ pointer: '/to' }, { pointer: '/memberStates/1' }],
    });
    const started = await h.as<crmsV1.CampaignReply>('EU', 'StartCampaign', start);
    expect(started).toMatchObject({ ok: true, reply: { replayed: false } });
    campaignId = (started as { reply: crmsV1.CampaignReply }).reply.campaign_id;
    expect(campaignId).toMatch(/^PCA-EU-/);
    await eventually(async () =>
      expect(await h.as('DE', 'GetCampaign', { campaign_id: campaignId })).toMatchObject({
        ok: true,
        reply: { status: 'planned', member_states: ['DE', 'FR', 'NL'], criteria: [{ id: 'eu-sec-001', version: 0 }, { id: 'eu-sec-006', version: 2 }], started_by: 'commission:taxud-1', reports: [] },
      }),
    );
    expect(await h.as('IT', 'GetCampaign', { campaign_id: campaignId })).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'PCA.NOT_FOUND' });
    expect(await h.as('EU', 'GetCampaign', { campaign_id: 'PCA-EU-AAAAAAAAAA' })).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('reports from the criteria statistics of its criteria, Member States and quarters: interim, then final after the period', async () => {
    await refusedWithoutTrace(() => report('EU', 'interim'), { kind: 'precondition', errorCode: 'CRMS.PCA_NOT_BEGUN', details: [{ validationCode: '92' }] });

    clock.set('2027-03-01T09:00:00.000Z');
    const interim = await report('EU', 'interim');
    expect(interim).toMatchObject({ ok: true, reply: { kind: 'interim', issued_at: '2027-03-01T09:00:00.000Z', replayed: false } });
    expect(peer.calls.at(-1)).toEqual({ request: { from_quarter: '2027-Q1', to_quarter: '2027-Q1', criterion_id: '', member_state: '' }, authorization: expect.stringMatching(/^Bearer ey/) });
    const interimReport = JSON.parse((interim as { reply: crmsV1.CampaignReportReply }).reply.report_json);
    expect(interimReport).toMatchObject({ quarters: ['2027-Q1'], totals: { automatedHits: 10, confirmedHits: 4, dismissedHits: 6, controls: 4, positiveResults: 2, hitRate: 0.5 } });

    await refusedWithoutTrace(() => report('EU', 'final'), { kind: 'precondition', errorCode: 'CRMS.PCA_NOT_ENDED' });
    await refusedWithoutTrace(() => report('DE', 'interim'), { kind: 'permission', errorCode: 'CRMS.PCA_NOT_COMMISSION' });
    await refusedWithoutTrace(() => report('IT', 'interim'), { kind: 'not-found' });
    await refusedWithoutTrace(() => report('EU', 'weekly'), { kind: 'validation', details: [{ pointer: '/kind' }] });

    clock.set('2027-05-16T00:00:00.000Z');
    const final = await h.as<crmsV1.CampaignReportReply>('EU', 'IssueCampaignReport', { campaign_id: campaignId, kind: 'final', message_id: 'final-1' });
    expect(final).toMatchObject({ ok: true, reply: { kind: 'final', replayed: false } });
    const finalReport = JSON.parse((final as { reply: crmsV1.CampaignReportReply }).reply.report_json);
    expect(finalReport).toMatchObject({
      campaignId,
      kind: 'final',
      period: { from: '2027-01-15T00:00:00.000Z', to: '2027-05-15T00:00:00.000Z' },
      quarters: ['2027-Q1', '2027-Q2'],
      totals: { automatedHits: 23, confirmedHits: 9, dismissedHits: 14, controls: 9, positiveResults: 6 },
      byCriterion: [
        { criterionId: 'eu-sec-001', version: 1, controls: 7, positiveResults: 5 },
        { criterionId: 'eu-sec-006', version: 2, controls: 2, positiveResults: 1, hitRate: 0.5 },
      ],
      byMemberState: [
        { memberState: 'DE', controls: 4 },
        { memberState: 'FR', controls: 3 },
        { memberState: 'NL', controls: 2 },
      ],
    });
    expect(finalReport.rows).toHaveLength(3);
    await refusedWithoutTrace(() => report('EU', 'final'), { kind: 'precondition', errorCode: 'CRMS.PCA_FINAL_ISSUED' });
    // A retry of the final report (its answer lost on the way) is answered with it, asking control-results nothing.
    const calls = peer.calls.length;
    const before = await h.eventCount();
    clock.set('2027-05-17T00:00:00.000Z');
    const retried = await h.as<crmsV1.CampaignReportReply>('EU', 'IssueCampaignReport', { campaign_id: campaignId, kind: 'final', message_id: 'final-1' });
    expect(retried).toMatchObject({ ok: true, reply: { campaign_id: campaignId, kind: 'final', issued_at: '2027-05-16T00:00:00.000Z', replayed: true } });
    expect(JSON.parse((retried as { reply: crmsV1.CampaignReportReply }).reply.report_json)).toEqual(finalReport);
    expect(peer.calls.length).toBe(calls);
    expect(await h.eventCount()).toBe(before);

    const events = (await h.events(pcaStream(campaignId))).map((e) => ({ type: e.type, data: e.data }) as PcaEvent);
    expect(events.map((e) => e.type)).toEqual(['PcaCampaignStarted', 'PcaReportIssued', 'PcaReportIssued']);
    expect(events[2].data).toMatchObject({ kind: 'final', report: finalReport, issuedBy: { kind: 'commission', userId: 'taxud-1' }, issuedAt: '2027-05-16T00:00:00.000Z' });
    await eventually(async () => {
      const view = await h.as<crmsV1.CampaignView>('NL', 'GetCampaign', { campaign_id: campaignId });
      expect(view).toMatchObject({ ok: true, reply: { status: 'reported', reports: [{ kind: 'interim' }, { kind: 'final', issued_by: 'commission:taxud-1' }] } });
      expect(JSON.parse((view as { reply: crmsV1.CampaignView }).reply.reports[1].report_json)).toEqual(finalReport);
    });
  });

  it('answers a retried start again, and an unreachable control-results as unavailable, writing nothing', async () => {
    expect(await h.as('EU', 'StartCampaign', start)).toEqual({ ok: true, reply: { campaign_id: campaignId, replayed: true } });
    const other = await h.as<crmsV1.CampaignReply>('EU', 'StartCampaign', { ...start, message_id: 'pca-2' });
    const otherId = (other as { reply: crmsV1.CampaignReply }).reply.campaign_id;
    await peer.close();
    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('EU', 'IssueCampaignReport', { campaign_id: otherId, kind: 'final' })).toMatchObject({ ok: false, kind: 'unavailable', errorCode: 'CONTROL_RESULTS.UNAVAILABLE' });
    expect(await h.eventCount()).toBe(before);
  });
});
