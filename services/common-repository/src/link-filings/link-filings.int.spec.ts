/**
 * Multiple filing on a real stack: house and master filings meet by their unique linking key, whichever comes
 * first; an incomplete master is pending completeness (IE3N02/IE3N11); the last house completes the ENS; PLACI and
 * pre-arrival data are compared; a duplicate key is rejected (IE3N01); the linking timer proposes links by
 * container, the responsible Member State lists the proposals and links by hand.
 */
import { accessStream, ensStream, PostgresEventStore } from '@ics2/event-store';
import type { commonRepositoryV1, EnsFiling } from '@ics2/contracts';
import { eventually, minimalFiling } from '@ics2/testing';
import { ManualClock, PLATFORM_LOGGER, type PlatformLogger } from '@ics2/platform';
import { Client } from 'pg';
import { startCommonRepository, type CommonRepositoryHarness } from '../common-repository.test-harness';
import { FilingCommands, type FilingCommandRun } from '../doors/filing-commands';
import { LinkFilingsModule } from './link-filings.module';
import { LinkingTimerProcessor } from './linking-timer.processor';

const CARRIER = 'LU987654321';
const FORWARDER = 'FR555555555';
const BUYER = 'DE444444444';
type Reply = commonRepositoryV1.RegisterFilingReply;

