/**
 * From a control recommendation to the criteria statistics, on a real PostgreSQL: risk events appended as
 * risk-analysis writes them; the recommendation opens a case for the Member State of control, which decides and
 * records the result over gRPC; the responsible and involved Member States read it; the statistics count hits,
 * assessments, controls and positive results, and a correction replaces what it corrects. Bad input and the wrong
 * caller get coded errors and write nothing.
 */
import { randomUUID } from 'node:crypto';
import { accessStream, controlStream, ensStream, PostgresEventStore, riskStream, type EventToAppend } from '@ics2/event-store';
import type { ControlDecided, controlResultsV1, EnsEvent, RiskEvent } from '@ics2/contracts';
import { analysed, assessmentCompleted, eventually, hit, linked, minimalFiling, mrnOf, registered, RISK_DEFAULTS } from '@ics2/testing';
import { ManualClock } from '@ics2/platform';
import { OpenControlCaseProcessor } from './open-control-case/open-control-case.processor';
import { startControlResults, type ControlResultsHarness } from './control-results.test-harness';

const NL_OFFICE = 'NL000396';
type Case = controlResultsV1.ControlCase;
type Stats = controlResultsV1.CriteriaStatisticsReply;

describe('control cases and criteria statistics', () => {
  let h: ControlResultsHarness;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2026-12-02T08:00:00.000Z'));
  let serial = 700;

  beforeAll(async () => {
    h = await startControlResults({ prefix: 'cr_flow', clock });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const append = (mrn: string, events: RiskEvent[]) =>
    store.append(
      riskStream(mrn),
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: mrn, causationId: null, actor: { kind: 'system', component: 'risk-analysis' } } })),
      'any',
    );
  const controlEventCount = async (mrn: string) => (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1', [controlStream(mrn)])).rows[0].n;

  /** An ENS (DE responsible, BE involved) with two hits, one dismissed, assessed with a control in NL recommended. */
  async function recommendedControl(o: { memberState?: string; aeo?: boolean; rms?: string } = {}): Promise<string> {
    const mrn = mrnOf(++serial);
    const a = analysed({ mrn, phase: 'pre-arrival', hits: [hit(), hit({ criterionId: 'eu-ipr-001', house: 'HAWB-1' }), hit({ criterionId: 'eu-csh-001' })], rms: o.rms ?? 'DE', ims: ['BE'] });
    const done = assessmentCompleted({ analysisId: 'pre-arrival-1', phase: 'pre-arrival' });
    await append(mrn, [
      { ...a, data: { ...a.data, aeoParties: o.aeo ? [RISK_DEFAULTS.carrier] : [] } },
      { type: 'RiskHitDismissed', data: { mrn, analysisId: 'pre-arrival-1', criterionId: 'eu-csh-001', version: 1, reason: 'cash declared', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at } },
      { ...done, data: { ...done.data, mrn, controlRecommendation: { controlType: 'physical', memberState: o.memberState ?? 'NL', place: NL_OFFICE, reason: 'undeclared goods suspected' } } },
    ]);
    return mrn;
  }
  const openCase = async (mrn: string) => {
    let c: Case | undefined;
    await eventually(async () => {
      const r = await h.asMemberState<Case>('NL', 'GetCase', { mrn, case_id: 'pre-arrival-1' });
      expect(r.ok).toBe(true);
      if (r.ok) c = r.reply;
    });
    return c as Case;
  };
  const decide = (mrn: string, ms = 'NL', o: object = {}) => h.asMemberState<Case>(ms, 'DecideControl', { mrn, case_id: 'pre-arrival-1', control: true, control_type: 'physical', office: NL_OFFICE, scheduled_at: '2026-12-03T09:00:00.000Z', ...o });
  const record = (mrn: string, o: object = {}) => h.asMemberState<Case>('NL', 'RecordResult', { mrn, case_id: 'pre-arrival-1', outcome: 'seizure', goods: 'counterfeit watches', quantities: '40 of 200', confirmed_criteria: [{ id: 'eu-ipr-001', version: 1 }], released: false, message_id: randomUUID(), ...o });

  it('opens a case for the Member State of control with the criteria the risk unit kept, in its queue only', async () => {
    const mrn = await recommendedControl({ aeo: true });
    const c = await openCase(mrn);
    expect(c).toMatchObject({ mrn, case_id: 'pre-arrival-1', status: 'awaiting-decision', member_state_of_control: 'NL', responsible_member_state: 'DE', involved_member_states: ['BE'] });
    expect(JSON.parse(c.recommendation_json)).toEqual({ controlType: 'physical', memberState: 'NL', place: NL_OFFICE, reason: 'undeclared goods suspected' });
    const [opened] = await store.readStream(controlStream(mrn));
    expect(opened.data).toMatchObject({ criteria: [{ id: 'eu-sec-001', version: 1 }, { id: 'eu-ipr-001', version: 1 }], aeoParties: [RISK_DEFAULTS.carrier], personFiling: RISK_DEFAULTS.personFiling });
    await eventually(async () => {
      const queue = await h.asMemberState<controlResultsV1.ListCasesReply>('NL', 'ListCases', { limit: 100 });
      expect(queue.ok && queue.reply.cases.map((x) => x.mrn)).toContain(mrn);
    });
    const other = await h.asMemberState<controlResultsV1.ListCasesReply>('DE', 'ListCases', { limit: 100 });
    expect(other.ok && other.reply.cases.map((x) => x.mrn)).not.toContain(mrn);
    // A page of 1 to 200 cases, or 0 for 50: another is refused, not bent to one or to 200.
    for (const limit of [-1, 201]) {
      expect(await h.asMemberState('NL', 'ListCases', { limit })).toMatchObject({ ok: false, kind: 'validation', errorCode: 'CONTROL.INVALID_MESSAGE', details: [{ validationCode: '12', pointer: '/limit' }] });
    }
  });

  it('records each case ListCases shows in the access log of its MRN, as GetCase does, and nothing for a list without it', async () => {
    // The queue answers whole cases (the decision names the filers, the carrier, the AEOs; the results their findings).
    const listedReads = async (mrn: string) => (await store.readStream(accessStream(mrn))).filter((e) => String((e.data as { door?: string }).door).endsWith(' ListCases'));
    const mrn = await recommendedControl();
    await openCase(mrn);
    expect(await decide(mrn)).toMatchObject({ ok: true });
    await h.service.settled();
    expect(await listedReads(mrn)).toEqual([]);
    const queue = await h.asMemberState<controlResultsV1.ListCasesReply>('NL', 'ListCases', { limit: 200 });
    expect(queue.ok && queue.reply.cases.map((x) => x.mrn)).toContain(mrn);
    expect(await listedReads(mrn)).toMatchObject([
      { type: 'DataAccessed', data: { resource: 'control-case', id: 'pre-arrival-1', mrn, purpose: 'customs control' }, metadata: { actor: { kind: 'member-state', memberState: 'NL' } } },
    ]);
    const other = await h.asMemberState<controlResultsV1.ListCasesReply>('DE', 'ListCases', { limit: 200 });
    expect(other.ok && other.reply.cases.map((x) => x.mrn)).not.toContain(mrn);
    expect(await listedReads(mrn)).toHaveLength(1);
  });

  it('opens nothing for an assessment without a recommendation, and one case however often the event is delivered', async () => {
    const mrn = mrnOf(++serial);
    await append(mrn, [analysed({ mrn, phase: 'pre-arrival', hits: [hit()] }), { ...assessmentCompleted({ analysisId: 'pre-arrival-1', phase: 'pre-arrival' }), data: { ...assessmentCompleted().data, mrn, analysisId: 'pre-arrival-1', phase: 'pre-arrival' } }]);
    const withControl = await recommendedControl();
    await openCase(withControl);
    const assessment = (await store.readStream(riskStream(withControl))).find((e) => e.type === 'RiskAssessmentCompleted');
    await h.service.app.app.get(OpenControlCaseProcessor).handle(assessment!);
    expect(await controlEventCount(mrn)).toBe(0);
    expect(await controlEventCount(withControl)).toBe(1);
  });

  it('lets only the Member State of control decide, refuses bad decisions with a pointer, and writes nothing for them', async () => {
    const mrn = await recommendedControl();
    await openCase(mrn);
    expect(await decide(mrn, 'DE')).toMatchObject({ ok: false, kind: 'permission', errorCode: 'CONTROL.NOT_MEMBER_STATE_OF_CONTROL' });
    expect(await decide(mrn, 'IT')).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'CONTROL.NOT_FOUND' });
    expect(await decide(mrn, 'NL', { office: 'DE004700' })).toMatchObject({ ok: false, kind: 'validation', errorCode: 'CONTROL.INVALID_MESSAGE', details: [{ validationCode: '12', pointer: '/office' }] });
    expect(await decide(mrn, 'NL', { control_type: 'x-ray-vision' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/controlType' }] });
    // An ISO-8601 UTC instant, not whatever Date.parse takes ('1' is 2001, 'March 3' a day of 2001).
    for (const scheduledAt of ['1', 'March 3', '2026-12-03', '2026-02-30T09:00:00Z']) {
      expect(await decide(mrn, 'NL', { scheduled_at: scheduledAt })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/scheduledAt' }] });
    }
    // A name every object inherits is no code of the list.
    for (const inherited of ['constructor', 'toString', '__proto__']) {
      expect(await decide(mrn, 'NL', { control_type: inherited })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/controlType' }] });
    }
    expect(await decide(mrn, 'NL', { control: false, control_type: '', office: '' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/reason' }] });
    // Free text of the ICS2 character set only (102): the store holds no NUL character.
    expect(await decide(mrn, 'NL', { place: 'Rotterdam\u0000' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '102', pointer: '/place' }] });
    expect(await decide(mrn, 'NL', { control: false, control_type: '', office: '', reason: 'no\u0007capacity' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '102', pointer: '/reason' }] });
    expect(await record(mrn)).toMatchObject({ ok: false, kind: 'precondition', errorCode: 'CONTROL.LIFECYCLE', details: [{ validationCode: '92' }] });
    expect(await h.asMemberState('NL', 'DecideControl', { mrn, case_id: 'pre-arrival-7', control: true, control_type: 'physical', office: NL_OFFICE })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await h.asMemberState('NL', 'DecideControl', { mrn: 'not-an-mrn', case_id: 'pre-arrival-1', control: true })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await h.asTrader(RISK_DEFAULTS.personFiling, 'DecideControl', { mrn, case_id: 'pre-arrival-1', control: true })).toMatchObject({ ok: false, kind: 'permission' });
    expect(await h.client.call('DecideControl', { mrn, case_id: 'pre-arrival-1', control: true })).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(await controlEventCount(mrn)).toBe(1);

    const decided = await decide(mrn);
    expect(decided).toMatchObject({ ok: true, reply: { status: 'decided-control' } });
    expect(decided.ok && JSON.parse(decided.reply.decision_json)).toMatchObject({ control: true, controlType: 'physical', office: NL_OFFICE, scheduledAt: '2026-12-03T09:00:00.000Z', user: { memberState: 'NL' } });
    expect(await decide(mrn)).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
    expect(await controlEventCount(mrn)).toBe(2);
  });

  it("tells the decision to the ENS's filers as the common repository now holds it: a house refiled after the analysis in, the invalidated one out", async () => {
    const mrn = await recommendedControl();
    const [kept, invalidated, refiled] = [mrnOf(++serial), mrnOf(++serial), mrnOf(++serial)];
    const party = (eori: string) => ({ filedBy: eori, declarant: eori });
    // The common repository's events on the head's stream, as it publishes them: the analysis named `invalidated`.
    const ens: EnsEvent[] = [
      registered({ mrn, filing: minimalFiling({ type: 'F21', declarant: RISK_DEFAULTS.personFiling, houses: ['H-1', 'H-2'] }) }),
      linked({ mrn, linkedMrn: invalidated, linkedLevel: 'house', houseDocument: 'H-1', parties: party('FR111111111') }),
      linked({ mrn, linkedMrn: kept, linkedLevel: 'house', houseDocument: 'H-2', parties: party('FR222222222') }),
      { type: 'EnsFilingUnlinked', data: { mrn, unlinkedMrn: invalidated, houseDocuments: ['H-1'], reason: 'partner-invalidated', unlinkedAt: RISK_DEFAULTS.at } },
      linked({ mrn, linkedMrn: refiled, linkedLevel: 'house', houseDocument: 'H-1', parties: party('NL333333333') }),
    ];
    const envelope = { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: mrn, causationId: null, actor: { kind: 'system' as const, component: 'common-repository' } };
    await store.append(ensStream(mrn), ens.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: envelope })), 'any');
    await openCase(mrn);
    expect(await decide(mrn)).toMatchObject({ ok: true, reply: { status: 'decided-control' } });
    const decided = (await store.readStream(controlStream(mrn))).find((e) => e.type === 'ControlDecided')?.data as ControlDecided['data'];
    expect(decided.members).toEqual([mrn, kept, refiled]);
    expect(decided.memberFilers).toEqual([
      { mrn, personFiling: RISK_DEFAULTS.personFiling },
      { mrn: kept, personFiling: 'FR222222222' },
      { mrn: refiled, personFiling: 'NL333333333' },
    ]);
  });

  it('records a result once per message, shares it with the responsible and involved Member States, and keeps others out', async () => {
    const mrn = await recommendedControl();
    await openCase(mrn);
    await decide(mrn);
    const messageId = randomUUID();
    const first = await record(mrn, { message_id: messageId });
    expect(first).toMatchObject({ ok: true, reply: { status: 'result-recorded', results: [{ result_id: 'pre-arrival-1-r1', outcome: 'seizure', released: false, recorded_by: 'NL/nl-control-1' }] } });
    expect(await record(mrn, { message_id: messageId })).toEqual(first);
    expect(await controlEventCount(mrn)).toBe(3);
    for (const ms of ['DE', 'BE']) {
      const seen = await h.asMemberState<Case>(ms, 'GetCase', { mrn, case_id: 'pre-arrival-1' });
      expect(seen.ok && JSON.parse(seen.reply.results[0].findings_json)).toEqual({ goods: 'counterfeit watches', quantities: '40 of 200', confirmedCriteria: [{ id: 'eu-ipr-001', version: 1 }] });
    }
    expect(await h.asMemberState('IT', 'GetCase', { mrn, case_id: 'pre-arrival-1' })).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'CONTROL.NOT_FOUND' });
    expect(await record(mrn, { confirmed_criteria: [{ id: 'eu-csh-001', version: 1 }], corrects: 'pre-arrival-1-r1' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/confirmedCriteria/0' }] });
    for (const field of ['goods', 'quantities', 'notes']) {
      expect(await record(mrn, { [field]: 'counterfeit\u0000', corrects: 'pre-arrival-1-r1' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '102', pointer: `/${field}` }] });
    }
    expect(await record(mrn, { outcome: 'constructor', corrects: 'pre-arrival-1-r1' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/outcome' }] });
    expect(await record(mrn, { message_id: '' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X01', pointer: '/messageId' }] });
    expect(await record(mrn)).toMatchObject({ ok: false, kind: 'precondition', details: [{ pointer: '/corrects' }] });
    expect(await controlEventCount(mrn)).toBe(3);
  });

  it('counts hits, assessments, controls and positive results per criterion, Member State and quarter; a correction replaces what it corrects', async () => {
    const statsOf = async (criterionId: string) => {
      const r = await h.asAdmin<Stats>('GetCriteriaStatistics', { criterion_id: criterionId, from_quarter: '2026-Q4', to_quarter: '2026-Q4' });
      if (!r.ok) throw new Error(r.message);
      return r.reply.rows;
    };
    const before = { sec: await statsOf('eu-sec-001'), ipr: await statsOf('eu-ipr-001'), csh: await statsOf('eu-csh-001') };
    const count = (rows: controlResultsV1.CriteriaStatisticsRow[], key: keyof controlResultsV1.CriteriaStatisticsRow) => rows.reduce((n, r) => n + Number(r[key]), 0);

    const mrn = await recommendedControl();
    await openCase(mrn);
    await decide(mrn);
    const seized = await record(mrn);
    expect(seized.ok).toBe(true);
    await eventually(async () => {
      const ipr = await statsOf('eu-ipr-001');
      expect(count(ipr, 'automated_hits') - count(before.ipr, 'automated_hits')).toBe(1);
      expect(count(ipr, 'confirmed_hits') - count(before.ipr, 'confirmed_hits')).toBe(1);
      expect(count(ipr, 'controls') - count(before.ipr, 'controls')).toBe(1);
      expect(count(ipr, 'positive_results') - count(before.ipr, 'positive_results')).toBe(1);
      const sec = await statsOf('eu-sec-001');
      // Controlled for eu-sec-001 too, but the seizure confirms eu-ipr-001 only.
      expect(count(sec, 'controls') - count(before.sec, 'controls')).toBe(1);
      expect(count(sec, 'positive_results') - count(before.sec, 'positive_results')).toBe(0);
      const csh = await statsOf('eu-csh-001');
      expect(count(csh, 'dismissed_hits') - count(before.csh, 'dismissed_hits')).toBe(1);
      expect(count(csh, 'controls') - count(before.csh, 'controls')).toBe(0);
    });
    expect((await statsOf('eu-ipr-001')).every((r) => r.member_state === 'DE' && r.quarter === '2026-Q4')).toBe(true);

    const corrected = await record(mrn, { outcome: 'no-irregularity', confirmed_criteria: [], released: true, corrects: 'pre-arrival-1-r1' });
    expect(corrected).toMatchObject({ ok: true, reply: { results: [{ result_id: 'pre-arrival-1-r1' }, { result_id: 'pre-arrival-1-r2', corrects: 'pre-arrival-1-r1', outcome: 'no-irregularity' }] } });
    await eventually(async () => {
      const ipr = await statsOf('eu-ipr-001');
      expect(count(ipr, 'controls') - count(before.ipr, 'controls')).toBe(1);
      expect(count(ipr, 'positive_results') - count(before.ipr, 'positive_results')).toBe(0);
    });
    const row = (await statsOf('eu-ipr-001'))[0];
    expect(row.hit_rate).toBeCloseTo(row.controls === 0 ? 0 : row.positive_results / row.controls, 4);
  });

  it('exports the same rows as CSV, and scopes a Member State to its own rows', async () => {
    const mrn = await recommendedControl();
    await openCase(mrn);
    await eventually(async () => {
      const rows = await h.asAdmin<Stats>('GetCriteriaStatistics', {});
      expect(rows.ok && rows.reply.rows.length).toBeGreaterThan(0);
    });
    const all = await h.asAuditor<Stats>('GetCriteriaStatistics', {});
    const csv = await h.asAdmin<controlResultsV1.CsvReply>('ExportCriteriaStatistics', {});
    if (!all.ok || !csv.ok) throw new Error('statistics refused');
    const lines = csv.reply.csv.split('\r\n');
    expect(lines[0]).toBe('criterion_id,version,member_state,quarter,automated_hits,confirmed_hits,dismissed_hits,controls,positive_results,hit_rate');
    expect(lines.slice(1, -1)).toEqual(
      all.reply.rows.map((r) => [r.criterion_id, r.version, r.member_state, r.quarter, r.automated_hits, r.confirmed_hits, r.dismissed_hits, r.controls, r.positive_results, r.hit_rate].join(',')),
    );
    expect(lines[lines.length - 1]).toBe('');

    const own = await h.asMemberState<Stats>('DE', 'GetCriteriaStatistics', {});
    expect(own.ok && own.reply.rows.length).toBeGreaterThan(0);
    expect(own.ok && own.reply.rows.every((r) => r.member_state === 'DE')).toBe(true);
    expect(await h.asMemberState<Stats>('NL', 'GetCriteriaStatistics', {})).toMatchObject({ ok: true, reply: { rows: [] } });
    expect(await h.asMemberState('NL', 'GetCriteriaStatistics', { member_state: 'DE' })).toMatchObject({ ok: false, kind: 'permission', errorCode: 'CONTROL.STATISTICS_SCOPE' });
    expect(await h.asAdmin('GetCriteriaStatistics', { from_quarter: '2026-4' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/fromQuarter' }] });
    for (const criterionId of ['eu-sec-001\u0000', 'EU-SEC-001', 'x'.repeat(65)]) {
      expect(await h.asAdmin('GetCriteriaStatistics', { criterion_id: criterionId })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/criterionId' }] });
      expect(await h.asAdmin('ExportCriteriaStatistics', { criterion_id: criterionId })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/criterionId' }] });
    }
    expect(await h.asAdmin('ExportCriteriaStatistics', { from_quarter: '2027-Q1', to_quarter: '2026-Q1' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/toQuarter' }] });
    expect(await h.asTrader(RISK_DEFAULTS.personFiling, 'GetCriteriaStatistics', {})).toMatchObject({ ok: false, kind: 'permission' });
  });

  it('reads Greece as EL or GR: a control recommended in EL is in the Greek queue, and EL filters the Greek statistics', async () => {
    const mrn = await recommendedControl({ memberState: 'EL' });
    await eventually(async () => expect(await h.asMemberState('GR', 'GetCase', { mrn, case_id: 'pre-arrival-1' })).toMatchObject({ ok: true, reply: { member_state_of_control: 'GR' } }));
    await recommendedControl({ rms: 'GR' });
    await eventually(async () => {
      const greek = await h.asAdmin<Stats>('GetCriteriaStatistics', { member_state: 'GR' });
      expect(greek).toMatchObject({ ok: true, reply: { rows: expect.arrayContaining([expect.objectContaining({ member_state: 'GR' })]) } });
      // Compared while the projection may still move: each read again until the three agree.
      expect(await h.asAdmin<Stats>('GetCriteriaStatistics', { member_state: 'EL' })).toEqual(greek);
      expect(await h.asMemberState<Stats>('GR', 'GetCriteriaStatistics', { member_state: 'EL' })).toEqual(greek);
    });
    expect(await h.asAdmin('GetCriteriaStatistics', { member_state: 'XX' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/memberState' }] });
  });
});
