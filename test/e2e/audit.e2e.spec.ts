/**
 * The auditors' door end to end (issue 6): a full scenario through the real doors (filing, hit, request for
 * information, answer, control recommendation, decision, result), then the timeline shows every step in causal
 * order with its actor; the view of the decision shows what the responsible Member State could see; the state of a
 * stream as of an instant; the access log names who read the data and why; the store verifies.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { generateCheckpointKeyPair } from '@ics2/event-store';
import { runAuditCli } from '../../services/audit/src/cli/audit-cli';
import type { controlResultsV1, riskAnalysisV1 } from '@ics2/contracts';
import { airPlaciScenario, asSuperuser, eventually, mrnOf } from '@ics2/testing';
import { airFilingWith, file, openAnalysisOf } from '../support/e2e-filings';
import { startStack, type FullStack, type MemberStateAgent, type TraderAgent } from '../support/stack-harness';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321000';

interface Entry {
  position: string;
  streamId: string;
  type: string;
  actor: string;
  eventId: string;
  hash: string | null;
  recordedAt: string;
  occurredAt: string;
  data: Record<string, unknown>;
  deliveries: { feed: string; recipient: string; kind: string }[];
}

describe('the audit door end to end', () => {
  let stack: FullStack;
  let declarant: TraderAgent;
  let de: MemberStateAgent;
  let mrn = '';
  let caseId = '';
  const dir = mkdtempSync(join(tmpdir(), 'ics2-audit-e2e-'));
  const keysFile = join(dir, 'trusted.pem');

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_audit', full: true });
    declarant = await stack.trader(DECLARANT);
    writeFileSync(keysFile, stack.checkpointPublicKeyPem);
    de = await stack.memberState('DE');

    // The scenario: a filing that hits, an RFI and its answer, a control recommended, decided and its result.
    mrn = await file(declarant, airFilingWith('360200', { seed: 6_001, declarant: DECLARANT, carrier: CARRIER }));
    const analysis = await openAnalysisOf(de, mrn);
    const rfi = await de.risk<riskAnalysisV1.DecisionReply>('RequestInformation', { mrn, analysis_id: analysis.analysis_id, house_documents: [], information: 'the safety data sheet' });
    if (!rfi.ok) throw new Error(rfi.message);
    await eventually(async () => expect((await declarant.post(`/v1/referrals/${rfi.reply.reference}/answer`, { messageType: 'IE3R02', information: 'SDS attached' }, { 'idempotency-key': 'audit-rfi' })).status).toBe(200));
    const done = await de.risk('CompleteAssessment', { mrn, analysis_id: analysis.analysis_id, control_recommendation: { control_type: 'physical', place: 'DE004700', member_state: 'DE' } });
    if (!done.ok) throw new Error(done.message);
    await eventually(async () => {
      const queue = await de.control<controlResultsV1.ListCasesReply>('ListCases', { limit: 200 });
      caseId = (queue.ok && queue.reply.cases.find((c) => c.mrn === mrn)?.case_id) || '';
      expect(caseId).not.toBe('');
    }, 20_000);
    const decided = await de.control('DecideControl', { mrn, case_id: caseId, control: true, control_type: 'physical', office: 'DE004700' });
    if (!decided.ok) throw new Error(decided.message);
    const result = await de.control('RecordResult', { mrn, case_id: caseId, outcome: 'no-irregularity', released: true, message_id: randomUUID(), confirmed_criteria: [] });
    if (!result.ok) throw new Error(result.message);
    await de.control('GetCase', { mrn, case_id: caseId });
  }, 180_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  const timeline = async (): Promise<{ entries: Entry[]; filings: string[]; sources: Record<string, string> }> => {
    const res = await (await stack.auditor()).get(`/v1/audit/mrns/${mrn}/timeline`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('shows every step in causal order, with actors, times, ids, hashes and what was delivered', async () => {
    let entries: Entry[] = [];
    await eventually(async () => {
      entries = (await timeline()).entries;
      expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['EnsControlNoted', 'ControlResultRecorded']));
      expect(entries.flatMap((e) => e.deliveries.map((d) => d.kind))).toEqual(expect.arrayContaining(['IE3R01', 'IE3Q02', 'IE3N03', 'IE3N08', 'analysis', 'referral-answered']));
    }, 20_000);
    const types = entries.map((e) => e.type);
    const order = ['EnsFilingRegistered', 'EnsFilingCompleted', 'RiskAnalysed', 'ReferralRequested', 'ReferralAnswered', 'RiskAssessmentCompleted', 'ControlCaseOpened', 'ControlDecided', 'ControlResultRecorded'];
    const at = order.map((t) => types.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(types.indexOf('EnsControlNoted')).toBeGreaterThan(types.indexOf('ControlDecided'));

    const of = (type: string) => entries.find((e) => e.type === type)!;
    expect(of('EnsFilingRegistered').actor).toBe(`trader:${DECLARANT}`);
    expect(of('ReferralRequested').actor).toBe('member-state:DE/de-officer-1');
    expect(of('ReferralAnswered').actor).toBe(`trader:${DECLARANT}`);
    expect(of('ControlDecided').actor).toBe('member-state:DE/de-officer-1');
    expect(of('RiskAnalysed').actor).toMatch(/^system:/);
    // The exact criteria versions the analysis ran with.
    expect(of('RiskAnalysed').data['criteria']).toEqual(expect.arrayContaining([{ id: 'eu-sec-001', version: 1 }]));
    for (const e of entries) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(e.recordedAt)).not.toBeNaN();
      expect(Date.parse(e.occurredAt)).not.toBeNaN();
    }
    expect(of('ReferralRequested').deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ feed: 'notification inbox', recipient: DECLARANT, kind: 'IE3Q02' })]));
  });

  it("shows what the responsible Member State could see when it decided, and any stream as of an instant", async () => {
    const { entries } = await timeline();
    const decision = entries.find((e) => e.type === 'RiskAssessmentCompleted')!;
    const auditor = await stack.auditor();
    const view = await auditor.get(`/v1/audit/events/${decision.eventId}/view`);
    expect(view.status).toBe(200);
    expect(view.body.decision).toMatchObject({ eventId: decision.eventId, type: 'RiskAssessmentCompleted' });
    // Before the decision: the analysis with its hit, its referral answered, nothing assessed yet.
    const before = view.body.streamBefore.state;
    expect(before.status).toBe('analysed');
    expect(JSON.stringify(before)).toContain('eu-sec-001');
    expect(JSON.stringify(before)).not.toContain('"assessed"');
    expect(view.body.filings).toEqual([expect.objectContaining({ mrn, state: expect.objectContaining({ mrn }) })]);

    const rfi = entries.find((e) => e.type === 'ReferralRequested')!;
    const justBefore = new Date(Date.parse(rfi.recordedAt) - 1).toISOString();
    const asOf = await auditor.get(`/v1/audit/streams/risk-${mrn}/state?asOf=${encodeURIComponent(justBefore)}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body.revision).toBeLessThan(entries.filter((e) => e.streamId === `risk-${mrn}`).findIndex((e) => e.eventId === rfi.eventId));
    expect(JSON.stringify(asOf.body.state)).not.toContain(`${mrn}-R1`);
    const now = await auditor.get(`/v1/audit/streams/risk-${mrn}/state`);
    expect(JSON.stringify(now.body.state)).toContain(`${mrn}-R1`);
  });

  it('records who read whose data and why, and lists it', async () => {
    const auditor = await stack.auditor('ECA 2026 case 17: ICS2 risk management');
    await auditor.get(`/v1/audit/mrns/${mrn}/timeline`);
    await auditor.get(`/v1/audit/streams/risk-${mrn}/state`);
    const log = await auditor.get(`/v1/audit/access-log?mrn=${mrn}`);
    expect(log.status).toBe(200);
    const entries = log.body.entries as { reader: string; resource: string; purpose: string; door: string }[];
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reader: 'member-state:DE/de-officer-1', resource: 'risk-analysis', purpose: 'risk assessment' }),
        expect.objectContaining({ reader: 'member-state:DE/de-officer-1', resource: 'control-case', purpose: 'customs control' }),
        expect.objectContaining({ reader: 'auditor:auditor-1', resource: 'timeline', purpose: 'ECA 2026 case 17: ICS2 risk management' }),
        // A stream's state read is the MRN's too (before, it was filed under the stream id, out of this list).
        expect.objectContaining({ reader: 'auditor:auditor-1', resource: 'stream-state', purpose: 'ECA 2026 case 17: ICS2 risk management' }),
      ]),
    );
    const byUser = await auditor.get('/v1/audit/access-log?userId=auditor-1&limit=1000');
    expect((byUser.body.entries as { reader: string }[]).every((e) => e.reader === 'auditor:auditor-1')).toBe(true);
  });

  it("records a read of a family's timeline or bundle under every MRN it returns, not only the one asked for", async () => {
    const forwarderEori = 'NL555555555555';
    const placi = airPlaciScenario({ seed: 6_101, houses: 1, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [forwarderEori] });
    const master = await file(await stack.trader(CARRIER), placi.master);
    const house = await file(await stack.trader(forwarderEori), placi.houses[0]);
    const auditor = await stack.auditor('ECA 2026 case 18: multiple filing');
    await eventually(async () => expect((await auditor.get(`/v1/audit/mrns/${house}/timeline`)).body.filings).toEqual(expect.arrayContaining([master, house])), 15_000);
    await stack.checkpointNow();
    expect((await auditor.get(`/v1/audit/mrns/${house}/bundle`)).status).toBe(200);
    const readsOf = async (m: string) =>
      ((await auditor.get(`/v1/audit/access-log?mrn=${m}`)).body.entries as { reader: string; resource: string; purpose: string }[])
        .filter((e) => e.purpose === 'ECA 2026 case 18: multiple filing')
        .map((e) => e.resource);
    // The house was asked for; the master's events came with it, so the master's log says so too.
    expect(await readsOf(master)).toEqual(expect.arrayContaining(['timeline', 'bundle']));
    expect(await readsOf(house)).toEqual(expect.arrayContaining(['timeline', 'bundle']));
  });

  it("shows in a view only the filings linked at the time: not a house unlinked before (invalidated, then refiled)", async () => {
    const forwarderEori = 'NL666666666666';
    const placi = airPlaciScenario({ seed: 6_201, houses: 1, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [forwarderEori] });
    const forwarder = await stack.trader(forwarderEori);
    const master = await file(await stack.trader(CARRIER), placi.master);
    const first = await file(forwarder, placi.houses[0]!);
    const auditor = await stack.auditor('ECA 2026 case 21: a refiled house');
    const masterEvents = async () => ((await auditor.get(`/v1/audit/mrns/${master}/timeline`)).body.entries as Entry[]).filter((e) => e.streamId === `ens-${master}`);
    await eventually(async () => expect((await masterEvents()).map((e) => e.data['linkedMrn'])).toContain(first), 15_000);
    expect((await forwarder.post(`/v1/filings/${first}/invalidation`, { reason: 'refiled' })).status).toBe(200);
    await eventually(async () => expect((await masterEvents()).map((e) => e.data['unlinkedMrn'])).toContain(first), 15_000);
    const refiled = await file(forwarder, { ...placi.houses[0]!, lrn: `${placi.houses[0]!.lrn.slice(0, 20)}R` });
    let relink: Entry | undefined;
    await eventually(async () => {
      relink = (await masterEvents()).find((e) => e.type === 'EnsFilingLinked' && e.data['linkedMrn'] === refiled);
      expect(relink).toBeDefined();
    }, 15_000);
    // When the master linked the refiled house, the first one had been unlinked: it was no longer part of the ENS.
    const view = await auditor.get(`/v1/audit/events/${relink!.eventId}/view`);
    expect(view.status).toBe(200);
    const seen = (view.body.filings as { mrn: string }[]).map((f) => f.mrn);
    expect(seen).toContain(master);
    expect(seen).not.toContain(first);
    // The timeline keeps the whole history: the first house too.
    expect((await auditor.get(`/v1/audit/mrns/${master}/timeline`)).body.filings).toEqual(expect.arrayContaining([master, first, refiled]));
  });

  it('records no read of a bundle it refuses for want of a covering checkpoint', async () => {
    const late = await file(declarant, airFilingWith('360200', { seed: 6_002, declarant: DECLARANT, carrier: CARRIER }));
    const auditor = await stack.auditor('ECA 2026 case 19: a bundle too early');
    await eventually(async () => expect((await auditor.get(`/v1/audit/mrns/${late}/timeline`)).status).toBe(200));
    // No checkpoint signed since the filing: the bundle cannot be proven yet, and nothing of it was shown.
    expect((await auditor.get(`/v1/audit/mrns/${late}/bundle`)).body).toMatchObject({ error: { code: 'AUDIT.NO_COVERING_CHECKPOINT' } });
    const resources = ((await auditor.get(`/v1/audit/access-log?mrn=${late}`)).body.entries as { resource: string }[]).map((e) => e.resource);
    expect(resources).toContain('timeline');
    expect(resources).not.toContain('bundle');
    await stack.checkpointNow();
    expect((await auditor.get(`/v1/audit/mrns/${late}/bundle`)).status).toBe(200);
    expect(((await auditor.get(`/v1/audit/access-log?mrn=${late}`)).body.entries as { resource: string }[]).map((e) => e.resource)).toContain('bundle');
  });

  it('records no read of a view it refuses: the view of an event in a stream no service keeps', async () => {
    const auditor = await stack.auditor('ECA 2026 case 20: a view refused');
    const accesses = (await auditor.get(`/v1/audit/access-log?mrn=${mrn}&limit=1000`)).body.entries as { eventId: string; resource: string; id: string }[];
    // The newest read on access-<mrn>, past the stream's first: no service folds access streams, so none has a state before it.
    expect(accesses.length).toBeGreaterThan(1);
    // The oldest too, the stream's first event, which has no state before it to ask an owner for.
    for (const read of [accesses[0]!, accesses[accesses.length - 1]!]) {
      const refused = await auditor.get(`/v1/audit/events/${read.eventId}/view`);
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ error: { code: 'AUDIT.UNKNOWN_STREAM' } });
      const after = (await auditor.get(`/v1/audit/access-log?mrn=${mrn}&limit=1000`)).body.entries as { resource: string; id: string }[];
      expect(after.filter((e) => e.resource === 'decision-view' && e.id === read.eventId)).toEqual([]);
    }
    // A view shown is recorded.
    const decision = (await timeline()).entries.find((e) => e.type === 'RiskAssessmentCompleted')!;
    expect((await auditor.get(`/v1/audit/events/${decision.eventId}/view`)).status).toBe(200);
    const shown = (await auditor.get(`/v1/audit/access-log?mrn=${mrn}&limit=1000`)).body.entries as { resource: string; id: string }[];
    expect(shown.filter((e) => e.resource === 'decision-view' && e.id === decision.eventId)).not.toEqual([]);
  });

  it('verifies the hash chains and the signed checkpoints', async () => {
    await stack.checkpointNow();
    const auditor = await stack.auditor();
    const whole = await auditor.get('/v1/audit/verification');
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ ok: true, problems: [] });
    expect(whole.body.lastCheckpoint).toMatchObject({ eventCount: expect.any(Number) });
    // The coverage rules the door applies: ten of the signer's intervals (one hour in this stack), for the events'
    // age and for the newest signature's (the signer heartbeats every five).
    expect(whole.body.coverage).toMatchObject({
      maxUncoveredMs: 36_000_000,
      maxCheckpointAgeMs: 36_000_000,
      lastSignedAt: whole.body.lastCheckpoint.createdAt,
      lastCoveringCheckpoint: { id: whole.body.lastCheckpoint.id },
    });
    const one = await auditor.get(`/v1/audit/verification?stream=risk-${mrn}`);
    expect(one.body).toMatchObject({ ok: true, problems: [] });
    // A stream the store has no event of is not "verified": a mistyped MRN or RIF id must not read as a proof.
    for (const stream of [`ens-${mrnOf(990_004)}`, 'rif-no-such-rif']) {
      expect((await auditor.get(`/v1/audit/verification?stream=${stream}`)).body).toMatchObject({ error: { code: 'AUDIT.NOT_FOUND' } });
    }
    expect((await cli(['verify', '--stream', 'rif-no-such-rif'])).code).toBe(3);
  });

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const auditor = await stack.auditor();
    const code = await runAuditCli(args, { AUDIT_URL: stack.audit.app.httpUrl, AUDIT_TOKEN: auditor.token, AUDIT_PURPOSE: 'e2e audit through the CLI', CHECKPOINT_TRUSTED_KEYS_FILE: keysFile, ...env }, { print: (t) => lines.push(t), error: (t) => lines.push(t) });
    return { code, text: lines.join('\n') };
  };

  it('answers the CLI: timeline, state as of an instant, verify, and its usage errors', async () => {
    const timelineRun = await cli(['timeline', mrn]);
    expect(timelineRun.code).toBe(0);
    expect(timelineRun.text).toContain('RiskAnalysed');
    expect(timelineRun.text).toContain('member-state:DE/de-officer-1');
    const stateRun = await cli(['state', `control-${mrn}`, '--json']);
    expect(stateRun.code).toBe(0);
    expect(JSON.parse(stateRun.text).state.status).toBe('open');
    expect((await cli(['verify'])).code).toBe(0);
    expect((await cli(['timeline'])).code).toBe(2);
    expect((await cli(['timeline', mrn], { AUDIT_PURPOSE: '' })).code).toBe(2);
    expect((await cli(['nonsense'])).code).toBe(2);
  });

  it('exports a bundle that verifies offline; keeps a report that the store still matches', async () => {
    await stack.checkpointNow();
    const exported = await cli(['export', mrn, '--out', join(dir, 'bundle.json')]);
    expect(exported.code).toBe(0);
    const offline = await cli(['verify-bundle', join(dir, 'bundle.json')]);
    expect(offline).toMatchObject({ code: 0 });
    expect(offline.text).toMatch(/verified offline: \d+ events of \d+ streams, \d+ inclusion proofs, \d+ stream ends proven/);
    // The risk stream's last event left out of the file (its chain has no gap): the signed head names what is missing.
    const cut = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8'));
    const risk = cut.streams.find((st: { streamId: string }) => st.streamId === `risk-${mrn}`);
    const lastRevision = risk.events.pop().revision;
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(cut));
    const short = await cli(['verify-bundle', join(dir, 'cut.json'), '--json']);
    expect(short.code).toBe(1);
    expect(JSON.parse(short.text).problems).toEqual([expect.objectContaining({ kind: 'removed-event', streamId: `risk-${mrn}`, revision: lastRevision })]);
    // An edited copy fails, naming the event.
    const bundle = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8'));
    const edited = bundle.streams.find((st: { streamId: string }) => st.streamId === `risk-${mrn}`).events[0];
    edited.data.totalScore = 0;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(bundle));
    const refused = await cli(['verify-bundle', join(dir, 'edited.json'), '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.text).problems).toEqual(expect.arrayContaining([expect.objectContaining({ eventId: edited.id })]));
    // A bundle trusted under another key does not verify.
    const stranger = join(dir, 'stranger.pem');
    writeFileSync(stranger, generateCheckpointKeyPair().publicKeyPem);
    expect((await cli(['verify-bundle', join(dir, 'bundle.json'), '--keys', stranger])).code).toBe(1);

    expect((await cli(['verify', '--out', join(dir, 'report.json')])).code).toBe(0);
    expect((await cli(['verify-report', join(dir, 'report.json')])).code).toBe(0);
  });

  it('tells the CLI user in one line, exiting non-zero, of a file it cannot use and a door it cannot reach', async () => {
    await stack.checkpointNow();
    writeFileSync(join(dir, 'not-json.txt'), 'hello');
    const oneLine = (run: { code: number; text: string }, code: number, says: RegExp) => {
      expect(run.code).toBe(code);
      expect(run.text).toMatch(says);
      expect(run.text.split('\n')).toHaveLength(1);
    };
    oneLine(await cli(['export', mrn, '--out', join(dir, 'no-such-folder', 'bundle.json')]), 2, /^cannot write .*no-such-folder.*: no such file or directory$/);
    oneLine(await cli(['verify', '--out', dir]), 2, /^cannot write .*: it is a directory$/);
    oneLine(await cli(['verify-bundle', join(dir, 'missing.json')]), 2, /^cannot read the bundle file .*missing\.json: no such file or directory$/);
    oneLine(await cli(['verify-bundle', dir]), 2, /^cannot read the bundle file .*: it is a directory$/);
    oneLine(await cli(['verify-bundle', join(dir, 'bundle.json'), '--keys', join(dir, 'missing.pem')]), 2, /missing\.pem/);
    oneLine(await cli(['verify-report', join(dir, 'missing.json')]), 2, /^cannot read the report file .*missing\.json: no such file or directory$/);
    oneLine(await cli(['verify-report', join(dir, 'not-json.txt')]), 1, /not-json\.txt is not a verification report: \$: not JSON/);
    // A setting that is wrong: a usage error, its line first, then the usage.
    const badUrl = await cli(['timeline', mrn], { AUDIT_URL: 'not a url' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.text.split('\n')[0]).toMatch(/^AUDIT_URL must be the audit door's http\(s\) address/);
    // A server that is no audit door (it answers HTML), then, once it is closed, nothing listening there.
    const html = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
    try {
      oneLine(await cli(['timeline', mrn], { AUDIT_URL: elsewhere }), 3, /^the audit door answered 502: not the audit door's JSON/);
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
    oneLine(await cli(['timeline', mrn], { AUDIT_URL: elsewhere }), 3, /^the audit door cannot be reached at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
  });

  it('rebuilds every read model of every service from the events, equal to the live one (before any tampering)', async () => {
    const run = await cli(['replay', 'all'], { MIGRATION_DATABASE_URL: stack.db.adminUrl, DATABASE_URL: stack.db.appUrl });
    if (run.code !== 0) throw new Error(run.text);
    const report = JSON.parse(run.text);
    expect(report.equal).toBe(true);
    expect(JSON.stringify(report)).toContain('control-results.statistics');
  });

  it('fails verification, the kept report and a fresh bundle when a superuser rewrites an event, naming it', async () => {
    const { entries } = await timeline();
    const target = entries.find((e) => e.type === 'RiskAnalysed')!;
    // The append-only triggers stop the application; a superuser can switch them off. That is what is detected.
    await asSuperuser(stack.db.adminUrl, { text: `UPDATE event_store.events SET data = jsonb_set(data, '{totalScore}', '0') WHERE id = $1`, values: [target.eventId] });
    const verify = await cli(['verify', '--json']);
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.text).problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'changed-content', eventId: target.eventId })]));
    const recheck = await cli(['verify-report', join(dir, 'report.json'), '--json']);
    expect(recheck.code).toBe(1);
    expect(JSON.stringify(JSON.parse(recheck.text).problems)).toContain(target.eventId);
    // The bundle exported before still verifies (it is the record as it was); one exported now does not.
    expect((await cli(['verify-bundle', join(dir, 'bundle.json')])).code).toBe(0);
    expect((await cli(['export', mrn, '--out', join(dir, 'after.json')])).code).toBe(0);
    const after = await cli(['verify-bundle', join(dir, 'after.json'), '--json']);
    expect(after.code).toBe(1);
    expect(JSON.stringify(JSON.parse(after.text).problems)).toContain(target.eventId);
  });

  it('takes a purpose in any script, percent-encoded as UTF-8, and records it as written, at the door and at the owners', async () => {
    const auditor = await stack.auditor();
    const german = 'Prüfung der Daten, Fall 18';
    const asGerman = (path: string) => request(stack.audit.app.httpUrl).get(path).set('authorization', `Bearer ${auditor.token}`).set('x-ics2-purpose', encodeURIComponent(german));
    expect((await asGerman(`/v1/audit/streams/ens-${mrn}/state`)).status).toBe(200);
    const timeline = await asGerman(`/v1/audit/mrns/${mrn}/timeline`);
    // The owners were asked with it (percent-encoded in gRPC metadata), so the deliveries are there.
    expect({ status: timeline.status, sources: timeline.body.sources }).toEqual({ status: 200, sources: { events: 'complete', deliveries: 'complete' } });
    // The CLI encodes it itself.
    const polish = 'Audyt ICS2, sprawa 17, Łódź';
    expect((await cli(['state', `ens-${mrn}`], { AUDIT_PURPOSE: polish })).code).toBe(0);
    const entries = (await auditor.get(`/v1/audit/access-log?mrn=${mrn}`)).body.entries as { resource: string; purpose: string }[];
    const why = (purpose: string) => [...new Set(entries.filter((e) => e.purpose === purpose).map((e) => e.resource))].sort();
    expect(why(german)).toEqual(['deliveries', 'stream-state', 'timeline']);
    expect(why(polish)).toEqual(['stream-state']);
  });

  it('refuses a read without a purpose, a caller who is not an auditor, and bad input, with coded errors', async () => {
    const auditor = await stack.auditor();
    const noPurpose = await request(stack.audit.app.httpUrl).get(`/v1/audit/mrns/${mrn}/timeline`).set('authorization', `Bearer ${auditor.token}`);
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body).toMatchObject({ error: { code: 'AUDIT.PURPOSE_REQUIRED', details: [{ validationCode: 'X01', pointer: '/purpose' }] } });
    // A purpose header with bytes past ASCII (read as Latin-1, so UTF-8 letters would come garbled): refused, before
    // anything is read; percent-encoded it is taken (the next test).
    for (const path of [`/v1/audit/streams/ens-${mrn}/state`, `/v1/audit/mrns/${mrn}/timeline`]) {
      const umlaut = await request(stack.audit.app.httpUrl).get(path).set('authorization', `Bearer ${auditor.token}`).set('x-ics2-purpose', 'Prüfung der Daten');
      expect({ path, status: umlaut.status, body: umlaut.body }).toMatchObject({ path, status: 400, body: { error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/purpose', description: expect.stringContaining('percent-encode') }] } } });
    }
    const trader = await request(stack.audit.app.httpUrl).get(`/v1/audit/mrns/${mrn}/timeline`).set('authorization', `Bearer ${declarant.token}`).set('x-ics2-purpose', 'curious');
    expect(trader.status).toBe(403);
    expect((await auditor.get('/v1/audit/mrns/not-an-mrn/timeline')).body).toMatchObject({ error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/mrn' }] } });
    expect((await auditor.get(`/v1/audit/mrns/${mrnOf(990_001)}/timeline`)).status).toBe(404);
    expect((await auditor.get(`/v1/audit/streams/risk-${mrn}/state?asOf=yesterday`)).body).toMatchObject({ error: { details: [{ pointer: '/asOf' }] } });
    // An instant says its zone and exists: not read in the server's zone, not rolled over, not a year the store lacks.
    for (const asOf of ['2026-12-01T10:00:00', '2026-02-30T10:00:00Z', '2026-12-01T24:00:00Z', '0000-01-01T00:00:00Z']) {
      const refused = await auditor.get(`/v1/audit/streams/risk-${mrn}/state?asOf=${encodeURIComponent(asOf)}`);
      expect({ asOf, status: refused.status, body: refused.body }).toMatchObject({ asOf, status: 400, body: { error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/asOf' }] } } });
    }
    expect((await auditor.get('/v1/audit/access-log?from=0000-01-01T00:00:00Z')).body).toMatchObject({ error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/from' }] } });
    for (const window of ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z']) {
      expect((await auditor.get(`/v1/audit/access-log?${window}`)).body).toMatchObject({ error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/to' }] } });
    }
    const offset = await auditor.get(`/v1/audit/streams/risk-${mrn}/state?asOf=${encodeURIComponent('2026-12-01T10:00:00+01:00')}`);
    expect(offset.body).toMatchObject({ asOf: '2026-12-01T09:00:00.000Z' });
    expect((await auditor.get(`/v1/audit/events/${randomUUID()}/view`)).status).toBe(404);
    // A stream named after an MRN needs an MRN: a mistyped one named no stream, answered as empty, or verified "ok".
    for (const stream of [`ens-${mrn.toLowerCase()}`, `risk-${mrn.slice(0, -1)}X`, 'control-not-an-mrn']) {
      expect((await auditor.get(`/v1/audit/streams/${stream}/state`)).body).toMatchObject({ error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/streamId' }] } });
      expect((await auditor.get(`/v1/audit/verification?stream=${stream}`)).body).toMatchObject({ error: { code: 'AUDIT.INVALID_REQUEST', details: [{ pointer: '/stream' }] } });
    }
    // No event has an id that is no UUID, though it be 36 hex digits or dashes (the store's uuid cast failed: 500).
    for (const id of ['-'.repeat(36), '0123456789abcdef0123456789abcdef0123', 'not-an-event']) {
      expect((await auditor.get(`/v1/audit/events/${id}/view`)).body).toMatchObject({ error: { code: 'AUDIT.NOT_FOUND' } });
    }
  });
});
