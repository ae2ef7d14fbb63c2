/**
 * Control cases recorded before the EL->GR normalisation, on a real PostgreSQL: their ControlCaseOpened says `EL`
 * (appended to the store as an older service wrote it), one of them already projected into the queue as `EL` by
 * the older projection. After the upgrade's migrations a Greek user (token `GR`) lists, reads and decides them, each
 * answered with `GR`; another Member State still finds none of them. The events keep `EL`.
 */
import { randomUUID } from 'node:crypto';
import type { ControlCaseOpened, controlResultsV1 } from '@ics2/contracts';
import { controlStream, migrateEventStore, PostgresEventStore, type EventToAppend } from '@ics2/event-store';
import { migrateReadModels } from '@ics2/platform';
import { eventually, freshDatabase, mrnOf, RISK_DEFAULTS, type FreshDatabase } from '@ics2/testing';
import { startControlResults, type ControlResultsHarness } from '../control-results.test-harness';
import { CONTROL_RESULTS_SCHEMA } from '../database/schema';
import { controlCases } from '../database/migrations/20261201-0001-control-cases';
import { criteriaStatistics } from '../database/migrations/20261201-0002-criteria-statistics';
import { migrateControlResults } from '../migrate';

type Case = controlResultsV1.ControlCase;
type Queue = controlResultsV1.ListCasesReply;

const opened = (mrn: string, o: { ms: string; rms: string; ims: string[] }): ControlCaseOpened => ({
  type: 'ControlCaseOpened',
  data: {
    mrn,
    caseId: 'pre-arrival-1',
    analysisId: 'pre-arrival-1',
    phase: 'pre-arrival',
    members: [mrn],
    recommendation: { controlType: 'physical', memberState: o.ms, reason: 'undeclared goods suspected' },
    responsibleMemberState: o.rms,
    involvedMemberStates: o.ims,
    memberStateOfControl: o.ms,
    personFiling: RISK_DEFAULTS.personFiling,
    aeoParties: [],
    criteria: [{ id: 'eu-sec-001', version: 1 }],
    openedAt: RISK_DEFAULTS.at,
  },
});

describe('control cases that name Greece EL (recorded before the normalisation)', () => {
  let db: FreshDatabase;
  let store: PostgresEventStore;
  let h: ControlResultsHarness;
  const [projectedAsEl, appendedAfter, greekResponsible] = [mrnOf(951), mrnOf(952), mrnOf(953)];

  const appendOld = (event: ControlCaseOpened) =>
    store.append(
      controlStream(event.data.mrn),
      [{ id: randomUUID(), type: event.type, data: event.data, metadata: { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: event.data.mrn, causationId: null, actor: { kind: 'system', component: 'control-results' } } } as EventToAppend],
      'any',
    );

  beforeAll(async () => {
    // The schema as it was before the upgrade, and a queue row the older projection wrote with EL.
    db = await freshDatabase('cr_el', async (url) => {
      await migrateEventStore(url);
      await migrateReadModels(url, { schema: CONTROL_RESULTS_SCHEMA, migrations: [controlCases, criteriaStatistics] });
    });
    store = new PostgresEventStore({ connectionString: db.adminUrl });
    await appendOld(opened(projectedAsEl, { ms: 'EL', rms: 'DE', ims: ['BE'] }));
    await store.pool.query(
      `INSERT INTO control_results.control_cases (mrn, case_id, revision, status, member_state_of_control, responsible_member_state, involved_member_states, control_type, opened_at)
       VALUES ($1, 'pre-arrival-1', 0, 'awaiting-decision', 'EL', 'DE', '{BE}', 'physical', $2)`,
      [projectedAsEl, RISK_DEFAULTS.at],
    );
    await migrateControlResults(db.adminUrl);
    h = await startControlResults({ db });
    await appendOld(opened(appendedAfter, { ms: 'EL', rms: 'DE', ims: ['BE'] }));
    await appendOld(opened(greekResponsible, { ms: 'NL', rms: 'EL', ims: ['EL', 'BE'] }));
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await store.close();
    await db.drop();
  });

  const queueOf = async (ms: string) => {
    const r = await h.asMemberState<Queue>(ms, 'ListCases', { limit: 200 });
    expect(r.ok).toBe(true);
    return r.ok ? r.reply.cases : [];
  };

  it('puts them in the Greek queue under GR, the one projected as EL before the upgrade too, and in no other', async () => {
    await eventually(async () => {
      const greek = await queueOf('GR');
      expect(greek.filter((c) => c.mrn === projectedAsEl || c.mrn === appendedAfter).map((c) => [c.mrn, c.member_state_of_control])).toEqual([
        [projectedAsEl, 'GR'],
        [appendedAfter, 'GR'],
      ]);
    });
    for (const ms of ['DE', 'NL', 'IT']) expect((await queueOf(ms)).map((c) => c.mrn)).not.toContain(appendedAfter);
    expect((await queueOf('DE')).map((c) => c.mrn)).not.toContain(projectedAsEl);
    const rows = await store.pool.query<{ ms: string }>('SELECT member_state_of_control AS ms FROM control_results.control_cases WHERE mrn = ANY($1) ORDER BY mrn', [[projectedAsEl, appendedAfter]]);
    expect(rows.rows.map((r) => r.ms)).toEqual(['GR', 'GR']);
  });

  it('lets a Greek user read and decide a case of control EL, answered with GR; another Member State finds nothing; the event keeps EL', async () => {
    expect(await h.asMemberState<Case>('GR', 'GetCase', { mrn: projectedAsEl, case_id: 'pre-arrival-1' })).toMatchObject({
      ok: true,
      reply: { member_state_of_control: 'GR', responsible_member_state: 'DE', involved_member_states: ['BE'] },
    });
    expect(await h.asMemberState('IT', 'GetCase', { mrn: projectedAsEl, case_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'CONTROL.NOT_FOUND' });
    const decided = await h.asMemberState<Case>('GR', 'DecideControl', { mrn: projectedAsEl, case_id: 'pre-arrival-1', control: true, control_type: 'physical', office: 'GR001234', scheduled_at: '2026-12-03T09:00:00.000Z' });
    expect(decided).toMatchObject({ ok: true, reply: { status: 'decided-control', member_state_of_control: 'GR' } });
    const [openedEvent] = await store.readStream(controlStream(projectedAsEl));
    expect(openedEvent.data).toMatchObject({ memberStateOfControl: 'EL' });
  });

  it('lets Greece as the responsible or an involved Member State EL read the case, answered with GR', async () => {
    await eventually(async () =>
      expect(await h.asMemberState<Case>('GR', 'GetCase', { mrn: greekResponsible, case_id: 'pre-arrival-1' })).toMatchObject({
        ok: true,
        reply: { member_state_of_control: 'NL', responsible_member_state: 'GR', involved_member_states: ['GR', 'BE'] },
      }),
    );
    expect(await h.asMemberState('IT', 'GetCase', { mrn: greekResponsible, case_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'not-found' });
  });
});
