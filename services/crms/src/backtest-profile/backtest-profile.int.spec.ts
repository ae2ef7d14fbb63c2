/**
 * A RIF with a risk profile, against the real risk-analysis on the same PostgreSQL (issue 5, "Done when"): the
 * profile is checked by risk-analysis when drafted; backtested over a past period of hand-made ENS, it hits exactly
 * the filings the fixture says; the result is recorded; activation appends RifProfileActivated with the criterion
 * and the RIF as its origin (risk-analysis's own processor turns that into a live criterion: not tested here).
 */
import { randomUUID } from 'node:crypto';
import type { crmsV1, EnsEvent, EnsFiling, RifEvent } from '@ics2/contracts';
import { ensStream, rifStream, type EventToAppend } from '@ics2/event-store';
import { ManualClock } from '@ics2/platform';
import { completed, eventually, freshDatabase, mrnOf, registered, responsibilityAssigned, sampleFiling, settled, testKeys, type FreshDatabase, type TestService } from '@ics2/testing';
import { rifContent, startCrms, type CrmsHarness } from '../crms.test-harness';
import { migrateCrms } from '../migrate';
import { migrateRiskAnalysis, startRiskAnalysisPeer } from './risk-analysis-peer.test-harness';

const DECLARANT = 'DE123456789012345';
const PERIOD = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const PROFILE = {
  title: 'Electric detonators by air',
  riskArea: 'security',
  phases: ['pre-loading'],
  validFrom: '2026-12-01T00:00:00Z',
  score: 60,
  condition: { kind: 'hsPrefix', prefixes: ['3603'] },
};

