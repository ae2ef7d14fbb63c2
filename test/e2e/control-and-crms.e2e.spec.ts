/**
 * Control results and CRMS end to end (issue 5), through the real doors only. A control recommendation becomes a
 * case for the Member State of control, whose decision reaches the operator's inbox (IE3N08); the result is shared
 * with the responsible and involved Member States and counted in the criteria statistics. A RIF goes from draft
 * to publication, feedback from two Member States, and close. A RIF with a risk profile is backtested over a
 * period of hand-made filings (the count the fixture says), activated, and a new filing hits it.
 */
import { randomUUID } from 'node:crypto';
import type { controlResultsV1, crmsV1 } from '@ics2/contracts';
import { bearer, eventually } from '@ics2/testing';
import { signalsClient } from '../../services/risk-analysis/src/signals/signals.test-harness';
import { airFilingWith, file, inboxOf, openAnalysisOf } from '../support/e2e-filings';
import { startStack, type FullStack, type MemberStateAgent, type TraderAgent } from '../support/stack-harness';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321000';

describe('control results and CRMS end to end', () => {
  let stack: FullStack;
  let declarant: TraderAgent;
  let carrier: TraderAgent;
  let de: MemberStateAgent;
  let seed = 5_000;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_control', full: true });
    [declarant, carrier] = await Promise.all([DECLARANT, CARRIER].map((e) => stack.trader(e)));
    de = await stack.memberState('DE');
  }, 120_000);
  afterAll(() => stack?.close());

  const fileWith = (hs: string) => file(declarant, airFilingWith(hs, { seed: ++seed, declarant: DECLARANT, carrier: CARRIER }));

  it('takes a recommended control to a decision (IE3N08 in the inbox), a result shared with the Member States concerned, and the statistics', async () => {
    const signals = signalsClient(stack.riskAnalysis.app.grpcAddress);
    const stream = signals.subscribe(bearer(de.token));
    const stats = async () => {
      const r = await de.control<controlResultsV1.CriteriaStatisticsReply>('GetCriteriaStatistics', { criterion_id: 'eu-sec-001' });
      if (!r.ok) throw new Error(r.message);
      const sum = (k: keyof controlResultsV1.CriteriaStatisticsRow) => r.reply.rows.reduce((n, row) => n + Number(row[k]), 0);
      return { hits: sum('automated_hits'), confirmed: sum('confirmed_hits'), controls: sum('controls'), positives: sum('positive_results') };
    };
    const before = await stats();
    const mrn = await fileWith('360200');
    const analysis = await openAnalysisOf(de, mrn);
    expect(await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id, control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE', reason: 'fireworks declared as toys' } })).toMatchObject({ ok: true });

    let caseId = '';
    await eventually(async () => {
      const queue = await de.control<controlResultsV1.ListCasesReply>('ListCases', { limit: 200 });
      const mine = queue.ok ? queue.reply.cases.find((c) => c.mrn === mrn) : undefined;
      expect(mine).toMatchObject({ status: 'awaiting-decision', member_state_of_control: 'DE' });
      caseId = mine!.case_id;
    }, 15_000);

    // Only the Member State of control decides; an office of another Member State is refused at its pointer.
    const other = await stack.memberState('FR');
    expect(await other.control('DecideControl', { mrn, case_id: caseId, control: true, control_type: 'physical', office: 'FR000730' })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await de.control('DecideControl', { mrn, case_id: caseId, control: true, control_type: 'physical', office: 'FR000730' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/office' }] });
    expect(await de.control('DecideControl', { mrn, case_id: caseId, control: true, control_type: 'physical', office: 'DE004700', place: 'shed 4', scheduled_at: '2026-12-03T09:00:00Z' })).toMatchObject({ ok: true, reply: { status: 'decided-control' } });
    await eventually(async () => {
      expect(await inboxOf(declarant, mrn, 'IE3N08')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ mrn, controlType: 'physical', office: 'DE004700', place: 'shed 4', memberStateOfControl: 'DE' }) })]);
      expect(await inboxOf(carrier, mrn, 'IE3N08')).toHaveLength(1);
    }, 15_000);
    // The decision stops amendments of the controlled filing.
    await eventually(async () => expect((await declarant.post(`/v1/filings/${mrn}/amendments`, airFilingWith('360200', { seed, declarant: DECLARANT, carrier: CARRIER }))).status).toBe(409));

    const result = await de.control<controlResultsV1.ControlCase>('RecordResult', {
      mrn,
      case_id: caseId,
      outcome: 'seizure',
      goods: 'fireworks 1.4G declared as toys',
      quantities: '12 of 40 cartons',
      confirmed_criteria: [{ id: 'eu-sec-001', version: 1 }],
      released: false,
      message_id: randomUUID(),
    });
    expect(result).toMatchObject({ ok: true, reply: { status: 'result-recorded', results: [{ outcome: 'seizure', released: false }] } });
    for (const ms of [analysis.responsible_member_state, ...analysis.involved_member_states]) {
      const seen = await (await stack.memberState(ms)).control<controlResultsV1.ControlCase>('GetCase', { mrn, case_id: caseId });
      expect(seen).toMatchObject({ ok: true, reply: { results: [{ outcome: 'seizure' }] } });
    }
    const outsider = ['FR', 'IT', 'ES', 'SE'].find((ms) => ms !== analysis.responsible_member_state && !analysis.involved_member_states.includes(ms))!;
    expect(await (await stack.memberState(outsider)).control('GetCase', { mrn, case_id: caseId })).toMatchObject({ ok: false, kind: 'not-found' });
    await eventually(async () => {
      const after = await stats();
      // An F20 is complete for both phases at once: analysed for pre-loading and pre-arrival, both hit; one concluded.
      expect(after.hits - before.hits).toBe(2);
      expect(after.confirmed - before.confirmed).toBe(1);
      expect(after.controls - before.controls).toBe(1);
      expect(after.positives - before.positives).toBe(1);
    }, 15_000);
    // The risk unit that recommended the control has the decision and the result on its signal stream.
    await eventually(() => expect(stream.signals.filter((s) => s.mrn === mrn).map((s) => s.kind)).toEqual(expect.arrayContaining(['control-decision', 'control-result'])));
    expect(JSON.parse(stream.signals.find((s) => s.mrn === mrn && s.kind === 'control-result')!.payload_json)).toMatchObject({ outcome: 'seizure', released: false, confirmedCriteria: [{ id: 'eu-sec-001', version: 1 }] });
    stream.cancel();
    signals.close();
  });

  const content = (o: Partial<crmsV1.RifContent> = {}) => ({
    category: 'security',
    title: 'Detonators shipped as electrical parts',
    risk_description: 'Electric detonators (HS 3603) declared as electrical parts on air routes from the Far East',
    modus_operandi: 'misdescription, consolidated with legitimate electronics',
    goods: [{ hs_code: '3603', description: 'electric detonators' }],
    countries: { origin: ['CN'], routing: ['AE'], destination: ['DE'] },
    operators: [],
    recommended_measures: 'documentary check, X-ray screening',
    valid_from: '2026-01-01T00:00:00Z',
    valid_to: '2027-12-31T00:00:00Z',
    attachments: [],
    risk_profile_json: '',
    ...o,
  });

  it('takes a RIF from draft to publication, feedback from two recipients, and close', async () => {
    const [fr, be, it] = await Promise.all(['FR', 'BE', 'IT'].map((ms) => stack.memberState(ms)));
    const drafted = await de.crms<crmsV1.RifReply>('DraftRif', { message_id: randomUUID(), content: content() });
    expect(drafted).toMatchObject({ ok: true, reply: { status: 'draft' } });
    const rifId = drafted.ok ? drafted.reply.rif_id : '';
    expect(await fr.crms('GetRif', { rif_id: rifId })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await de.crms('PublishRif', { rif_id: rifId, message_id: randomUUID(), member_states: ['FR', 'BE'] })).toMatchObject({ ok: true, reply: { status: 'published' } });
    expect(await it.crms('GetRif', { rif_id: rifId })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await fr.crms('RecordFeedback', { rif_id: rifId, message_id: randomUUID(), feedback: { evaluated: true, measures_taken: 'profile in national system', control_results: '2 controls, 1 seizure', relevance: 'high' } })).toMatchObject({ ok: true });
    expect(await be.crms('RecordFeedback', { rif_id: rifId, message_id: randomUUID(), feedback: { evaluated: true, measures_taken: '', control_results: '', relevance: 'low' } })).toMatchObject({ ok: true });
    expect(await it.crms('RecordFeedback', { rif_id: rifId, message_id: randomUUID(), feedback: { evaluated: false, relevance: 'none' } })).toMatchObject({ ok: false, kind: 'not-found' });
    await eventually(async () => {
      const view = await de.crms<crmsV1.RifView>('GetRif', { rif_id: rifId });
      expect(view.ok && view.reply.feedback.map((f) => [f.member_state, f.feedback.relevance]).sort()).toEqual([
        ['BE', 'low'],
        ['FR', 'high'],
      ]);
    });
    expect(await fr.crms('CloseRif', { rif_id: rifId, message_id: randomUUID(), reason: 'not mine' })).toMatchObject({ ok: false, kind: 'permission' });
    const beforeClose = new Date().toISOString();
    expect(await de.crms('CloseRif', { rif_id: rifId, message_id: randomUUID(), reason: 'risk addressed' })).toMatchObject({ ok: true, reply: { status: 'closed' } });
    expect(await fr.crms('RecordFeedback', { rif_id: rifId, message_id: randomUUID(), feedback: { evaluated: true, relevance: 'high' } })).toMatchObject({ ok: false, kind: 'precondition' });

    // The auditors' door folds the RIF with crms's own decider, now and as it stood before the close.
    const auditor = await stack.auditor();
    const asOf = await auditor.get(`/v1/audit/streams/rif-${rifId}/state?asOf=${encodeURIComponent(beforeClose)}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body.state).toMatchObject({ status: 'published', recipients: ['FR', 'BE'] });
    const now = await auditor.get(`/v1/audit/streams/rif-${rifId}/state`);
    expect(now.body.state).toMatchObject({ status: 'closed' });
    expect(now.body.revision).toBeGreaterThan(asOf.body.revision);
  });

  it('backtests a RIF risk profile over hand-made filings, activates it, and a new filing hits it', async () => {
    // The fixture: five filings of a period, two with detonators (HS 3603). The period opens a second back (clock
    // slack), so the earlier tests' filings must be older than that: seen once in CI, a sixth filing in the window.
    await new Promise((r) => setTimeout(r, 1_100));
    const from = new Date(Date.now() - 1_000).toISOString();
    const fixture = ['360300', '610910', '360390', '847130', '851712'];
    const mrns = [];
    for (const hs of fixture) mrns.push(await fileWith(hs));
    for (const mrn of mrns) await eventually(async () => expect((await de.risk('GetFiling', { mrn })).ok).toBe(true), 20_000);
    const to = new Date(Date.now() + 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));

    const profile = { title: 'Electric detonators by air', riskArea: 'security', phases: ['pre-loading', 'pre-arrival'], validFrom: from, score: 60, condition: { kind: 'hsPrefix', prefixes: ['3603'] } };
    const drafted = await de.crms<crmsV1.RifReply>('DraftRif', { message_id: randomUUID(), content: content({ risk_profile_json: JSON.stringify(profile) }) });
    expect(drafted).toMatchObject({ ok: true });
    const rifId = drafted.ok ? drafted.reply.rif_id : '';
    expect(await de.crms('PublishRif', { rif_id: rifId, message_id: randomUUID(), all_member_states: true })).toMatchObject({ ok: true });
    const backtest = await de.crms<crmsV1.BacktestProfileReply>('BacktestProfile', { rif_id: rifId, message_id: randomUUID(), from, to });
    expect(backtest).toMatchObject({ ok: true, reply: { filings: 5, hit: 2 } });
    expect(backtest.ok && [...backtest.reply.sample_mrns].sort()).toEqual([mrns[0], mrns[2]].sort());

    expect(await de.crms('ActivateProfile', { rif_id: rifId, message_id: randomUUID() })).toMatchObject({ ok: true, reply: { active: true } });
    const criterionId = rifId.toLowerCase();
    await eventually(async () => {
      const listed = await de.risk<{ criteria: { id: string; version: number; active: boolean }[] }>('ListCriteria', {});
      expect(listed.ok && listed.reply.criteria.find((c) => c.id === criterionId)).toMatchObject({ version: 1, active: true });
    }, 15_000);
    await new Promise((r) => setTimeout(r, 500));

    const fresh = await fileWith('360310');
    const analysis = await openAnalysisOf(de, fresh);
    expect(JSON.parse(analysis.hits_json)).toEqual(expect.arrayContaining([expect.objectContaining({ criterionId, version: 1 })]));
  });
});
