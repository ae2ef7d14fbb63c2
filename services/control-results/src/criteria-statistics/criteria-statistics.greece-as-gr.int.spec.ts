/**
 * Criteria statistics of analyses and cases whose events name Greece EL (recorded before the EL->GR normalisation),
 * on a real PostgreSQL: a hit and a control already projected as EL by the older projection, and an analysis
 * naming EL projected after the upgrade. After the upgrade's migrations Greece's statistics are one row under GR,
 * read by a Greek user (token GR) and by the Commission asking for GR or EL; no row says EL; a replay of the facts
 * equals the live ones. The events keep EL.
 */
import { randomUUID } from 'node:crypto';
import type { controlResultsV1, ControlEvent, RiskEvent } from '@ics2/contracts';
import { controlStream, migrateEventStore, PostgresEventStore, riskStream, type EventToAppend } from '@ics2/event-store';
import { migrateReadModels } from '@ics2/platform';
import { analysed, caseOpened, controlDecided, eventually, freshDatabase, hit, mrnOf, resultRecorded, RISK_DEFAULTS, type FreshDatabase } from '@ics2/testing';
import { startControlResults, type ControlResultsHarness } from '../control-results.test-harness';
import { CONTROL_RESULTS_SCHEMA } from '../database/schema';
import { controlCases } from '../database/migrations/20261201-0001-control-cases';
import { criteriaStatistics } from '../database/migrations/20261201-0002-criteria-statistics';
import { controlCasesGreeceAsGr } from '../database/migrations/20261202-0001-control-cases-greece-as-gr';
import { migrateControlResults } from '../migrate';
import { quarterOf } from '../read-models/criteria-statistics/quarter';
import { replay } from '../replay';

type Stats = controlResultsV1.CriteriaStatisticsReply;

describe('criteria statistics of analyses and cases that name Greece EL', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let h: ControlResultsHarness;
  const [hitProjectedAsEl, controlProjectedAsEl, hitAfter] = [mrnOf(961), mrnOf(962), mrnOf(963)];
  const quarter = quarterOf(RISK_DEFAULTS.at);

  const appendOld = (stream: string, mrn: string, events: (RiskEvent | ControlEvent)[]) =>
    store.append(
      stream,
      events.map((e) => ({ id: randomUUID(), type: e.type, data: { ...e.data, mrn }, metadata: { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: mrn, causationId: null, actor: { kind: 'system', component: 'risk-analysis' } } }) as EventToAppend),
      'any',
    );
  const greekAnalysis = () => analysed({ phase: 'pre-arrival', rms: 'EL', ims: ['BE'], hits: [hit()] });

  beforeAll(async () => {
    // The schema as it was before the upgrade, with the facts the older projection wrote with EL.
    db = await freshDatabase('cr_stats_el', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, { schema: CONTROL_RESULTS_SCHEMA, migrations: [controlCases, criteriaStatistics, controlCasesGreeceAsGr] });
    });
    store = new PostgresEventStore({ connectionString: db.adminUrl });
    await appendOld(riskStream(hitProjectedAsEl), hitProjectedAsEl, [greekAnalysis()]);
    await appendOld(controlStream(controlProjectedAsEl), controlProjectedAsEl, [caseOpened({ rms: 'EL', memberStateOfControl: 'NL' }), controlDecided(), resultRecorded({ outcome: 'no-irregularity' })]);
    await store.pool.query(
      `INSERT INTO control_results.hit_facts (mrn, analysis_id, criterion_id, version, house, member_state, quarter, assessment) VALUES ($1, 'pre-arrival-1', 'eu-sec-001', 1, '', 'EL', $2, 'pending')`,
      [hitProjectedAsEl, quarter],
    );
    await store.pool.query(
      `INSERT INTO control_results.control_facts (mrn, case_id, criterion_id, version, member_state, quarter, result_id, performed, positive)
       VALUES ($1, 'pre-arrival-1', 'eu-sec-001', 1, 'EL', $2, 'pre-arrival-1-r1', true, false)`,
      [controlProjectedAsEl, quarter],
    );
    await migrateControlResults(db.adminUrl);
    h = await startControlResults({ db });
    await appendOld(riskStream(hitAfter), hitAfter, [greekAnalysis()]);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await store?.close();
    await db?.drop();
  });

  const greece = { criterion_id: 'eu-sec-001', version: 1, member_state: 'GR', quarter, automated_hits: 2, confirmed_hits: 0, dismissed_hits: 0, controls: 1, positive_results: 0 };

  it('counts them under GR, for a Greek user and for the Commission asking for GR or EL; no row says EL', async () => {
    await eventually(async () => expect(await h.asMemberState<Stats>('GR', 'GetCriteriaStatistics', {})).toMatchObject({ ok: true, reply: { rows: [greece] } }));
    expect(await h.asAdmin<Stats>('GetCriteriaStatistics', { member_state: 'EL' })).toMatchObject({ ok: true, reply: { rows: [greece] } });
    const all = await h.asAdmin<Stats>('GetCriteriaStatistics', {});
    expect(all.ok && all.reply.rows.map((r) => r.member_state)).toEqual(['GR']);
    const [analysedEvent] = await store.readStream(riskStream(hitAfter));
    expect(analysedEvent.data).toMatchObject({ responsibleMemberState: 'EL' });
  });

  it('rebuilds the facts from the events equal to the live ones', async () => {
    const report = await replay(db.adminUrl, db.appUrl);
    expect(report).toMatchObject({ service: 'control-results', equal: true });
  });
});
