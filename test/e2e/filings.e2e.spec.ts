/**
 * The ENS lifecycle through the trader API, end to end: trader-interface's HTTP door, its gRPC call to
 * common-repository, the event store and the read models, all real, on one PostgreSQL. Every endpoint, the multiple
 * filing scenario of air cargo, the other modes, and the failure paths.
 */
import {
  airPlaciScenario,
  airPreArrivalScenario,
  eventually,
  expressFiling,
  maritimeScenario,
  maritimeTwoPartScenario,
  postalFiling,
  postalPlaciScenario,
  railFiling,
  roadFiling,
  sampleFiling,
} from '@ics2/testing';
import type { EnsFiling } from '@ics2/contracts';
import { isMrn } from '@ics2/domain';
import { startStack, type Stack, type TraderAgent } from '../support/stack-harness';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321000';
const FORWARDER = 'FR55555555500';

describe('filings through the trader API', () => {
  let stack: Stack;
  let declarant: TraderAgent;
  let carrier: TraderAgent;
  let forwarder: TraderAgent;
  let stranger: TraderAgent;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_filings' });
    [declarant, carrier, forwarder, stranger] = await Promise.all([DECLARANT, CARRIER, FORWARDER, 'IT99999999999'].map((e) => stack.trader(e)));
  }, 60_000);
  afterAll(() => stack?.close());

  const eventCount = async (): Promise<number> => {
    const admin = await stack.db.admin();
    return (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  };
  const lodge = async (agent: TraderAgent, filing: EnsFiling): Promise<string> => {
    const res = await agent.post('/v1/filings', filing);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.mrn as string;
  };
  const stateOf = async (agent: TraderAgent, mrn: string) => (await agent.get(`/v1/filings/${mrn}`)).body as { state?: string; consistency?: string; linkedFilings?: { mrn: string; state: string }[] };

  describe('POST /v1/filings (IE3Fxx)', () => {
    it('registers a complete air filing: 201 IE3R01 with a valid MRN; consultation shows it complete', async () => {
      const filing = sampleFiling('F20', { seed: 101, declarant: DECLARANT });
      const res = await declarant.post('/v1/filings', filing);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ messageType: 'IE3R01', lrn: filing.lrn, specificCircumstanceIndicator: 'F20', declarant: DECLARANT });
      expect(isMrn(res.body.mrn)).toBe(true);
      await eventually(async () => expect(await stateOf(declarant, res.body.mrn)).toMatchObject({ state: 'complete' }));
      const consulted = await declarant.get(`/v1/filings/${res.body.mrn}`);
      expect(consulted.status).toBe(200);
      expect(consulted.body).toMatchObject({ messageType: 'IE3R08', mrn: res.body.mrn, filing });
    });

    it('answers the same filing again with the same MRN (200) and writes nothing', async () => {
      const filing = sampleFiling('F20', { seed: 102, declarant: DECLARANT });
      const first = await declarant.post('/v1/filings', filing);
      await stack.settled();
      const before = await eventCount();
      const again = await declarant.post('/v1/filings', filing);
      expect(again.status).toBe(200);
      expect(again.body.mrn).toBe(first.body.mrn);
      expect(await eventCount()).toBe(before);
    });

    it('reads a filing sent under a JSON media type with a +json suffix, as the door admits it: 201 IE3R01', async () => {
      const filing = sampleFiling('F20', { seed: 104, declarant: DECLARANT });
      const res = await declarant.post('/v1/filings', JSON.stringify(filing), { 'content-type': 'application/vnd.ics2.ens+json; charset=utf-8' });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201, body: { messageType: 'IE3R01', lrn: filing.lrn } });
    });

    it('refuses another body under the same LRN: 409 IE3N01, code X02 at /lrn, nothing written', async () => {
      const filing = sampleFiling('F20', { seed: 103, declarant: DECLARANT });
      await declarant.post('/v1/filings', filing);
      await stack.settled();
      const before = await eventCount();
      const other = await declarant.post('/v1/filings', { ...filing, declarant: { ...filing.declarant, name: 'Another Name GmbH' } });
      expect(other.status).toBe(409);
      expect(other.body).toMatchObject({ messageType: 'IE3N01', errors: [{ validationCode: 'X02', pointer: '/lrn' }] });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('air cargo, multiple filing: PLACI F23 + F24, then pre-arrival F21 + F22', () => {
    it('links, completes and checks consistency, and each party sees its own filings', async () => {
      const placi = airPlaciScenario({ seed: 200, houses: 2, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [FORWARDER, FORWARDER] });
      const masterMrn = await lodge(carrier, placi.master);
      await eventually(async () => expect(await stateOf(carrier, masterMrn)).toMatchObject({ state: 'pending-completeness' }));
      const houseMrns: string[] = [];
      for (const house of placi.houses) houseMrns.push(await lodge(forwarder, house));
      await eventually(async () => expect(await stateOf(carrier, masterMrn)).toMatchObject({ state: 'complete', consistency: 'ok' }));
      const master = await stateOf(carrier, masterMrn);
      expect(master.linkedFilings?.map((l) => l.mrn).sort()).toEqual([...houseMrns].sort());

      const pre = airPreArrivalScenario({ seed: 201, placi, carrier: CARRIER, declarant: CARRIER, expectedHouseFilers: [FORWARDER, FORWARDER] });
      const preMaster = await lodge(carrier, pre.master);
      for (const house of pre.houses) await lodge(forwarder, house);
      await eventually(async () => expect(await stateOf(carrier, preMaster)).toMatchObject({ state: 'complete', consistency: 'ok' }));
      // The forwarder sees its houses; the stranger sees nothing.
      expect((await forwarder.get(`/v1/filings/${houseMrns[0]}`)).status).toBe(200);
      expect((await stranger.get(`/v1/filings/${houseMrns[0]}`)).status).toBe(404);
    }, 60_000);
  });

  describe('other modes', () => {
    it.each([
      ['maritime (F12 master + F15 houses)', () => maritimeScenario({ seed: 300, houses: 2, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER, FORWARDER] })],
      ['postal PLACI (F44 + F43)', () => postalPlaciScenario({ seed: 301, houses: 1, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER] })],
    ])('%s: linked into a complete ENS', async (_what, scenario) => {
      const { master, houses } = scenario();
      const masterMrn = await lodge(carrier, master);
      for (const house of houses) await lodge(forwarder, house);
      await eventually(async () => expect(await stateOf(carrier, masterMrn)).toMatchObject({ state: 'complete' }));
    }, 30_000);

    it('maritime, each house B/L in two parts (F12 + F16 + F17): complete only once the buyer and seller are in', async () => {
      const { master, houses, buyerAndSeller } = maritimeTwoPartScenario({ seed: 302, houses: 2, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER, FORWARDER] });
      const masterMrn = await lodge(carrier, master);
      const goods: string[] = [];
      for (const house of houses) goods.push(await lodge(forwarder, house));
      await eventually(async () => expect((await stateOf(carrier, masterMrn)).linkedFilings?.map((l) => l.mrn).sort()).toEqual([...goods].sort()));
      expect(await stateOf(carrier, masterMrn)).toMatchObject({ state: 'pending-completeness' });
      const parties: string[] = [];
      for (const f17 of buyerAndSeller) parties.push(await lodge(forwarder, f17));
      await eventually(async () => expect(await stateOf(carrier, masterMrn)).toMatchObject({ state: 'complete', consistency: 'ok' }));
      expect((await stateOf(carrier, masterMrn)).linkedFilings?.map((l) => l.mrn).sort()).toEqual([...goods, ...parties].sort());
      for (const mrn of parties) expect(await stateOf(forwarder, mrn)).toMatchObject({ state: 'complete' });
    }, 30_000);

    it.each([
      ['postal complete (F40)', () => postalFiling({ seed: 310, declarant: DECLARANT })],
      ['express complete (F30)', () => expressFiling({ seed: 311, declarant: DECLARANT })],
      ['road (F50)', () => roadFiling({ seed: 312, declarant: DECLARANT })],
      ['rail (F51)', () => railFiling({ seed: 313, declarant: DECLARANT })],
      ['maritime complete (F10)', () => sampleFiling('F10', { seed: 314, declarant: DECLARANT })],
    ])('%s: registered and complete on its own', async (_what, make) => {
      const mrn = await lodge(declarant, make());
      await eventually(async () => expect(await stateOf(declarant, mrn)).toMatchObject({ state: 'complete' }));
    });
  });
});