describe('link-filings', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2026-12-01T08:00:00.000Z'));

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_link', clock, env: { LINKING_DELAY_MS: '3600000', LINKING_PROPOSALS_PER_APPEND: '2' } });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const register = async (filing: EnsFiling, eori: string) => {
    const r = await h.asTrader<Reply>(eori, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.mrn;
  };
  const types = async (mrn: string) => (await store.readStream(ensStream(mrn))).map((e) => e.type);
  /** Past the linking delay (LINKING_DELAY_MS, 1 h here): one run of the linking timer. */
  const timerRunsOut = async () => {
    clock.advance(3_600_001);
    await h.service.app.app.get(LinkingTimerProcessor).runOnce(clock.now());
  };
  /** Waits for the linking processor's row of a filing (it commits with its checkpoint, after what it appends). */
  const keyed = (mrn: string) => eventually(async () => expect((await store.pool.query('SELECT 1 FROM common_repository.linking_keys WHERE mrn = $1', [mrn])).rowCount).toBe(1));
  const dataOf = async (mrn: string, type: string) => (await store.readStream(ensStream(mrn))).filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
  const master = (type: string, lrn: string, doc: string, houses: string[]) => minimalFiling({ type, lrn, declarant: CARRIER, carrier: CARRIER, masterDocument: doc, houses });
  const house = (type: string, lrn: string, doc: string, houseDoc: string, grossMass = 12.5, declarant = FORWARDER) =>
    minimalFiling({ type, lrn, declarant, carrier: CARRIER, masterDocument: doc, houses: [houseDoc], grossMass });

  it('links PLACI houses to their master, then the pre-arrival filings, and finds them consistent', async () => {
    const mawb = '176-10000011';
    // House first, master second: linking waits for whichever comes last.
    const h1 = await register(house('F24', 'PL-H1', mawb, 'HA-1'), FORWARDER);
    const m = await register(master('F23', 'PL-M', mawb, ['HA-1', 'HA-2']), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    expect(await dataOf(m, 'EnsCompletenessPending')).toEqual([expect.objectContaining({ missing: [{ houseDocument: 'HA-2' }] })]);
    const h2 = await register(house('F24', 'PL-H2', mawb, 'HA-2'), FORWARDER);
    await eventually(async () => expect(await types(m)).toContain('EnsConsistencyChecked'));
    expect(await dataOf(m, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ phase: 'pre-loading', members: [m, h1, h2] })]);
    expect(await dataOf(m, 'EnsConsistencyChecked')).toEqual([expect.objectContaining({ outcome: 'ok' })]);
    await eventually(async () => expect(await types(h2)).toEqual(['EnsFilingRegistered', 'EnsResponsibilityAssigned', 'EnsFilingLinked', 'EnsFilingCompleted']));

    // The pre-arrival master and houses of the same air waybill: a family of their own, compared with PLACI.
    const pm = await register(master('F21', 'PA-M', mawb, ['HA-1', 'HA-2']), CARRIER);
    const p1 = await register(house('F22', 'PA-H1', mawb, 'HA-1'), FORWARDER);
    const p2 = await register(house('F22', 'PA-H2', mawb, 'HA-2', 14), FORWARDER);
    await eventually(async () => expect(await types(pm)).toContain('EnsConsistencyChecked'));
    expect(await dataOf(pm, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ phase: 'pre-arrival', members: [pm, p1, p2] })]);
    const [consistency] = await dataOf(pm, 'EnsConsistencyChecked');
    expect(consistency).toMatchObject({ outcome: 'flagged', differences: [{ element: 'grossMass', houseDocument: 'HA-2', values: [{ mrn: h2, value: 12.5 }, { mrn: p2, value: 14 }] }] });
  }, 30_000);

  it('completes a maritime master B/L (F12) once its house B/L has both parts: F16 (goods), F17 (buyer and seller)', async () => {
    const mbl = 'MBL-0000000012';
    const m = await register(master('F12', 'SEA-M', mbl, ['HBL-1']), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    const goods = await register(house('F16', 'SEA-H16', mbl, 'HBL-1'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingLinked')).toEqual([expect.objectContaining({ linkedMrn: goods, awaiting: ['buyerAndSeller'] })]));
    expect(await types(m)).not.toContain('EnsFilingCompleted');
    // The same linking key as the F16's, but other data: not a duplicate.
    const parties = await register(house('F17', 'SEA-H17', mbl, 'HBL-1', 12.5, BUYER), BUYER);
    await eventually(async () => expect(await types(m)).toContain('EnsConsistencyChecked'));
    expect(await types(parties)).not.toContain('EnsFilingRejected');
    expect(await dataOf(m, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ phase: 'pre-arrival', members: [m, goods, parties] })]);
    for (const member of [goods, parties]) await eventually(async () => expect(await types(member)).toContain('EnsFilingCompleted'));
    // A second F16 for the house B/L gives the same data again: X08.
    const again = await register(house('F16', 'SEA-H16B', mbl, 'HBL-1'), FORWARDER);
    await eventually(async () => expect(await types(again)).toContain('EnsFilingRejected'));
  }, 30_000);

  it('completes a straight B/L without buyer and seller (F13) with the F17 of the next filing party', async () => {
    const sbl = 'SBL-0000000013';
    const m = await register(master('F13', 'SEA-S', sbl, []), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    const f17 = house('F17', 'SEA-S17', sbl, 'unused', 12.5, BUYER);
    // A straight B/L has no house document: the F17 names the master B/L and the carrier only.
    const straight: EnsFiling = { ...f17, consignmentHouseLevel: f17.consignmentHouseLevel!.map(({ transportDocumentHouseLevel: _, ...rest }) => rest) };
    const parties = await register(straight, BUYER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ members: [m, parties] })]));
    expect(await dataOf(m, 'EnsFilingLinked')).toEqual([expect.objectContaining({ linkedMrn: parties, houseDocument: '', supplies: ['buyerAndSeller'], awaiting: [] })]);
    // A second F17 for the straight B/L holds the same key (master B/L and carrier): X08, and the ENS keeps the first.
    const again = await register({ ...straight, lrn: 'SEA-S17B' }, BUYER);
    await eventually(async () => expect(await types(again)).toContain('EnsFilingRejected'));
    expect(await dataOf(again, 'EnsFilingRejected')).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ code: 'X08', pointer: '/consignmentHouseLevel/0/transportDocumentMasterLevel/documentNumber' })] }),
    ]);
    expect(await dataOf(m, 'EnsFilingLinked')).toHaveLength(1);
  }, 30_000);

  it('records the same consistency check for a straight B/L (F13) and its F17 whichever is filed first', async () => {
    // The carrier's goods: 10 kg from one consignor; the F17 says 12.5 kg from another, so the check is flagged.
    const straightMaster = (lrn: string, sbl: string): EnsFiling => {
      const m = master('F13', lrn, sbl, []);
      return { ...m, consignmentMasterLevel: { ...m.consignmentMasterLevel!, consignmentHouseLevel: [{ totalGrossMass: 10, consignor: { name: 'Shenzhen Widgets Ltd' } }] } };
    };
    const straightF17 = (lrn: string, sbl: string): EnsFiling => {
      const f = house('F17', lrn, sbl, 'unused', 12.5, BUYER);
      return { ...f, consignmentHouseLevel: f.consignmentHouseLevel!.map(({ transportDocumentHouseLevel: _, ...rest }) => ({ ...rest, consignor: { name: 'Other Ltd' } })) };
    };
    // The check as seen from either ENS: MRNs named by role, the instant left out.
    const checkOf = async (m: string, p: string) =>
      JSON.parse(JSON.stringify(await dataOf(m, 'EnsConsistencyChecked')).replaceAll(m, 'master').replaceAll(p, 'f17')).map(({ checkedAt: _, ...rest }: Record<string, unknown>) => rest);

    const m1 = await register(straightMaster('SO-M1', 'SBL-0000000061'), CARRIER);
    await eventually(async () => expect(await types(m1)).toContain('EnsCompletenessPending'));
    const p1 = await register(straightF17('SO-H1', 'SBL-0000000061'), BUYER);
    // The F17 first: linking knows it before the master comes.
    const p2 = await register(straightF17('SO-H2', 'SBL-0000000062'), BUYER);
    await keyed(p2);
    const m2 = await register(straightMaster('SO-M2', 'SBL-0000000062'), CARRIER);
    await h.service.settled();
    const flagged = {
      mrn: 'master',
      outcome: 'flagged',
      differences: [
        { element: 'grossMass', houseDocument: '', values: [{ mrn: 'master', value: 10 }, { mrn: 'f17', value: 12.5 }] },
        { element: 'consignor/name', houseDocument: '', values: [{ mrn: 'master', value: 'Shenzhen Widgets Ltd' }, { mrn: 'f17', value: 'Other Ltd' }] },
      ],
    };
    expect(await checkOf(m1, p1)).toEqual([flagged]);
    expect(await checkOf(m2, p2)).toEqual([flagged]);
  }, 30_000);

  it('compares a straight B/L (F13) with an F17 that names a house B/L of its own: the F13 has one consignment, that one', async () => {
    const m = master('F13', 'SO-N1', 'SBL-0000000071', []);
    const straightMaster: EnsFiling = { ...m, consignmentMasterLevel: { ...m.consignmentMasterLevel!, consignmentHouseLevel: [{ totalGrossMass: 10 }] } };
    const mrn = await register(straightMaster, CARRIER);
    const f17 = await register(house('F17', 'SO-N1-17', 'SBL-0000000071', 'HBL-N1', 12.5, BUYER), BUYER);
    await h.service.settled();
    // Linked under '' (the F13 lists no house document), compared all the same: before, nothing was, and it was ok.
    expect(await dataOf(mrn, 'EnsConsistencyChecked')).toEqual([
      expect.objectContaining({
        outcome: 'flagged',
        differences: [{ element: 'grossMass', houseDocument: 'HBL-N1', values: [{ mrn, value: 10 }, { mrn: f17, value: 12.5 }] }],
      }),
    ]);
  }, 30_000);

  it('keys every F17 for a straight B/L (F13) by its master B/L and carrier, one naming a house document too: the later is X08', async () => {
    const withoutHouseDocument = (f: EnsFiling): EnsFiling => ({ ...f, consignmentHouseLevel: f.consignmentHouseLevel!.map(({ transportDocumentHouseLevel: _, ...rest }) => rest) });
    const pointer = '/consignmentHouseLevel/0/transportDocumentMasterLevel/documentNumber';
    // An F17 naming a house document links to the straight B/L (under ''), then a straight F17 comes.
    const m1 = await register(master('F13', 'SEA-D1', 'SBL-0000000031', []), CARRIER);
    const named = await register(house('F17', 'SEA-D1-17', 'SBL-0000000031', 'HBL-NAMED', 12.5, BUYER), BUYER);
    await eventually(async () => expect(await dataOf(m1, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ members: [m1, named] })]));
    const straight = await register(withoutHouseDocument(house('F17', 'SEA-D1-17B', 'SBL-0000000031', 'unused', 12.5, BUYER)), BUYER);
    await eventually(async () => expect(await dataOf(straight, 'EnsFilingRejected')).toEqual([expect.objectContaining({ errors: [expect.objectContaining({ code: 'X08', pointer })] })]));
    // The other way round: a straight F17 first, then one naming a house document.
    const m2 = await register(master('F13', 'SEA-D2', 'SBL-0000000032', []), CARRIER);
    const first = await register(withoutHouseDocument(house('F17', 'SEA-D2-17', 'SBL-0000000032', 'unused', 12.5, BUYER)), BUYER);
    await eventually(async () => expect(await dataOf(m2, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ members: [m2, first] })]));
    const later = await register(house('F17', 'SEA-D2-17B', 'SBL-0000000032', 'HBL-LATER', 12.5, BUYER), BUYER);
    await eventually(async () => expect(await dataOf(later, 'EnsFilingRejected')).toEqual([expect.objectContaining({ errors: [expect.objectContaining({ code: 'X08', pointer })] })]));
    for (const m of [m1, m2]) expect(await dataOf(m, 'EnsFilingLinked')).toHaveLength(1);
  }, 30_000);

  const invalidate = async (mrn: string, eori: string) => {
    const r = await h.asTrader(eori, 'InvalidateFiling', { mrn, message_id: `inv-${mrn}`, reason: 'refiled' });
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const consulted = async (mrn: string, eori: string) => {
    const r = await h.asTrader<commonRepositoryV1.ConsultFilingReply>(eori, 'ConsultFiling', { mrn });
    return r.ok ? r.reply : r;
  };

  it("releases an invalidated house's link on its master (EnsFilingUnlinked), and the refiled house completes the ENS again", async () => {
    const mawb = '176-10000044';
    // PLACI data of both houses, 12.5 kg each: the pre-arrival houses are compared with it.
    await register(master('F23', 'RF-PM', mawb, ['HR-1', 'HR-2']), CARRIER);
    for (const doc of ['HR-1', 'HR-2']) await register(house('F24', `RF-P-${doc}`, mawb, doc), FORWARDER);
    const m = await register(master('F21', 'RF-M', mawb, ['HR-1', 'HR-2']), CARRIER);
    const h1 = await register(house('F22', 'RF-H1', mawb, 'HR-1', 14), FORWARDER);
    const h2 = await register(house('F22', 'RF-H2', mawb, 'HR-2'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsConsistencyChecked')).toEqual([expect.objectContaining({ outcome: 'flagged' })]));
    await invalidate(h1, FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: h1, houseDocuments: ['HR-1'], reason: 'partner-invalidated' })]));
    await eventually(async () => expect(await consulted(m, CARRIER)).toMatchObject({ state: 'pending-completeness' }));
    // Pending again, and said so (IE3N02 / IE3N11 again), naming the house it misses now.
    expect((await dataOf(m, 'EnsCompletenessPending')).map((d) => d.missing)).toEqual([[{ houseDocument: 'HR-1' }, { houseDocument: 'HR-2' }], [{ houseDocument: 'HR-1' }]]);
    const refiled = await register(house('F22', 'RF-H1B', mawb, 'HR-1'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsConsistencyChecked')).toHaveLength(2));
    expect((await dataOf(m, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m, h1, h2], [m, h2, refiled]]);
    // The refiled house agrees with its PLACI data, and the invalidated one is no longer compared.
    expect((await dataOf(m, 'EnsConsistencyChecked'))[1]).toMatchObject({ outcome: 'ok', differences: [] });
    expect(await types(refiled)).toEqual(['EnsFilingRegistered', 'EnsResponsibilityAssigned', 'EnsFilingLinked', 'EnsFilingCompleted']);
    // Every member names the members the head names: the remaining house learns the refiled one.
    for (const member of [h2, refiled]) expect((await dataOf(member, 'EnsFilingCompleted')).at(-1)).toMatchObject({ members: [m, h2, refiled] });
    expect((await dataOf(h2, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m, h1, h2], [m, h2, refiled]]);
    // The invalidated house's own history is left as it was.
    expect(await types(h1)).toEqual(['EnsFilingRegistered', 'EnsResponsibilityAssigned', 'EnsFilingLinked', 'EnsFilingCompleted', 'EnsFilingInvalidated']);
  }, 30_000);

  it('completes an ENS whose goods arrived again when an invalidated house is refiled before presentation, so it is analysed with it', async () => {
    const mawb = '176-10000111';
    const m = await register(master('F21', 'AR-M', mawb, ['HX-1', 'HX-2']), CARRIER);
    const h1 = await register(house('F22', 'AR-H1', mawb, 'HX-1'), FORWARDER);
    const h2 = await register(house('F22', 'AR-H2', mawb, 'HX-2'), FORWARDER);
    await eventually(async () => expect(await types(m)).toContain('EnsConsistencyChecked'));
    const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m] };
    expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-ar-m' })).toMatchObject({ ok: true, reply: { arrived: expect.arrayContaining([m, h1, h2]) } });
    await invalidate(h1, FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsCompletenessPending')).toHaveLength(2));
    const refiled = await register(house('F22', 'AR-H1B', mawb, 'HX-1'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsConsistencyChecked')).toHaveLength(2));
    expect((await dataOf(m, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m, h1, h2], [m, h2, refiled]]);
    await eventually(async () => expect((await dataOf(refiled, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m, h2, refiled]]));
    // Its goods are still arrived: completing again changes no lifecycle state.
    await eventually(async () => expect(await consulted(m, CARRIER)).toMatchObject({ state: 'arrived', consistency: 'ok' }));
    // The refiled house's goods came with the master's: it arrives with the master's arrival, once.
    const [{ arrivalMrn }] = await dataOf(m, 'EnsFilingArrived');
    expect(await dataOf(refiled, 'EnsFilingArrived')).toEqual([expect.objectContaining({ arrivalMrn, arrivedAt: '2026-12-02T06:00:00Z', officeOfArrival: 'DE004700', notifiedBy: CARRIER })]);
    await eventually(async () => expect(await consulted(refiled, FORWARDER)).toMatchObject({ state: 'arrived' }));
  }, 30_000);

  /**
   * Files a house for master `m` and runs `meanwhile` once, just before the master's half of their link is written
   * (after the link read the master's history), then waits for the house's half. Returns the house and what
   * `meanwhile` answered.
   */
  async function linkCrossedBy(m: string, houseFiling: EnsFiling, meanwhile: () => Promise<unknown>): Promise<{ house: string; answer: unknown }> {
    const commands = h.service.app.app.select(LinkFilingsModule).get(FilingCommands, { strict: true });
    const run = commands.run.bind(commands);
    const answers: unknown[] = [];
    const between = jest.spyOn(commands, 'run').mockImplementation(async (r: FilingCommandRun) => {
      if (r.mrn === m && r.command.type === 'LinkFiling' && answers.length === 0) answers.push(await meanwhile());
      return run(r);
    });
    try {
      const house = await register(houseFiling, FORWARDER);
      await eventually(async () => expect(await dataOf(house, 'EnsFilingLinked')).toHaveLength(1));
      expect(answers).toHaveLength(1);
      return { house, answer: answers[0] };
    } finally {
      between.mockRestore();
    }
  }

  /** An arrival matches from the read model: waits until it shows the filing (the stream may be ahead of it). */
  const viewed = (mrn: string) => eventually(async () => expect(await consulted(mrn, CARRIER)).toMatchObject({ mrn }));
  const notifyArrival = (m: string, messageId: string) =>
    h.asTrader(CARRIER, 'NotifyArrival', {
      arrival_json: JSON.stringify({ actualDateAndTimeOfArrival: '2026-12-02T07:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m] }),
      message_id: messageId,
    });

  it("arrives a house whose link its master records just after the master's arrival, which came after the link looked at the master", async () => {
    const mawb = '176-10000112';
    const m = await register(master('F21', 'AL-M', mawb, ['HAL-1']), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    await viewed(m);
    // The carrier notifies the arrival just before the master's half of the link is written.
    const { house: h1, answer } = await linkCrossedBy(m, house('F22', 'AL-H1', mawb, 'HAL-1'), () => notifyArrival(m, 'arr-al-m'));
    expect(answer).toMatchObject({ ok: true, reply: { arrived: [m] } });
    const [{ arrivalMrn }] = await dataOf(m, 'EnsFilingArrived');
    await eventually(async () => expect(await dataOf(h1, 'EnsFilingArrived')).toEqual([expect.objectContaining({ arrivalMrn, notifiedBy: CARRIER })]));
  }, 30_000);

  it("notes a house's master presented when the presentation came after the link looked at the master and before its half", async () => {
    const mawb = '176-10000113';
    const m = await register(master('F21', 'PR-M', mawb, ['HPL-1']), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    await viewed(m);
    expect(await notifyArrival(m, 'arr-pr-m')).toMatchObject({ ok: true });
    const { house: h1, answer } = await linkCrossedBy(m, house('F22', 'PR-H1', mawb, 'HPL-1'), () => h.asMemberState('DE', 'RecordPresentation', { mrn: m, office: 'DE004700' }));
    expect(answer).toMatchObject({ ok: true });
    // The master was presented with no house linked: the link's own note is the house's only one.
    await eventually(async () => expect(await dataOf(h1, 'EnsPresentationNoted')).toEqual([expect.objectContaining({ headMrn: m })]));
  }, 30_000);

  it("releases an invalidated master's links on its houses, and the refiled master links them", async () => {
    const mawb = '176-10000055';
    const m = await register(master('F21', 'RM-M', mawb, ['HM-1']), CARRIER);
    const h1 = await register(house('F22', 'RM-H1', mawb, 'HM-1'), FORWARDER);
    await eventually(async () => expect(await types(h1)).toContain('EnsFilingCompleted'));
    await invalidate(m, CARRIER);
    await eventually(async () => expect(await dataOf(h1, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: m, houseDocuments: ['HM-1'] })]));
    const refiled = await register(master('F21', 'RM-M2', mawb, ['HM-1']), CARRIER);
    await eventually(async () => expect(await dataOf(refiled, 'EnsFilingCompleted')).toEqual([expect.objectContaining({ members: [refiled, h1] })]));
    // The master's half is written first: wait for the house's.
    await eventually(async () => expect((await dataOf(h1, 'EnsFilingLinked')).map((d) => d.linkedMrn)).toEqual([m, refiled]));
  }, 30_000);

  it("shows a house to its master's carrier only while linked: once the master is invalidated, that carrier gets what an unknown MRN gets", async () => {
    const AIRLINE = 'NL222222222';
    const m = await register(minimalFiling({ type: 'F21', lrn: 'CV-M', declarant: AIRLINE, carrier: AIRLINE, masterDocument: '176-10000077', houses: ['HV-1'] }), AIRLINE);
    // The house names another carrier and master document: only a Member State's hand links it to this master.
    const h1 = await register(house('F22', 'CV-H1', '176-99990077', 'HV-1'), FORWARDER);
    await keyed(h1);
    await eventually(async () => expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m, house_mrn: h1, house_document: 'HV-1' })).toMatchObject({ ok: true }));
    await eventually(async () => expect(await consulted(h1, AIRLINE)).toMatchObject({ mrn: h1 }));
    await invalidate(m, AIRLINE);
    await eventually(async () => expect(await types(h1)).toContain('EnsFilingUnlinked'));
    const last = (await store.readStream(ensStream(h1))).at(-1)!.revision;
    await eventually(async () => expect((await store.pool.query('SELECT revision FROM common_repository.filing_view WHERE mrn = $1', [h1])).rows[0].revision).toBe(last));
    const unknown = await consulted('26DE000000ZZZZZ1T5', AIRLINE);
    expect({ ...(await consulted(h1, AIRLINE)), message: undefined }).toEqual({ ...unknown, message: undefined });
    // Its own master lists the house document: that one it finds, not the house.
    const found = await h.asTrader<commonRepositoryV1.FindFilingsReply>(AIRLINE, 'FindFilings', { transport_document: 'HV-1' });
    expect(found.ok && found.reply.filings.map((f) => f.mrn)).toEqual([m]);
    // Its own parties still see it: the filer, and the carrier it names.
    expect(await consulted(h1, FORWARDER)).toMatchObject({ mrn: h1, state: 'registered' });
    expect(await consulted(h1, CARRIER)).toMatchObject({ mrn: h1 });
  }, 30_000);

  it('writes neither half of a link the master refuses: a house document already linked to another house', async () => {
    const m = await register(master('F21', 'OS-M', '176-10000066', ['HO-1']), CARRIER);
    const first = await register(house('F22', 'OS-H1', '176-10000066', 'HO-1'), FORWARDER);
    await eventually(async () => expect(await types(first)).toContain('EnsFilingCompleted'));
    // A house filing naming another master document, linked by hand to the document the first house holds.
    const stray = await register(house('F22', 'OS-H2', '176-99999966', 'HO-1'), FORWARDER);
    await keyed(stray);
    await eventually(async () => expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m, house_mrn: stray, house_document: 'HO-1' })).toMatchObject({ ok: false }));
    expect(await types(stray)).toEqual(['EnsFilingRegistered', 'EnsResponsibilityAssigned']);
    expect(await dataOf(m, 'EnsFilingLinked')).toHaveLength(1);
  }, 30_000);

  it('writes a link again that was released when the house refused its half (a race), and both sides hold it', async () => {
    const m1 = await register(master('F21', 'RT-M1', '176-10000099', ['HRT-1']), CARRIER);
    const m2 = await register(master('F21', 'RT-M2', '176-10000100', ['HRT-1']), CARRIER);
    // A house naming neither master's document, so only a Member State links it.
    const stray = await register(house('F22', 'RT-H', '176-99999900', 'HRT-1'), FORWARDER);
    await keyed(stray);
    await eventually(async () => expect(await types(m2)).toContain('EnsCompletenessPending'));
    // The race: after both sides said yes to m1 and m1 wrote its half, the house is linked to m2 by another request.
    const commands = h.service.app.app.select(LinkFilingsModule).get(FilingCommands, { strict: true });
    const run = commands.run.bind(commands);
    const race = jest.spyOn(commands, 'run').mockImplementation(async (r: FilingCommandRun) => {
      if (r.mrn === stray && r.command.type === 'LinkFiling' && r.command.data.otherMrn === m1 && race.mock.calls.length > 0) {
        race.mockRestore();
        expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m2, house_mrn: stray, house_document: 'HRT-1' })).toMatchObject({ ok: true });
      }
      return run(r);
    });
    expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m1, house_mrn: stray, house_document: 'HRT-1' })).toMatchObject({ ok: false });
    expect(await dataOf(m1, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: stray, reason: 'partner-refused' })]);
    // m2 is invalidated, the house is free again, and the Member State links it to m1 once more.
    await invalidate(m2, CARRIER);
    await eventually(async () => expect(await dataOf(stray, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: m2 })]));
    const again = await h.asMemberState<commonRepositoryV1.LinkFilingsReply>('DE', 'LinkFilings', { master_mrn: m1, house_mrn: stray, house_document: 'HRT-1' });
    expect(again).toMatchObject({ ok: true, reply: { master_state: 'complete' } });
    expect((await dataOf(m1, 'EnsFilingLinked')).map((d) => d.linkedMrn)).toEqual([stray, stray]);
    // The released half had completed m1 too: the written link completes it again.
    expect((await dataOf(m1, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m1, stray], [m1, stray]]);
    expect((await dataOf(stray, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m2, stray], [m1, stray]]);
    expect((await dataOf(stray, 'EnsFilingLinked')).map((d) => d.linkedMrn)).toEqual([m2, m1]);
    await eventually(async () => expect(await consulted(m1, CARRIER)).toMatchObject({ state: 'complete' }));
  }, 30_000);

  const amend = async (mrn: string, eori: string, filing: EnsFiling, messageId: string) => {
    const r = await h.asTrader<commonRepositoryV1.AmendFilingReply>(eori, 'AmendFiling', { mrn, filing_json: JSON.stringify(filing), message_id: messageId });
    if (!r.ok || r.reply.message_type !== 'IE3N10') throw new Error(JSON.stringify(r));
  };
  const withMass = (f: EnsFiling, grossMass: number): EnsFiling => ({ ...f, consignmentHouseLevel: f.consignmentHouseLevel!.map((x) => ({ ...x, totalGrossMass: grossMass })) });

  it('checks consistency on the amended data: an amendment before completion is what is compared', async () => {
    const mawb = '176-10000077';
    await register(master('F23', 'AM-PM', mawb, ['HAM-1']), CARRIER);
    await register(house('F24', 'AM-P1', mawb, 'HAM-1', 12.5), FORWARDER);
    // The pre-arrival house first says 14 kg, then is amended to agree with its PLACI data.
    const pre = house('F22', 'AM-H1', mawb, 'HAM-1', 14);
    const p1 = await register(pre, FORWARDER);
    await keyed(p1);
    await amend(p1, FORWARDER, withMass(pre, 12.5), 'amd-1');
    // Linking reads the log in order (one partition): the amendment is seen before the master's registration.
    const pm = await register(master('F21', 'AM-M', mawb, ['HAM-1']), CARRIER);
    await eventually(async () => expect(await types(pm)).toContain('EnsConsistencyChecked'));
    expect(await dataOf(pm, 'EnsConsistencyChecked')).toEqual([expect.objectContaining({ outcome: 'ok', differences: [] })]);
  }, 30_000);

  it('checks a complete ENS again when an accepted amendment changes the compared figures', async () => {
    const mawb = '176-10000088';
    await register(master('F23', 'RC-PM', mawb, ['HRC-1']), CARRIER);
    const placi = await register(house('F24', 'RC-P1', mawb, 'HRC-1', 12.5), FORWARDER);
    const pm = await register(master('F21', 'RC-M', mawb, ['HRC-1']), CARRIER);
    const pre = house('F22', 'RC-H1', mawb, 'HRC-1', 12.5);
    const p1 = await register(pre, FORWARDER);
    await eventually(async () => expect(await dataOf(pm, 'EnsConsistencyChecked')).toEqual([expect.objectContaining({ outcome: 'ok' })]));
    await amend(p1, FORWARDER, withMass(pre, 14), 'amd-2');
    await eventually(async () => expect(await dataOf(pm, 'EnsConsistencyChecked')).toHaveLength(2));
    expect((await dataOf(pm, 'EnsConsistencyChecked'))[1]).toMatchObject({
      outcome: 'flagged',
      differences: [{ element: 'grossMass', houseDocument: 'HRC-1', values: [{ mrn: placi, value: 12.5 }, { mrn: p1, value: 14 }] }],
    });
    await eventually(async () => expect(await consulted(pm, CARRIER)).toMatchObject({ consistency: 'flagged' }));
  }, 30_000);

  it('compares pre-arrival houses with the PLACI filing that stands: not a later duplicate rejected with X08, nor one invalidated', async () => {
    const mawb = '176-10000098';
    const placi = await register(house('F24', 'PS-P1', mawb, 'HS-1'), FORWARDER);
    clock.advance(1_000);
    // The same house's PLACI data again, 99 kg: refused (X08), it is no filing of the ENS.
    const duplicate = await register(house('F24', 'PS-P2', mawb, 'HS-1', 99), FORWARDER);
    await eventually(async () => expect(await types(duplicate)).toContain('EnsFilingRejected'));
    // Another house's PLACI data, 99 kg, then invalidated: nothing stands to compare with.
    const withdrawn = await register(house('F24', 'PS-P3', mawb, 'HS-2', 99), FORWARDER);
    await invalidate(withdrawn, FORWARDER);
    await keyed(withdrawn);
    clock.advance(1_000);
    const pm = await register(master('F21', 'PS-M', mawb, ['HS-1', 'HS-2']), CARRIER);
    await register(house('F22', 'PS-H1', mawb, 'HS-1'), FORWARDER);
    await register(house('F22', 'PS-H2', mawb, 'HS-2'), FORWARDER);
    await eventually(async () => expect(await types(pm)).toContain('EnsConsistencyChecked'));
    expect(await dataOf(pm, 'EnsConsistencyChecked')).toEqual([expect.objectContaining({ outcome: 'ok', differences: [] })]);
    expect(placi).not.toBe(duplicate);
  }, 30_000);

  it('rejects a second open house filing with the same linking key (IE3N01, X08)', async () => {
    const mawb = '176-10000022';
    await register(house('F22', 'DUP-1', mawb, 'HD-1'), FORWARDER);
    const second = await register(house('F22', 'DUP-2', mawb, 'HD-1'), FORWARDER);
    await eventually(async () => expect(await types(second)).toContain('EnsFilingRejected'));
    expect(await dataOf(second, 'EnsFilingRejected')).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ code: 'X08', pointer: '/consignmentHouseLevel/0/transportDocumentHouseLevel/documentNumber' })] }),
    ]);
  });

  const withContainer = (f: EnsFiling, container: string): EnsFiling => {
    const houses = (f.consignmentHouseLevel ?? f.consignmentMasterLevel!.consignmentHouseLevel).map((x) => ({ ...x, transportEquipment: [{ containerIdentificationNumber: container }] }));
    return f.consignmentHouseLevel ? { ...f, consignmentHouseLevel: houses } : { ...f, consignmentMasterLevel: { ...f.consignmentMasterLevel!, consignmentHouseLevel: houses } };
  };

  it('proposes a link by container after the linking timer, and the responsible Member State links by hand', async () => {
    const m = await register(withContainer(master('F21', 'TM-M', '176-10000033', ['HT-1']), 'MSCU1234565'), CARRIER);
    // A house that names the wrong master document, so its key does not match, but carries the same container.
    const stray = await register(withContainer(house('F22', 'TM-H', '176-99999999', 'HT-1'), 'MSCU1234565'), FORWARDER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    // The timer looks at each master once: the stray house must be known to linking before it looks.
    await keyed(stray);
    const timer = h.service.app.app.get(LinkingTimerProcessor);
    expect(await timer.runOnce(clock.now())).toBe(0);
    clock.advance(3_600_001);
    await timer.runOnce(clock.now());
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'HT-1', matchedOn: ['container'] })]);

    // The responsible Member State's queue shows the proposal (once the projection has it); no one else's does.
    type Proposals = commonRepositoryV1.ListLinkProposalsReply;
    const proposal = { master_mrn: m, master_document: '176-10000033', house_document: 'HT-1', candidate_mrn: stray, candidate_master_document: '176-99999999', matched_on: ['container'], master_state: 'pending-completeness', candidate_state: 'registered' };
    await eventually(async () => expect(await h.asMemberState<Proposals>('DE', 'ListLinkProposals', { master_mrn: m })).toMatchObject({ ok: true, reply: { proposals: [proposal] } }));
    const queue = await h.asMemberState<Proposals>('DE', 'ListLinkProposals', {});
    expect(queue.ok && queue.reply.proposals.filter((p) => p.master_mrn === m)).toEqual([{ ...proposal, proposed_at: clock.now().toISOString() }]);
    expect(await h.asMemberState<Proposals>('FR', 'ListLinkProposals', {})).toMatchObject({ ok: true, reply: { proposals: [] } });
    expect(await h.client.call('ListLinkProposals', {})).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(await h.asTrader(CARRIER, 'ListLinkProposals', {})).toMatchObject({ ok: false, kind: 'permission' });
    expect(await h.asMemberState('DE', 'ListLinkProposals', { limit: 501 })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/limit' }] });
    expect(await h.asMemberState('DE', 'ListLinkProposals', { master_mrn: 'not-an-mrn' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/masterMrn' }] });
    // Both listings that showed the proposal are in the access log of both filings, with the default purpose.
    const accesses = (await store.readStream(accessStream(stray))).map((e) => ({ data: e.data, actor: e.metadata.actor }));
    expect(accesses).toHaveLength(2);
    expect(await store.readStream(accessStream(m))).toHaveLength(2);
    expect(accesses[0]).toMatchObject({ data: { resource: 'ens-filing', id: stray, purpose: 'manual linking', door: 'ics2.common_repository.v1.FilingService ListLinkProposals' }, actor: { kind: 'member-state', memberState: 'DE' } });

    const other = await h.asMemberState('FR', 'LinkFilings', { master_mrn: m, house_mrn: stray, house_document: 'HT-1' });
    expect(other).toMatchObject({ ok: false, kind: 'not-found' });
    await eventually(async () => {
      const linked = await h.asMemberState<commonRepositoryV1.LinkFilingsReply>('DE', 'LinkFilings', { master_mrn: m, house_mrn: stray, house_document: 'HT-1' });
      expect(linked).toMatchObject({ ok: true, reply: { master_state: 'complete' } });
    });
    expect(await dataOf(m, 'EnsFilingLinked')).toEqual([expect.objectContaining({ linkedMrn: stray, by: 'manual' })]);
    // Linked: the proposal is no longer open.
    await eventually(async () => expect(await h.asMemberState<Proposals>('DE', 'ListLinkProposals', { master_mrn: m })).toMatchObject({ ok: true, reply: { proposals: [] } }));
  }, 30_000);

  it('refuses to link by hand a house already linked to another house document of the master, writing nothing: one consignment fills one house', async () => {
    const m = await register(master('F21', 'HX-M', '176-10000124', ['HX-1', 'HX-2']), CARRIER);
    const h1 = await register(house('F22', 'HX-H1', '176-10000124', 'HX-1'), FORWARDER);
    await eventually(async () => expect(await types(h1)).toContain('EnsFilingLinked'));
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    await eventually(async () => expect(await consulted(m, CARRIER)).toMatchObject({ responsible_member_state: 'DE' }));
    const [masterBefore, houseBefore] = [(await types(m)).length, (await types(h1)).length];
    expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m, house_mrn: h1, house_document: 'HX-2' })).toMatchObject({ ok: false, kind: 'precondition', errorCode: 'ENS.NOT_APPLICABLE' });
    expect([(await types(m)).length, (await types(h1)).length]).toEqual([masterBefore, houseBefore]);
    expect(await types(m)).not.toContain('EnsFilingCompleted');
  }, 30_000);

  it("compares a house linked by hand with the PLACI data of the house it was linked as, under its master's key, not under its own mistyped one", async () => {
    const mawb = '176-10000126';
    const placi = await register(house('F24', 'HP-P1', mawb, 'HP-1', 99), FORWARDER);
    const m = await register(master('F21', 'HP-M', mawb, ['HP-1']), CARRIER);
    // The pre-arrival house names a mistyped master document, so its key does not match: a Member State links it.
    const stray = await register(house('F22', 'HP-H1', '176-99999126', 'HP-1'), FORWARDER);
    await keyed(stray);
    await keyed(placi);
    await eventually(async () => expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m, house_mrn: stray, house_document: 'HP-1' })).toMatchObject({ ok: true, reply: { master_state: 'complete' } }));
    await eventually(async () => expect(await types(m)).toContain('EnsConsistencyChecked'));
    expect(await dataOf(m, 'EnsConsistencyChecked')).toEqual([
      expect.objectContaining({ outcome: 'flagged', differences: [{ element: 'grossMass', houseDocument: 'HP-1', values: [{ mrn: placi, value: 99 }, { mrn: stray, value: 12.5 }] }] }),
    ]);
  }, 30_000);

  /** Each house entry of a filing in its own container, by house document. */
  const withContainers = (f: EnsFiling, byDocument: Record<string, string>): EnsFiling => ({
    ...f,
    consignmentMasterLevel: {
      ...f.consignmentMasterLevel!,
      consignmentHouseLevel: f.consignmentMasterLevel!.consignmentHouseLevel.map((x) => ({
        ...x,
        transportEquipment: [{ containerIdentificationNumber: byDocument[x.transportDocumentHouseLevel!.documentNumber] }],
      })),
    },
  });

  it('proposes a candidate for the missing house document whose own entry in the master carries its container', async () => {
    const m = await register(withContainers(master('F21', 'TD-M', '176-10000567', ['TD-1', 'TD-2']), { 'TD-1': 'MSCU1111110', 'TD-2': 'MSCU2222220' }), CARRIER);
    await eventually(async () => expect(await dataOf(m, 'EnsCompletenessPending')).toEqual([expect.objectContaining({ missing: [{ houseDocument: 'TD-1' }, { houseDocument: 'TD-2' }] })]));
    // A house naming a wrong master document, in the container the master lists for TD-2, not TD-1's.
    const stray = await register(withContainer(house('F22', 'TD-H', '176-99999567', 'TD-2'), 'MSCU2222220'), FORWARDER);
    await keyed(stray);
    await timerRunsOut();
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'TD-2', matchedOn: ['container'] })]);
  }, 30_000);

  it('proposes a candidate for the missing house whose entry shares both its container and its shipping marks', async () => {
    const marked = (marks: string) => [{ goodsItemNumber: 1, commodity: { descriptionOfGoods: 'toys' }, packaging: [{ shippingMarks: marks }] }];
    const f = withContainers(master('F21', 'TS-M', '176-10000789', ['TS-1', 'TS-2']), { 'TS-1': 'MSCU6666660', 'TS-2': 'MSCU7777770' });
    const houses = f.consignmentMasterLevel!.consignmentHouseLevel.map((x) => ({ ...x, goodsItem: marked('ACME 9') }));
    const m = await register({ ...f, consignmentMasterLevel: { ...f.consignmentMasterLevel!, consignmentHouseLevel: houses } }, CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    // Both missing houses carry its marks (compared trimmed, upper case); only TS-2 its container as well.
    const h0 = withContainer(house('F22', 'TS-H', '176-99999789', 'TS-2'), 'MSCU7777770');
    const stray = await register({ ...h0, consignmentHouseLevel: h0.consignmentHouseLevel!.map((x) => ({ ...x, goodsItem: marked(' acme 9') })) }, FORWARDER);
    await keyed(stray);
    await timerRunsOut();
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'TS-2', matchedOn: ['container', 'shipping-marks'] })]);
  }, 30_000);

  it('proposes a candidate matching only a house already filed for the first missing house document', async () => {
    const mawb = '176-10000678';
    const byDocument = { 'TF-1': 'MSCU3333330', 'TF-2': 'MSCU4444440', 'TF-3': 'MSCU5555550' };
    const m = await register(withContainers(master('F21', 'TF-M', mawb, ['TF-1', 'TF-2', 'TF-3']), byDocument), CARRIER);
    const h1 = await register(withContainer(house('F22', 'TF-H1', mawb, 'TF-1'), 'MSCU3333330'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingLinked')).toEqual([expect.objectContaining({ linkedMrn: h1 })]));
    // TF-1 is filed; this house shares its container, and no missing house's: the proposal names the first missing.
    const stray = await register(withContainer(house('F22', 'TF-H', '176-99999678', 'TF-9'), 'MSCU3333330'), FORWARDER);
    await keyed(stray);
    await timerRunsOut();
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'TF-2', matchedOn: ['container'] })]);
  }, 30_000);

  it('proposes a house carrying the master\'s container however many older unlinked houses its family holds', async () => {
    const m = await register(withContainer(master('F21', 'TB-M', '176-10000455', ['HTB-1']), 'MSCU1357913'), CARRIER);
    // The processor's row commits with its checkpoint, after the completeness note it appends: wait for the row.
    let family = '';
    await eventually(async () => {
      const { rows } = await store.pool.query<{ link_family: string }>('SELECT link_family FROM common_repository.linking_keys WHERE mrn = $1', [m]);
      expect(rows).toHaveLength(1);
      family = rows[0].link_family;
    });
    // 1,500 older houses of the same family, waiting unlinked, none with that container (the processor's own table,
    // written directly: registering them through the door would take minutes).
    const admin = new Client({ connectionString: h.db.adminUrl });
    await admin.connect();
    try {
      await admin.query(
        `INSERT INTO common_repository.linking_keys (mrn, filing_type, level, link_family, placi, master_document, carrier, house_documents, parties, houses, registered_at, timer_from)
         SELECT 'OLD' || lpad(n::text, 15, '0'), 'F22', 'house', $1, false, '176-' || lpad(n::text, 8, '0'), $2, ARRAY['OLD-' || n], '{}',
                jsonb_build_array(jsonb_build_object('houseDocument', 'OLD-' || n, 'summary', '{}'::jsonb, 'containers', jsonb_build_array('OLDU' || lpad(n::text, 7, '0')), 'shippingMarks', '[]'::jsonb)),
                timestamptz '2026-01-01' + n * interval '1 minute', timestamptz '2026-01-01' + n * interval '1 minute'
           FROM generate_series(1, 1500) AS n`,
        [family, CARRIER],
      );
      const stray = await register(withContainer(house('F22', 'TB-H', '176-99999988', 'HTB-1'), 'MSCU1357913'), FORWARDER);
      await keyed(stray);
      await timerRunsOut();
      expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'HTB-1', matchedOn: ['container'] })]);
    } finally {
      await admin.query(`DELETE FROM common_repository.linking_keys WHERE mrn LIKE 'OLD%'`);
      await admin.end();
    }
  }, 30_000);

  it('proposes a link for a house B/L that has its goods (F16) but still awaits its buyer and seller (F17)', async () => {
    const m = await register(withContainer(master('F12', 'TP-M', 'MBL-0000000077', ['HBT-1']), 'MSCU7654321'), CARRIER);
    const goods = await register(withContainer(house('F16', 'TP-H16', 'MBL-0000000077', 'HBT-1'), 'MSCU7654321'), FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingLinked')).toEqual([expect.objectContaining({ linkedMrn: goods })]));
    // The F17 names a wrong master B/L, so its key does not match, but its goods travel in the same container.
    const stray = await register(withContainer(house('F17', 'TP-H17', 'MBL-0000000099', 'HBT-1', 12.5, BUYER), 'MSCU7654321'), BUYER);
    await keyed(stray);
    await timerRunsOut();
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'HBT-1', matchedOn: ['container'] })]);
  }, 30_000);

  it('starts the linking timer again when an invalidated house reopens a master whose timer had already run', async () => {
    const mawb = '176-10000123';
    const m = await register(withContainer(master('F21', 'TR-M', mawb, ['HTR-1']), 'MSCU2468131'), CARRIER);
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    const timer = h.service.app.app.get(LinkingTimerProcessor);
    // The timer runs out with no candidate: the master is looked at once, nothing proposed.
    clock.advance(3_600_001);
    await timer.runOnce(clock.now());
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([]);
    const h1 = await register(withContainer(house('F22', 'TR-H1', mawb, 'HTR-1'), 'MSCU2468131'), FORWARDER);
    await eventually(async () => expect(await types(m)).toContain('EnsFilingCompleted'));
    await invalidate(h1, FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: h1 })]));
    // The refiled house names a wrong master document, but travels in the same container.
    const stray = await register(withContainer(house('F22', 'TR-H2', '176-99999123', 'HTR-1'), 'MSCU2468131'), FORWARDER);
    await keyed(stray);
    // The reopened master gets the whole delay again from its reopening, then proposals.
    await timer.runOnce(clock.now());
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([]);
    clock.advance(3_600_001);
    await timer.runOnce(clock.now());
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'HTR-1', matchedOn: ['container'] })]);
  }, 30_000);

  it('proposes for an arrived master that lost a house, and the Member State sees the proposal and links it by hand', async () => {
    const mawb = '176-10000125';
    const m = await register(withContainer(master('F21', 'TA-M', mawb, ['HTA-1']), 'MSCU3579135'), CARRIER);
    const h1 = await register(withContainer(house('F22', 'TA-H1', mawb, 'HTA-1'), 'MSCU3579135'), FORWARDER);
    await eventually(async () => expect(await types(m)).toContain('EnsFilingCompleted'));
    await viewed(m);
    expect(await notifyArrival(m, 'arr-ta-m')).toMatchObject({ ok: true, reply: { arrived: [m, h1] } });
    // The arrived house is invalidated (allowed until presented): the master, still arrived, misses it again.
    await invalidate(h1, FORWARDER);
    await eventually(async () => expect(await dataOf(m, 'EnsFilingUnlinked')).toEqual([expect.objectContaining({ unlinkedMrn: h1 })]));
    // The refiled house names a wrong master document, but travels in the same container.
    const stray = await register(withContainer(house('F22', 'TA-H2', '176-99999125', 'HTA-1'), 'MSCU3579135'), FORWARDER);
    await keyed(stray);
    await timerRunsOut();
    expect(await dataOf(m, 'EnsLinkProposed')).toEqual([expect.objectContaining({ candidateMrn: stray, houseDocument: 'HTA-1', matchedOn: ['container'] })]);
    type Proposals = commonRepositoryV1.ListLinkProposalsReply;
    await eventually(async () =>
      expect(await h.asMemberState<Proposals>('DE', 'ListLinkProposals', { master_mrn: m })).toMatchObject({ ok: true, reply: { proposals: [{ candidate_mrn: stray, master_state: 'arrived' }] } }),
    );
    expect(await h.asMemberState('DE', 'LinkFilings', { master_mrn: m, house_mrn: stray, house_document: 'HTA-1' })).toMatchObject({ ok: true, reply: { master_state: 'arrived' } });
    // It arrives with its master, whose ENS is complete again.
    await eventually(async () => expect(await types(stray)).toContain('EnsFilingArrived'));
    expect((await dataOf(m, 'EnsFilingCompleted')).map((d) => d.members)).toEqual([[m, h1], [m, stray]]);
  }, 30_000);

  it('proposes for every other due master and marks it done when one master fails, and looks at the failing one again next run', async () => {
    const poison = await register(withContainer(master('F21', 'TX-M1', '176-10000901', ['HTX-1']), 'MSCU9090901'), CARRIER);
    const healthy = await register(withContainer(master('F21', 'TX-M2', '176-10000902', ['HTX-2']), 'MSCU9090902'), CARRIER);
    // Two candidates for the failing master (proposed in one command, which fails), one for the other.
    const first = await register(withContainer(house('F22', 'TX-H1', '176-99999901', 'HTX-1'), 'MSCU9090901'), FORWARDER);
    const second = await register(withContainer(house('F22', 'TX-H1B', '176-99999911', 'HTX-1'), 'MSCU9090901'), FORWARDER);
    const stray = await register(withContainer(house('F22', 'TX-H2', '176-99999902', 'HTX-2'), 'MSCU9090902'), FORWARDER);
    for (const m of [poison, healthy]) await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    for (const mrn of [first, second, stray]) await keyed(mrn);
    const timerDone = async (mrn: string) => (await store.pool.query<{ timer_done: boolean }>('SELECT timer_done FROM common_repository.linking_keys WHERE mrn = $1', [mrn])).rows[0].timer_done;
    // Whether another transaction (the linking processor's, say) would have to wait for the master's row.
    const rowLocked = async (mrn: string) => {
      try {
        await store.pool.query('SELECT mrn FROM common_repository.linking_keys WHERE mrn = $1 FOR UPDATE NOWAIT', [mrn]);
        return false;
      } catch (err) {
        if ((err as { code?: string }).code === '55P03') return true;
        throw err;
      }
    };
    const proposed = async (m: string) => (await dataOf(m, 'EnsLinkProposed')).map((d) => d.candidateMrn);

    const timer = h.service.app.app.get(LinkingTimerProcessor);
    const logger = h.service.app.app.get<PlatformLogger>(PLATFORM_LOGGER);
    const logged = jest.spyOn(logger, 'error');
    const commands = h.service.app.app.select(LinkFilingsModule).get(FilingCommands, { strict: true });
    const run = commands.run.bind(commands);
    const attempts: string[][] = [];
    const lockedMeanwhile: boolean[] = [];
    // The failing master: its proposals' append throws (a conflict lost too often, the database, a bug).
    const failing = jest.spyOn(commands, 'run').mockImplementation(async (r: FilingCommandRun) => {
      if (r.mrn === poison && r.command.type === 'ProposeLinks') {
        attempts.push(r.command.data.proposals.map((p) => p.candidateMrn));
        lockedMeanwhile.push(await rowLocked(healthy));
        throw new Error('the append failed');
      }
      return run(r);
    });
    try {
      clock.advance(3_600_001);
      await timer.runOnce(clock.now());
      expect(await proposed(healthy)).toEqual([stray]);
      expect(await timerDone(healthy)).toBe(true);
      // While the timer proposed for one master, the other's row was not held.
      expect(lockedMeanwhile).toEqual([false]);
      expect(attempts).toEqual([[first, second]]);
      expect(await proposed(poison)).toEqual([]);
      expect(await timerDone(poison)).toBe(false);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ mrn: poison }), expect.any(String));

      // Still failing at the next run: looked at again, and again left to the run after; the other is done.
      attempts.length = 0;
      await timer.runOnce(clock.now());
      expect(attempts).toEqual([[first, second]]);
      expect(await timerDone(poison)).toBe(false);
      expect(await proposed(healthy)).toEqual([stray]);
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
    // The failure is gone: the master gets both proposals, once each, and is done.
    await timer.runOnce(clock.now());
    expect(await proposed(poison)).toEqual([first, second]);
    expect(await timerDone(poison)).toBe(true);
  }, 30_000);

  it("proposes all of a master's candidates, a page of LINKING_PROPOSALS_PER_APPEND (2 here) at a time: one command (one read of its stream) and one append per page", async () => {
    const m = await register(withContainer(master('F21', 'TB-M1', '176-10000951', ['HTB-1', 'HTB-2']), 'MSCU9595951'), CARRIER);
    const candidates: string[] = [];
    for (const [i, doc] of [[1, 'HTB-1'], [2, 'HTB-1'], [3, 'HTB-2']] as const) {
      candidates.push(await register(withContainer(house('F22', `TB-H${i}`, `176-9999995${i}`, doc), 'MSCU9595951'), FORWARDER));
    }
    await eventually(async () => expect(await types(m)).toContain('EnsCompletenessPending'));
    for (const mrn of candidates) await keyed(mrn);
    const commands = h.service.app.app.select(LinkFilingsModule).get(FilingCommands, { strict: true });
    const runs = jest.spyOn(commands, 'run');
    try {
      await timerRunsOut();
      expect(runs.mock.calls.filter(([r]) => r.mrn === m).map(([r]) => r.command.type)).toEqual(['ProposeLinks', 'ProposeLinks']);
    } finally {
      runs.mockRestore();
    }
    const recorded = (await store.readStream(`ens-${m}`)).filter((e) => e.type === 'EnsLinkProposed');
    expect(recorded.map((e) => (e.data as { candidateMrn: string }).candidateMrn)).toEqual(candidates);
    // One append per page, oldest candidates first: two proposals in one commit, then the third in the next.
    const appends = new Map<bigint, number>();
    for (const e of recorded) appends.set(e.position.commit, (appends.get(e.position.commit) ?? 0) + 1);
    expect([...appends.values()]).toEqual([2, 1]);
  }, 30_000);
});
