/**
 * Replay of control-results's read models on a real stack: after control recommendations went through the running
 * service (the intake opens cases; the Member State of control decides and records results over gRPC, one result
 * corrected), control_cases and the statistics' facts rebuilt from the events equal the live ones (the facts of a
 * result read the case's stream from the live store, as live); a live row changed or deleted behind a projection is
 * named by table and key.
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, riskStream, type EventToAppend } from '@ics2/event-store';
import type { RiskEvent } from '@ics2/contracts';
import { analysed, assessmentCompleted, eventually, hit, mrnOf, RISK_DEFAULTS } from '@ics2/testing';
import { startControlResults, type ControlResultsHarness } from './control-results.test-harness';
import { replay } from './replay';

const NL_OFFICE = 'NL000396';

describe('control-results read models replay', () => {
  let h: ControlResultsHarness;
  let store: PostgresEventStore;
  let serial = 900;
  const mrns: string[] = [];

  const append = (mrn: string, events: RiskEvent[]) =>
    store.append(
      riskStream(mrn),
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: mrn, causationId: null, actor: { kind: 'system', component: 'risk-analysis' } } })),
      'any',
    );
  /** An ENS with two hits, one dismissed, assessed with a control in NL recommended (as risk-analysis writes it). */
  const recommendedControl = async (): Promise<string> => {
    const mrn = mrnOf(++serial);
    const a = analysed({ mrn, phase: 'pre-arrival', hits: [hit(), hit({ criterionId: 'eu-ipr-001', house: 'HAWB-1' }), hit({ criterionId: 'eu-csh-001' })], rms: 'DE', ims: ['BE'] });
    const done = assessmentCompleted({ analysisId: 'pre-arrival-1', phase: 'pre-arrival' });
    await append(mrn, [
      a,
      { type: 'RiskHitDismissed', data: { mrn, analysisId: 'pre-arrival-1', criterionId: 'eu-csh-001', version: 1, reason: 'cash declared', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } },
      { ...done, data: { ...done.data, mrn, controlRecommendation: { controlType: 'physical', memberState: 'NL', place: NL_OFFICE, reason: 'undeclared goods suspected' } } },
    ]);
    await eventually(async () => expect(await h.asMemberState('NL', 'GetCase', { mrn, case_id: 'pre-arrival-1' })).toMatchObject({ ok: true }));
    return mrn;
  };
  const ok = async (call: Promise<unknown>) => expect(await call).toMatchObject({ ok: true });
  const record = (mrn: string, o: object = {}) =>
    h.asMemberState('NL', 'RecordResult', { mrn, case_id: 'pre-arrival-1', outcome: 'seizure', goods: 'counterfeit watches', quantities: '40 of 200', confirmed_criteria: [{ id: 'eu-ipr-001', version: 1 }], released: false, message_id: randomUUID(), ...o });

  beforeAll(async () => {
    h = await startControlResults({ prefix: 'crs_replay' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    for (let i = 0; i < 3; i++) mrns.push(await recommendedControl());
    const decide = (mrn: string, control: boolean) =>
      h.asMemberState('NL', 'DecideControl', { mrn, case_id: 'pre-arrival-1', control, ...(control ? { control_type: 'physical', office: NL_OFFICE, scheduled_at: '2026-12-03T09:00:00.000Z' } : { reason: 'capacity elsewhere' }) });
    await ok(decide(mrns[0], true));
    await ok(record(mrns[0]));
    await ok(record(mrns[0], { outcome: 'no-irregularity', confirmed_criteria: [], released: true, corrects: 'pre-arrival-1-r1' }));
    await ok(decide(mrns[1], true));
    await ok(record(mrns[1]));
    await ok(decide(mrns[2], false));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it('rebuilds every read model from the events equal to the live one', async () => {
    const report = await replay(h.db.adminUrl, h.db.appUrl);
    expect(report).toMatchObject({ service: 'control-results', equal: true });
    expect(report.readModels.map((r) => [r.readModel, r.liveCaughtUp, r.tables.map((t) => [t.table, t.liveRows, t.missing + t.extra + t.different])])).toEqual([
      ['control-results.control-cases', true, [['control_results.control_cases', 3, 0]]],
      [
        'control-results.statistics',
        true,
        [
          ['control_results.hit_facts', 9, 0],
          ['control_results.control_facts', 4, 0],
        ],
      ],
    ]);
  });

  describe('after live rows were changed behind the projections', () => {
    beforeAll(async () => {
      const owner = await h.db.admin();
      await owner.query(`UPDATE control_results.control_facts SET positive = true WHERE mrn = $1 AND criterion_id = 'eu-ipr-001'`, [mrns[0]]);
      await owner.query(`DELETE FROM control_results.control_cases WHERE mrn = $1`, [mrns[2]]);
    });

    it('reports the changed fact as different and the deleted case as missing, by table and key', async () => {
      const report = await replay(h.db.adminUrl, h.db.appUrl);
      expect(report.equal).toBe(false);
      const [cases, statistics] = report.readModels;
      expect(cases.tables[0]).toMatchObject({ table: 'control_results.control_cases', missing: 1, samples: [{ kind: 'missing', key: { mrn: mrns[2], case_id: 'pre-arrival-1' } }] });
      const [hits, controls] = statistics.tables;
      expect(hits).toMatchObject({ missing: 0, extra: 0, different: 0 });
      expect(controls).toMatchObject({
        table: 'control_results.control_facts',
        different: 1,
        samples: [{ kind: 'different', key: { mrn: mrns[0], case_id: 'pre-arrival-1', criterion_id: 'eu-ipr-001', version: '1' }, columns: [{ column: 'positive', live: 'true', replayed: 'false' }] }],
      });
    });
  });
});
