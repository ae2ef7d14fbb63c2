/**
 * Replay of common-repository's read models on a real stack: after filings went through the service's doors and
 * processors (registration, linking of a master and its houses, a link proposal, amendment, invalidation, arrival,
 * presentation),
 * the rows rebuilt from the events equal the live ones; a live row changed or deleted behind the projection is
 * named by table and key.
 */
import type { commonRepositoryV1, EnsFiling } from '@ics2/contracts';
import { ensStream, PostgresEventStore } from '@ics2/event-store';
import { eventually, minimalFiling } from '@ics2/testing';
import { ManualClock } from '@ics2/platform';
import { startCommonRepository, type CommonRepositoryHarness } from './common-repository.test-harness';
import { LinkingTimerProcessor } from './link-filings/linking-timer.processor';
import { replay } from './replay';

const CARRIER = 'LU987654321';
const FORWARDER = 'FR555555555';
const DECLARANT = 'DE123456789012345';
type Reply = commonRepositoryV1.RegisterFilingReply;

describe('common-repository read models replay', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;
  const mrns: Record<string, string> = {};

  const register = async (filing: EnsFiling, eori: string) => {
    const r = await h.asTrader<Reply>(eori, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.mrn;
  };
  const types = async (mrn: string) => (await store.readStream(ensStream(mrn))).map((e) => e.type);
  const state = async (mrn: string) => ((await h.asTrader<commonRepositoryV1.ConsultFilingReply>(DECLARANT, 'ConsultFiling', { mrn })) as { reply?: { state: string } }).reply?.state;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00.000Z'));
    h = await startCommonRepository({ prefix: 'cr_replay', clock, env: { LINKING_DELAY_MS: '3600000' } });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    const mawb = '176-30000011';
    mrns['master'] = await register(minimalFiling({ type: 'F21', lrn: 'RP-M', declarant: CARRIER, carrier: CARRIER, masterDocument: mawb, houses: ['HR-1', 'HR-2'] }), CARRIER);
    mrns['house1'] = await register(minimalFiling({ type: 'F22', lrn: 'RP-H1', declarant: FORWARDER, carrier: CARRIER, masterDocument: mawb, houses: ['HR-1'] }), FORWARDER);
    mrns['house2'] = await register(minimalFiling({ type: 'F22', lrn: 'RP-H2', declarant: FORWARDER, carrier: CARRIER, masterDocument: mawb, houses: ['HR-2'] }), FORWARDER);
    await eventually(async () => expect(await types(mrns['master'])).toContain('EnsConsistencyChecked'));

    // A master whose house names another master document but carries its container: a link proposal.
    const container = [{ containerIdentificationNumber: 'MSCU1234565' }];
    const withContainer = (f: EnsFiling): EnsFiling =>
      f.consignmentHouseLevel
        ? { ...f, consignmentHouseLevel: f.consignmentHouseLevel.map((x) => ({ ...x, transportEquipment: container })) }
        : { ...f, consignmentMasterLevel: { ...f.consignmentMasterLevel!, consignmentHouseLevel: f.consignmentMasterLevel!.consignmentHouseLevel.map((x) => ({ ...x, transportEquipment: container })) } };
    mrns['proposing'] = await register(withContainer(minimalFiling({ type: 'F21', lrn: 'RP-PM', declarant: CARRIER, carrier: CARRIER, masterDocument: '176-30000044', houses: ['HR-9'] })), CARRIER);
    mrns['stray'] = await register(withContainer(minimalFiling({ type: 'F22', lrn: 'RP-PH', declarant: FORWARDER, carrier: CARRIER, masterDocument: '176-39999999', houses: ['HR-9'] })), FORWARDER);
    await eventually(async () => expect(await types(mrns['proposing'])).toContain('EnsCompletenessPending'));
    await eventually(async () => expect((await store.pool.query('SELECT 1 FROM common_repository.linking_keys WHERE mrn = $1', [mrns['stray']])).rowCount).toBe(1));
    clock.advance(3_600_001);
    await h.service.app.app.get(LinkingTimerProcessor).runOnce(clock.now());
    await eventually(async () => expect((await store.pool.query('SELECT 1 FROM common_repository.link_proposals WHERE master_mrn = $1', [mrns['proposing']])).rowCount).toBe(1));

    const amended = minimalFiling({ type: 'F20', lrn: 'RP-A', declarant: DECLARANT, carrier: CARRIER, masterDocument: '176-30000022' });
    mrns['amended'] = await register(amended, DECLARANT);
    expect(await h.asTrader(DECLARANT, 'AmendFiling', { mrn: mrns['amended'], filing_json: JSON.stringify({ ...amended, documentIssueDate: '2026-12-01T09:30:00Z' }), message_id: 'rp-amd' })).toMatchObject({ ok: true });
    mrns['invalidated'] = await register(minimalFiling({ type: 'F20', lrn: 'RP-I', declarant: DECLARANT, carrier: CARRIER, masterDocument: '176-30000033' }), DECLARANT);
    expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: mrns['invalidated'], message_id: 'rp-inv' })).toMatchObject({ ok: true });
    const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [mrns['amended']] };
    await eventually(async () => expect(await state(mrns['amended'])).toBe('complete'));
    expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'rp-arr' })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: mrns['amended'], office: 'DE004700' })).toMatchObject({ ok: true });
    await eventually(async () => expect(await state(mrns['amended'])).toBe('presented'));
    await eventually(async () => expect(await state(mrns['invalidated'])).toBe('invalidated'));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it('rebuilds every read model from the events equal to the live one', async () => {
    const report = await replay(h.db.adminUrl, h.db.appUrl);
    expect(report).toMatchObject({ service: 'common-repository', equal: true });
    expect(report.readModels.map((r) => [r.readModel, r.liveCaughtUp, r.tables.map((t) => [t.table, t.liveRows, t.missing + t.extra + t.different])])).toEqual([
      [
        'common-repository.filing-view',
        true,
        [
          ['common_repository.filing_view', 7, 0],
          ['common_repository.link_proposals', 1, 0],
        ],
      ],
    ]);
    expect(report.readModels[0].eventsReplayed).toBeGreaterThan(15);
  });

  describe('after live rows were changed behind the projection', () => {
    beforeAll(async () => {
      const owner = await h.db.admin();
      await owner.query(`UPDATE common_repository.filing_view SET status = 'registered' WHERE mrn = $1`, [mrns['amended']]);
      await owner.query(`DELETE FROM common_repository.filing_view WHERE mrn = $1`, [mrns['house2']]);
    });

    it('reports the changed row as different and the deleted one as missing, by table and key', async () => {
      const report = await replay(h.db.adminUrl, h.db.appUrl, 'common-repository.filing-view');
      expect(report.equal).toBe(false);
      const [table] = report.readModels[0].tables;
      expect(table).toMatchObject({ table: 'common_repository.filing_view', different: 1, missing: 1, extra: 0 });
      expect(table.samples).toEqual(
        expect.arrayContaining([
          { kind: 'different', key: { mrn: mrns['amended'] }, columns: [{ column: 'status', live: 'registered', replayed: 'presented' }] },
          { kind: 'missing', key: { mrn: mrns['house2'] } },
        ]),
      );
    });
  });
});
