/**
 * Every crms read model (rifs, rif_feedback, campaigns, crisis_alerts and its counter): events in, rows out, each
 * row at the revision of its stream's last event; delivering every event a second time changes nothing; replaying
 * every event into empty tables gives exactly the live rows, alert numbers included (STYLE "Read models").
 */
import { randomUUID } from 'node:crypto';
import type { crmsV1, PcaEvent, RifEvent } from '@ics2/contracts';
import { categoryOf, pcaStream, rifStream, type EventToAppend, type RecordedEvent } from '@ics2/event-store';
import { ReadModelDatabase } from '@ics2/platform';
import { eventually } from '@ics2/testing';
import { rifContent, startCrms, type CrmsHarness } from '../crms.test-harness';
import { activated, backtested, deactivated, drafted, edited, expired, feedbackRecorded, FR, published, RIF_ID, withProfile } from '../domain/rif/rif-events.test-harness';
import { projectCampaign } from './campaigns/campaigns.projection';
import { projectCrisisAlert } from './crisis-alerts/crisis-alerts.projection';
import { projectRif } from './rifs/rifs.projection';

const PROJECTIONS: Record<string, (e: RecordedEvent, tx: Parameters<typeof projectRif>[1]) => Promise<void>> = { rif: projectRif, pca: projectCampaign, crisis: projectCrisisAlert };
const TABLES = [
  ['rifs', 'rif_id'],
  ['rif_feedback', 'rif_id, member_state'],
  ['campaigns', 'campaign_id'],
  ['crisis_alerts', 'seq'],
  ['crisis_alert_sequence', 'id'],
] as const;

describe('crms read models', () => {
  let h: CrmsHarness;

  const append = (stream: string, events: readonly (RifEvent | PcaEvent)[]) =>
    h.store.append(
      stream,
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: stream, causationId: null, actor: { kind: 'system', component: 'test' } } })),
      'any',
    );
  const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async ([t, order]) => [t, await h.rows(t, order)] as const)));
  const crmsEvents = async () => (await h.store.readAll({ maxCount: 1_000_000 })).filter((e) => categoryOf(e.streamId) in PROJECTIONS);
  const replay = async (events: readonly RecordedEvent[]) => {
    const db = h.service.app.app.get(ReadModelDatabase);
    for (const e of events) await db.inTransaction((tx) => PROJECTIONS[categoryOf(e.streamId)](e, tx));
  };

  beforeAll(async () => {
    h = await startCrms({ prefix: 'crms_rm' });
    // Through the doors: a RIF drafted, edited, published, three feedbacks (one an update), closed; a campaign; alerts.
    const r = await h.as<crmsV1.RifReply>('DE', 'DraftRif', { content: rifContent() });
    const rifId = (r as { reply: crmsV1.RifReply }).reply.rif_id;
    await h.as('DE', 'EditRif', { rif_id: rifId, content: rifContent({ title: 'edited' }) });
    await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['FR', 'BE'] });
    for (const [ms, relevance] of [
      ['FR', 'low'],
      ['BE', 'medium'],
      ['FR', 'high'],
    ])
      expect(await h.as(ms, 'RecordFeedback', { rif_id: rifId, feedback: { evaluated: true, relevance } })).toMatchObject({ ok: true });
    await h.as('DE', 'CloseRif', { rif_id: rifId, reason: 'done' });
    const c = await h.as<crmsV1.CampaignReply>('EU', 'StartCampaign', { title: 'Firearms', from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z', member_states: ['DE', 'FR'], criteria: [{ id: 'eu-sec-001', version: 0 }] });
    const campaignId = (c as { reply: crmsV1.CampaignReply }).reply.campaign_id;
    for (const [caller, all, list] of [
      ['EU', true, []],
      ['DE', false, ['FR']],
      ['FR', false, ['DE', 'BE']],
    ] as const)
      expect(await h.as(caller, 'PublishCrisisAlert', { title: `alert by ${caller}`, description: 'd', all_member_states: all, member_states: list })).toMatchObject({ ok: true });
    // As crms writes them, appended by hand: the profile's backtest, activation, deactivation, expiry; a report.
    await append(rifStream(RIF_ID), [drafted({ content: withProfile() }), edited(withProfile({ score: 70 })), published(), backtested(), activated(), feedbackRecorded(FR), deactivated(), expired()]);
    await append(pcaStream(campaignId), [{ type: 'PcaReportIssued', data: { campaignId, kind: 'interim', report: { totals: { controls: 1 } }, issuedBy: { kind: 'commission', userId: 'taxud-1' }, issuedAt: '2027-02-01T00:00:00.000Z' } }]);
    await eventually(async () => {
      const s = await snapshot();
      expect(s.rifs.map((x) => x.status).sort()).toEqual(['closed', 'expired']);
      expect(s.campaigns[0]?.reports).toHaveLength(1);
      expect(s.crisis_alerts).toHaveLength(3);
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows each RIF and campaign at the revision of its last event, with what the events say', async () => {
    const s = await snapshot();
    const events = await crmsEvents();
    const last = (stream: string) => Math.max(...events.filter((e) => e.streamId === stream).map((e) => e.revision));
    for (const row of s.rifs) expect(row.revision).toBe(last(rifStream(String(row.rif_id))));
    for (const row of s.campaigns) expect(row.revision).toBe(last(pcaStream(String(row.campaign_id))));
    const byHand = s.rifs.find((x) => x.rif_id === RIF_ID);
    expect(byHand).toMatchObject({ status: 'expired', profile_active: false, backtest: { filings: 120, hit: 3 }, recipients_all: true });
    const viaDoors = s.rifs.find((x) => x.rif_id !== RIF_ID);
    expect(viaDoors).toMatchObject({ status: 'closed', title: 'edited', recipients: ['FR', 'BE'], close_reason: 'done' });
    expect(s.rif_feedback.filter((f) => f.rif_id === viaDoors?.rif_id).map((f) => [f.member_state, f.updates, (f.feedback as { relevance: string }).relevance])).toEqual([
      ['BE', 1, 'medium'],
      ['FR', 2, 'high'],
    ]);
    expect(s.crisis_alerts.map((a) => [a.seq, a.all_member_states, a.member_states])).toEqual([
      ['1', true, []],
      ['2', false, ['FR']],
      ['3', false, ['DE', 'BE']],
    ]);
    expect(s.crisis_alert_sequence).toEqual([{ id: 1, last_seq: '3' }]);
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await snapshot();
    await replay(await crmsEvents());
    expect(await snapshot()).toEqual(before);
  });

  it('rebuilds from the events into empty tables the very rows the live projections hold', async () => {
    const live = await snapshot();
    await h.admin(`DELETE FROM crms.rif_feedback; DELETE FROM crms.rifs; DELETE FROM crms.campaigns; DELETE FROM crms.crisis_alerts; UPDATE crms.crisis_alert_sequence SET last_seq = 0`);
    expect((await snapshot()).rifs).toEqual([]);
    await replay(await crmsEvents());
    expect(await snapshot()).toEqual(live);
  });
});