describe('a RIF risk profile, backtested by the real risk-analysis, then activated', () => {
  let db: FreshDatabase;
  let riskAnalysis: TestService;
  let h: CrmsHarness;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00.000Z'));
  let serial = 700;
  const hits: string[] = [];
  let october = '';

  /** A complete F20 (one house, one goods item of HS `hs`) registered at `at`, as the common repository records it. */
  const lodge = async (hs: string, at: string): Promise<string> => {
    const mrn = mrnOf(++serial);
    const sample = sampleFiling('F20', { seed: serial, declarant: DECLARANT, houses: 1, goodsItems: 1 });
    const houses = sample.consignmentMasterLevel!.consignmentHouseLevel.map((house) => ({
      ...house,
      goodsItem: house.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: hs } } })),
    }));
    const filing: EnsFiling = { ...sample, consignmentMasterLevel: { ...sample.consignmentMasterLevel!, consignmentHouseLevel: houses } };
    const events: EnsEvent[] = [registered({ mrn, filing, at }), responsibilityAssigned({ mrn, rms: 'DE', ims: ['BE'] }), completed({ mrn, phase: 'pre-loading', members: [mrn], at })];
    await h.store.append(
      ensStream(mrn),
      events.map((e): EventToAppend => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { schemaVersion: 1, occurredAt: at, correlationId: mrn, causationId: null, actor: { kind: 'system', component: 'common-repository' } } })),
      'no-stream',
    );
    return mrn;
  };

  beforeAll(async () => {
    db = await freshDatabase('crms_bt', async (url) => {
      await migrateCrms(url);
      await migrateRiskAnalysis(url);
    });
    const keys = testKeys();
    riskAnalysis = await startRiskAnalysisPeer(db.appUrl, keys);
    h = await startCrms({ db, keys, clock, env: { RISK_ANALYSIS_GRPC_URL: riskAnalysis.app.grpcAddress } });
    // The fixture: in November, 3 ENS with detonators (HS 3603) among 7; one more with detonators in October.
    for (const [hs, day] of [
      ['360300', '03'],
      ['610910', '05'],
      ['360320', '09'],
      ['950300', '12'],
      ['847130', '18'],
      ['360390', '27'],
      ['851712', '30'],
    ]) {
      const mrn = await lodge(hs, `2026-11-${day}T08:00:00.000Z`);
      if (hs.startsWith('3603')) hits.push(mrn);
    }
    october = await lodge('360300', '2026-10-20T08:00:00.000Z');
    const heads = async () => Number((await h.admin<{ n: string }>('SELECT count(*) AS n FROM risk_analysis.ens_filings WHERE members IS NOT NULL'))[0].n);
    await eventually(async () => expect(await heads()).toBe(8), 20_000);
  }, 90_000);
  afterAll(async () => {
    await h?.close();
    await riskAnalysis?.close();
    await db?.drop();
  });

  it('refuses a profile risk-analysis does not accept, at its pointer, writing nothing', async () => {
    // risk-analysis goes on analysing the 8 ENS after its read model has them: its writes must not land inside the count.
    await settled([riskAnalysis, h.service]);
    const before = await h.eventCount();
    const refused = await h.as('DE', 'DraftRif', { content: rifContent({ risk_profile_json: JSON.stringify({ ...PROFILE, score: 0, colour: 'red' }) }) });
    expect(refused).toMatchObject({ ok: false, kind: 'validation', errorCode: 'CRMS.PROFILE_INVALID' });
    expect((refused as { details: { pointer: string }[] }).details.map((d) => d.pointer).sort()).toEqual(['/content/riskProfile/colour', '/content/riskProfile/score']);
    expect(await h.eventCount()).toBe(before);
  });

  it("refuses to activate a profile whose own validity ended (it would apply to no filing), writing nothing", async () => {
    const lapsed = { ...PROFILE, validFrom: '2026-11-01T00:00:00Z', validTo: '2026-12-01T00:00:00Z' };
    const drafted = await h.as<crmsV1.RifReply>('DE', 'DraftRif', { content: rifContent({ risk_profile_json: JSON.stringify(lapsed) }) });
    expect(drafted).toMatchObject({ ok: true });
    const rifId = (drafted as { reply: crmsV1.RifReply }).reply.rif_id;
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['FR'] })).toMatchObject({ ok: true });
    expect(await h.as('DE', 'BacktestProfile', { rif_id: rifId, ...PERIOD })).toMatchObject({ ok: true, reply: { filings: 7, hit: 3 } });
    await settled([riskAnalysis, h.service]);
    const before = await h.eventCount();
    expect(await h.as('DE', 'ActivateProfile', { rif_id: rifId })).toMatchObject({ ok: false, kind: 'precondition', errorCode: 'CRMS.RIF_PROFILE_VALIDITY_ENDED', details: [{ validationCode: '92' }] });
    expect(await h.eventCount()).toBe(before);
  });

  it('backtests the profile over November: 3 of the 7 ENS; activation appends the criterion with the RIF as origin', async () => {
    const drafted = await h.as<crmsV1.RifReply>('DE', 'DraftRif', { content: rifContent({ risk_profile_json: JSON.stringify(PROFILE) }) });
    expect(drafted).toMatchObject({ ok: true });
    const rifId = (drafted as { reply: crmsV1.RifReply }).reply.rif_id;
    const criterionId = rifId.toLowerCase();
    const types = async () => (await h.events(rifStream(rifId))).map((e) => e.type);

    // Not before publication, not before a backtest; not by a recipient; not over a period still running.
    expect(await h.as('DE', 'ActivateProfile', { rif_id: rifId })).toMatchObject({ ok: false, errorCode: 'CRMS.RIF_NOT_PUBLISHED' });
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['BE', 'FR'] })).toMatchObject({ ok: true });
    expect(await h.as('DE', 'ActivateProfile', { rif_id: rifId })).toMatchObject({ ok: false, kind: 'precondition', errorCode: 'CRMS.RIF_NOT_BACKTESTED' });
    expect(await h.as('FR', 'BacktestProfile', { rif_id: rifId, ...PERIOD })).toMatchObject({ ok: false, kind: 'permission', errorCode: 'CRMS.RIF_NOT_AUTHOR' });
    expect(await h.as('DE', 'BacktestProfile', { rif_id: rifId, from: PERIOD.from, to: '2026-12-02T00:00:00Z' })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/to' }] });
    expect(await types()).toEqual(['RifDrafted', 'RifPublished']);

    const backtest = await h.as<crmsV1.BacktestProfileReply>('DE', 'BacktestProfile', { rif_id: rifId, message_id: 'bt-nov', ...PERIOD });
    expect(backtest).toMatchObject({ ok: true, reply: { rif_id: rifId, filings: 7, hit: 3, replayed: false } });
    expect([...(backtest as { reply: crmsV1.BacktestProfileReply }).reply.sample_mrns].sort()).toEqual([...hits].sort());
    expect(await h.as('DE', 'BacktestProfile', { rif_id: rifId, message_id: 'bt-nov', ...PERIOD })).toMatchObject({ ok: true, reply: { filings: 7, hit: 3, replayed: true } });
    expect(await types()).toEqual(['RifDrafted', 'RifPublished', 'RifProfileBacktested']);
    const [recorded] = (await h.events(rifStream(rifId))).filter((e) => e.type === 'RifProfileBacktested');
    expect(recorded.data).toMatchObject({ rifId, from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', filings: 7, hit: 3, by: { kind: 'member-state', memberState: 'DE' } });
    // October's ENS with detonators lies outside the period.
    expect(await h.as('DE', 'BacktestProfile', { rif_id: rifId, from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' })).toMatchObject({ ok: true, reply: { filings: 8, hit: 4 } });

    expect(await h.as('DE/de-risk-2', 'ActivateProfile', { rif_id: rifId })).toMatchObject({ ok: true, reply: { criterion_id: criterionId, version: 1, active: true } });
    const activated = (await h.events(rifStream(rifId))).map((e) => ({ type: e.type, data: e.data }) as RifEvent).find((e) => e.type === 'RifProfileActivated');
    expect(activated?.data).toEqual({
      rifId,
      criterion: { ...PROFILE, validFrom: '2026-12-01T00:00:00Z', id: criterionId, version: 1, owner: { kind: 'member-state', memberState: 'DE' }, origin: { rifId } },
      activatedBy: { kind: 'member-state', memberState: 'DE', userId: 'de-risk-2' },
      activatedAt: '2026-12-01T10:00:00.000Z',
    });
    await eventually(async () => expect(await h.as('FR', 'GetRif', { rif_id: rifId })).toMatchObject({ ok: true, reply: { profile_active: true, backtest: { filings: 8, hit: 4 } } }));
    // The MRNs it found are DE's filings: a recipient learns the counts, not which filings they are.
    expect(await h.as('FR', 'GetRif', { rif_id: rifId })).toMatchObject({ ok: true, reply: { backtest: { sample_mrns: [] } } });
    const asAuthor = await h.as<crmsV1.RifView>('DE/de-risk-2', 'GetRif', { rif_id: rifId });
    expect(asAuthor.ok && [...(asAuthor.reply.backtest?.sample_mrns ?? [])].sort()).toEqual([...hits, october].sort());
    const asCommission = await h.as<crmsV1.RifView>('EU', 'GetRif', { rif_id: rifId });
    expect(asCommission.ok && asCommission.reply.backtest?.sample_mrns).toHaveLength(4);

    // Closing the RIF takes the criterion back with it.
    expect(await h.as('DE', 'CloseRif', { rif_id: rifId })).toMatchObject({ ok: true, reply: { status: 'closed' } });
    expect((await types()).slice(-2)).toEqual(['RifProfileDeactivated', 'RifClosed']);
    // A retry of the November backtest (its answer lost) is still answered with it: the RIF closed since is no refusal.
    const retried = await h.as<crmsV1.BacktestProfileReply>('DE', 'BacktestProfile', { rif_id: rifId, message_id: 'bt-nov', ...PERIOD });
    expect(retried).toMatchObject({ ok: true, reply: { filings: 7, hit: 3, replayed: true } });
    expect([...(retried as { reply: crmsV1.BacktestProfileReply }).reply.sample_mrns].sort()).toEqual([...hits].sort());
  });
});
