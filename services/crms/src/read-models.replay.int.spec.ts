/**
 * Replay of crms's read models on a real stack: after RIFs, a campaign and crisis alerts went through the running
 * service's doors, rifs, rif_feedback, campaigns and the crisis alerts (their numbers included) rebuilt from the
 * events equal the live ones; a live row changed or deleted behind a projection is named by table and key.
 */
import type { crmsV1 } from '@ics2/contracts';
import { eventually } from '@ics2/testing';
import { rifContent, startCrms, type CrmsHarness } from './crms.test-harness';
import { replay } from './replay';

describe('crms read models replay', () => {
  let h: CrmsHarness;
  let rifId: string;
  const alerts: string[] = [];

  beforeAll(async () => {
    h = await startCrms({ prefix: 'crms_replay' });
    const drafted = await h.as<crmsV1.RifReply>('DE', 'DraftRif', { content: rifContent() });
    rifId = (drafted as { reply: crmsV1.RifReply }).reply.rif_id;
    expect(await h.as('DE', 'EditRif', { rif_id: rifId, content: rifContent({ title: 'edited' }) })).toMatchObject({ ok: true });
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['FR', 'BE'] })).toMatchObject({ ok: true });
    for (const [ms, relevance] of [
      ['FR', 'low'],
      ['BE', 'medium'],
      ['FR', 'high'],
    ])
      expect(await h.as(ms, 'RecordFeedback', { rif_id: rifId, feedback: { evaluated: true, relevance } })).toMatchObject({ ok: true });
    expect(await h.as('DE', 'CloseRif', { rif_id: rifId, reason: 'done' })).toMatchObject({ ok: true });
    expect(await h.as('EU', 'StartCampaign', { title: 'Firearms', from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z', member_states: ['DE', 'FR'], criteria: [{ id: 'eu-sec-001', version: 0 }] })).toMatchObject({
      ok: true,
    });
    for (const [caller, all, list] of [
      ['EU', true, []],
      ['DE', false, ['FR']],
    ] as const) {
      const r = await h.as<crmsV1.PublishCrisisAlertReply>(caller, 'PublishCrisisAlert', { title: `alert by ${caller}`, description: 'd', all_member_states: all, member_states: list });
      alerts.push((r as { reply: crmsV1.PublishCrisisAlertReply }).reply.alert_id);
    }
    await eventually(async () => {
      expect((await h.rows('rifs', 'rif_id')).map((r) => r.status)).toEqual(['closed']);
      expect(await h.rows('crisis_alerts', 'seq')).toHaveLength(2);
      expect(await h.rows('campaigns', 'campaign_id')).toHaveLength(1);
    });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('rebuilds every read model from the events equal to the live one, alert numbers included', async () => {
    const report = await replay(h.db.adminUrl, h.db.appUrl);
    expect(report).toMatchObject({ service: 'crms', equal: true });
    expect(report.readModels.map((r) => [r.readModel, r.liveCaughtUp, r.tables.map((t) => [t.table, t.liveRows, t.missing + t.extra + t.different])])).toEqual([
      [
        'crms.rifs',
        true,
        [
          ['crms.rifs', 1, 0],
          ['crms.rif_feedback', 2, 0],
        ],
      ],
      ['crms.campaigns', true, [['crms.campaigns', 1, 0]]],
      [
        'crms.crisis-alerts',
        true,
        [
          ['crms.crisis_alerts', 2, 0],
          ['crms.crisis_alert_sequence', 1, 0],
        ],
      ],
    ]);
    expect(report.readModels.find((r) => r.readModel === 'crms.crisis-alerts')?.tables[0].ignored).toEqual([]);
  });

  describe('after live rows were changed behind the projections', () => {
    beforeAll(async () => {
      // Two alerts swap their numbers: each row still looks well-formed, only the order risk units read them in changed.
      for (const [from, to] of [
        [1, 100],
        [2, 1],
        [100, 2],
      ])
        await h.admin(`UPDATE crms.crisis_alerts SET seq = $2 WHERE seq = $1`, [from, to]);
      await h.admin(`DELETE FROM crms.rif_feedback WHERE rif_id = $1 AND member_state = 'BE'`, [rifId]);
    });

    it('reports the renumbered alerts as different and the deleted feedback as missing, by table and key', async () => {
      const report = await replay(h.db.adminUrl, h.db.appUrl);
      expect(report.equal).toBe(false);
      const tables = Object.fromEntries(report.readModels.flatMap((r) => r.tables).map((t) => [t.table, t]));
      expect(tables['crms.rif_feedback']).toMatchObject({ missing: 1, samples: [{ kind: 'missing', key: { rif_id: rifId, member_state: 'BE' } }] });
      expect(tables['crms.crisis_alerts']).toMatchObject({ different: 2 });
      expect(tables['crms.crisis_alerts'].samples).toEqual(
        expect.arrayContaining(alerts.map((alertId, i) => ({ kind: 'different', key: { alert_id: alertId }, columns: [{ column: 'seq', live: String(2 - i), replayed: String(i + 1) }] }))),
      );
      expect(tables['crms.rifs']).toMatchObject({ missing: 0, extra: 0, different: 0 });
    });
  });
});
