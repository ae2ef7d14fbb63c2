/**
 * The rest of the trader API end to end, with what the operators' inboxes receive: consultation by transport
 * document, amendment (IE3N10 / IE3N01), invalidation (IE3R07 / IE3N01), arrival (IE3R04 + IE3N07), pending
 * completeness (IE3N02 to filer and carrier, IE3N11 to the expected house filer), and concurrency at the door.
 */
import { airPlaciScenario, airPreArrivalScenario, bearer, eventually, grpcClient, sampleFiling } from '@ics2/testing';
import { isMrn } from '@ics2/domain';
import { commonRepositoryV1, type EnsFiling } from '@ics2/contracts';
import { withFirstConsigneeName } from '../support/e2e-filings';
import { startStack, type Stack, type TraderAgent } from '../support/stack-harness';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321000';
const FORWARDER = 'FR55555555500';

interface Item {
  messageType: string;
  mrn: string;
  lrn: string | null;
  payload: Record<string, unknown>;
  cursor: string;
}

describe('filing lifecycle through the trader API', () => {
  let stack: Stack;
  let declarant: TraderAgent;
  let carrier: TraderAgent;
  let forwarder: TraderAgent;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_life' });
    [declarant, carrier, forwarder] = await Promise.all([DECLARANT, CARRIER, FORWARDER].map((e) => stack.trader(e)));
  }, 60_000);
  afterAll(() => stack?.close());

  const inbox = async (agent: TraderAgent): Promise<Item[]> => (await agent.get('/v1/notifications?limit=500')).body.items as Item[];
  const inboxOf = async (agent: TraderAgent, mrn: string, messageType: string) => (await inbox(agent)).filter((i) => i.mrn === mrn && i.messageType === messageType);
  const lodge = async (agent: TraderAgent, filing: EnsFiling) => {
    const res = await agent.post('/v1/filings', filing);
    expect(res.status).toBe(201);
    await eventually(async () => expect((await agent.get(`/v1/filings/${res.body.mrn}`)).status).toBe(200));
    return res.body.mrn as string;
  };
  const eventCount = async () => {
    const admin = await stack.db.admin();
    return (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  };

  it('registers, then IE3R01 reaches the person filing; consultation by transport document finds it', async () => {
    const filing = sampleFiling('F20', { seed: 501, declarant: DECLARANT, masterDocument: '176-50100011' });
    const mrn = await lodge(declarant, filing);
    await eventually(async () => expect(await inboxOf(declarant, mrn, 'IE3R01')).toEqual([expect.objectContaining({ lrn: filing.lrn, payload: expect.objectContaining({ mrn }) })]));
    const found = await declarant.get('/v1/filings?transportDocument=176-50100011');
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ messageType: 'IE3R08', filings: [expect.objectContaining({ mrn, matchedDocument: 'master' })] });
    const missing = await declarant.get('/v1/filings');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X01', pointer: '/transportDocument' }] });
    // Given twice it is not missing: 12, as for the inbox's parameters.
    const repeated = await declarant.get('/v1/filings?transportDocument=176-50100011&transportDocument=176-50100011');
    expect(repeated.status).toBe(400);
    expect(repeated.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer: '/transportDocument' }] });
  });

  it('refuses a transport document holding a character no filing may carry (400 IE3N99, 102 at /transportDocument), not as a failure to retry', async () => {
    await stack.settled();
    const count = await eventCount();
    for (const doc of ['176-501%0000011', '176-501%0700011', encodeURIComponent('176-501\u{1F600}')]) {
      const res = await declarant.get(`/v1/filings?transportDocument=${doc}`);
      expect({ doc, status: res.status, body: res.body }).toMatchObject({ doc, status: 400, body: { messageType: 'IE3N99', errors: [{ validationCode: '102', pointer: '/transportDocument' }] } });
    }
    expect(await eventCount()).toBe(count);
  });

  it('amends (200 IE3N10, notified), refuses a protected change (409 IE3N01, notified), and a re-sent amendment writes nothing', async () => {
    const filing = sampleFiling('F20', { seed: 502, declarant: DECLARANT });
    const mrn = await lodge(declarant, filing);
    const amended = withFirstConsigneeName(filing, 'Marta Nowak-Kowalska');
    const ok = await declarant.post(`/v1/filings/${mrn}/amendments`, amended, { 'idempotency-key': 'amd-502' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ messageType: 'IE3N10', mrn, changed: ['/consignmentMasterLevel/consignmentHouseLevel/0/consignee/name'] });
    await stack.settled();
    const count = await eventCount();
    expect((await declarant.post(`/v1/filings/${mrn}/amendments`, amended, { 'idempotency-key': 'amd-502' })).status).toBe(200);
    expect(await eventCount()).toBe(count);
    const protectedChange = await declarant.post(`/v1/filings/${mrn}/amendments`, { ...amended, customsOfficeOfFirstEntry: { referenceNumber: 'FR000730' } });
    expect(protectedChange.status).toBe(409);
    expect(protectedChange.body).toMatchObject({ messageType: 'IE3N01', errors: [{ validationCode: 'X04', pointer: '/customsOfficeOfFirstEntry/referenceNumber' }] });
    await eventually(async () => {
      expect(await inboxOf(declarant, mrn, 'IE3N10')).toHaveLength(1);
      expect(await inboxOf(declarant, mrn, 'IE3N01')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ errors: [expect.objectContaining({ validationCode: 'X04' })] }) })]);
    });
  });

  it('answers an amendment or arrival re-sent without Idempotency-Key, its members in another order, as the first time (200), writing nothing', async () => {
    const filing = sampleFiling('F20', { seed: 510, declarant: DECLARANT, carrier: DECLARANT });
    const mrn = await lodge(declarant, filing);
    const reversed = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).reverse()));
    const amended = withFirstConsigneeName(filing, 'Jana Novakova');
    const amendment = await declarant.post(`/v1/filings/${mrn}/amendments`, amended);
    expect(amendment.status).toBe(200);
    const notification = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: filing.customsOfficeOfFirstEntry.referenceNumber }, mrns: [mrn] };
    const arrival = await declarant.post('/v1/arrivals', notification);
    expect(arrival.status).toBe(201);
    await stack.settled();
    const count = await eventCount();
    const amendedAgain = await declarant.post(`/v1/filings/${mrn}/amendments`, reversed(amended), { 'content-type': 'application/json' });
    expect({ status: amendedAgain.status, body: amendedAgain.body }).toEqual({ status: 200, body: amendment.body });
    const arrivedAgain = await declarant.post('/v1/arrivals', reversed(notification), { 'content-type': 'application/json' });
    expect({ status: arrivedAgain.status, body: arrivedAgain.body }).toEqual({ status: 200, body: arrival.body });
    await stack.settled();
    expect(await eventCount()).toBe(count);
  });

  it('refuses an Idempotency-Key used for another message (409 IE3N01, X11) or not a plain id (400, 12 at the header), sending nothing on; with its own message it still gets the first answer', async () => {
    const filing = sampleFiling('F20', { seed: 511, declarant: DECLARANT, carrier: DECLARANT });
    const mrn = await lodge(declarant, filing);
    const first = await declarant.post(`/v1/filings/${mrn}/amendments`, withFirstConsigneeName(filing, 'Jana Novakova'), { 'idempotency-key': 'msg-511' });
    expect(first.status).toBe(200);
    await stack.settled();
    const count = await eventCount();
    // A second amendment and an arrival under the same key: each was answered with the first amendment's IE3N10 and dropped.
    const notification = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: filing.customsOfficeOfFirstEntry.referenceNumber }, mrns: [mrn] };
    for (const [path, body] of [
      [`/v1/filings/${mrn}/amendments`, withFirstConsigneeName(filing, 'Petra Svobodova')],
      ['/v1/arrivals', notification],
    ] as const) {
      const reused = await declarant.post(path, body, { 'idempotency-key': 'msg-511' });
      expect({ path, status: reused.status, body: reused.body }).toMatchObject({ path, status: 409, body: { messageType: 'IE3N01', errors: [{ validationCode: 'X11', pointer: '/headers/idempotency-key' }] } });
    }
    // A key that is not a plain id is refused where it is, the header.
    const unusable = await declarant.post(`/v1/filings/${mrn}/amendments`, withFirstConsigneeName(filing, 'Petra Svobodova'), { 'idempotency-key': 'msg 511' });
    expect({ status: unusable.status, body: unusable.body }).toMatchObject({ status: 400, body: { messageType: 'IE3N99', errors: [{ validationCode: '12', pointer: '/headers/idempotency-key' }] } });
    const again = await declarant.post(`/v1/filings/${mrn}/amendments`, withFirstConsigneeName(filing, 'Jana Novakova'), { 'idempotency-key': 'msg-511' });
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
    await stack.settled();
    expect(await eventCount()).toBe(count);
    expect((await declarant.get(`/v1/filings/${mrn}`)).body.state).toBe('complete');
    // A key is its sender's: another operator's message under it is that operator's own (here: not found).
    expect((await forwarder.post(`/v1/filings/${mrn}/amendments`, { ...filing, declarant: { ...filing.declarant, identificationNumber: FORWARDER } }, { 'idempotency-key': 'msg-511' })).status).toBe(404);
  });

  it('notifies arrival (201 IE3R04 with its own MRN, IE3N07 for an invalidated filing) and refuses invalidation after it is presented', async () => {
    const a = sampleFiling('F20', { seed: 503, declarant: CARRIER, carrier: CARRIER });
    const b = sampleFiling('F20', { seed: 504, declarant: CARRIER, carrier: CARRIER });
    const [mrnA, mrnB] = [await lodge(carrier, a), await lodge(carrier, b)];
    const invalidated = await carrier.post(`/v1/filings/${mrnB}/invalidation`, { reason: 'shipment cancelled' });
    expect(invalidated.status).toBe(200);
    expect(invalidated.body).toMatchObject({ messageType: 'IE3R07', mrn: mrnB });
    await eventually(async () => expect((await carrier.get(`/v1/filings/${mrnB}`)).body.state).toBe('invalidated'));
    const office = a.customsOfficeOfFirstEntry.referenceNumber;
    const arrival = await carrier.post('/v1/arrivals', { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: office }, mrns: [mrnA, mrnB] });
    expect(arrival.status).toBe(201);
    expect(arrival.body).toMatchObject({ messageType: 'IE3R04', arrived: [mrnA], incorrectState: [{ messageType: 'IE3N07', mrn: mrnB, errors: [{ validationCode: '92' }] }] });
    // A valid MRN of its own, with the arrival registration's procedure letter rather than the ENS's T.
    expect(isMrn(arrival.body.arrivalMrn)).toBe(true);
    expect(arrival.body.arrivalMrn[16]).toBe('N');
    await eventually(async () => {
      expect((await inbox(carrier)).filter((i) => i.messageType === 'IE3R04')).toEqual([expect.objectContaining({ mrn: arrival.body.arrivalMrn })]);
      expect(await inboxOf(carrier, mrnB, 'IE3N07')).toHaveLength(1);
      expect(await inboxOf(carrier, mrnB, 'IE3R07')).toHaveLength(1);
    });
    // The Member State of presentation records it over gRPC; the trader can then no longer invalidate.
    const client = grpcClient(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, stack.commonRepository.app.grpcAddress);
    const msToken = await stack.commonRepository.token({ role: 'member-state', ms: office.slice(0, 2), userId: 'officer-1' });
    expect(await client.call('RecordPresentation', { mrn: mrnA, office }, bearer(msToken))).toMatchObject({ ok: true, reply: { state: 'presented' } });
    client.close();
    const late = await carrier.post(`/v1/filings/${mrnA}/invalidation`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ messageType: 'IE3N01', errors: [{ validationCode: '92' }] });
  });

  it('refuses an invalidation whose body is not a JSON object (415 another media type, 400 an array), writing nothing; the filing stays valid', async () => {
    const mrn = await lodge(declarant, sampleFiling('F20', { seed: 509, declarant: DECLARANT }));
    await stack.settled();
    const count = await eventCount();
    // Read as "no body" (nothing parsed, or nothing in it), each was an invalidation without the reason it sent.
    const form = await declarant.post(`/v1/filings/${mrn}/invalidation`, 'reason=cancelled', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X06', pointer: '' }] });
    const text = await declarant.post(`/v1/filings/${mrn}/invalidation`, 'cancelled', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const array = await declarant.post(`/v1/filings/${mrn}/invalidation`, '[]', { 'content-type': 'application/json' });
    expect(array.status).toBe(400);
    expect(array.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X06', pointer: '' }] });
    await stack.settled();
    expect(await eventCount()).toBe(count);
    expect((await declarant.get(`/v1/filings/${mrn}`)).body.state).toBe('complete');
    // Without a body, it is an invalidation without a reason.
    expect((await declarant.post(`/v1/filings/${mrn}/invalidation`)).status).toBe(200);
  });

  it("refuses to invalidate a house once its master is presented (409 IE3N01, 92), as for a presented filing, and the ENS keeps it", async () => {
    const pre = airPreArrivalScenario({ seed: 508, houses: 1, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER] });
    const master = await lodge(carrier, pre.master);
    const house = await lodge(forwarder, pre.houses[0]);
    await eventually(async () => expect((await carrier.get(`/v1/filings/${master}`)).body.state).toBe('complete'));
    const office = pre.master.customsOfficeOfFirstEntry.referenceNumber;
    expect((await carrier.post('/v1/arrivals', { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: office }, mrns: [master] })).status).toBe(201);
    const client = grpcClient(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, stack.commonRepository.app.grpcAddress);
    const msToken = await stack.commonRepository.token({ role: 'member-state', ms: office.slice(0, 2), userId: 'officer-1' });
    expect(await client.call('RecordPresentation', { mrn: master, office }, bearer(msToken))).toMatchObject({ ok: true, reply: { state: 'presented' } });
    client.close();
    const refused = await forwarder.post(`/v1/filings/${house}/invalidation`, { reason: 'refiled' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ messageType: 'IE3N01', mrn: house, errors: [{ validationCode: '92', pointer: '' }] });
    await eventually(async () => expect(await inboxOf(forwarder, house, 'IE3N01')).toHaveLength(1));
    expect(await inboxOf(forwarder, house, 'IE3R07')).toEqual([]);
    expect((await forwarder.get(`/v1/filings/${house}`)).body.state).not.toBe('invalidated');
    expect((await carrier.get(`/v1/filings/${master}`)).body.linkedFilings).toEqual([expect.objectContaining({ mrn: house })]);
  }, 60_000);

  it('shows in IE3R08 that part of the ENS was presented: a house its presented master, a master its presented house', async () => {
    const office = (f: EnsFiling) => f.customsOfficeOfFirstEntry.referenceNumber;
    const client = grpcClient(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, stack.commonRepository.app.grpcAddress);
    const presentAfterArrival = async (head: string, presentedMrn: string, at: string) => {
      expect((await carrier.post('/v1/arrivals', { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: at }, mrns: [head] })).status).toBe(201);
      const msToken = await stack.commonRepository.token({ role: 'member-state', ms: at.slice(0, 2), userId: 'officer-1' });
      const presented = await client.call<commonRepositoryV1.RecordPresentationReply>('RecordPresentation', { mrn: presentedMrn, office: at }, bearer(msToken));
      expect(presented).toMatchObject({ ok: true, reply: { state: 'presented' } });
      return (presented.ok && presented.reply.presented_at) as string;
    };
    try {
      // The master is presented: its house, still arrived itself, says it was presented with that master.
      const one = airPreArrivalScenario({ seed: 509, houses: 1, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER] });
      const master = await lodge(carrier, one.master);
      const house = await lodge(forwarder, one.houses[0]);
      await eventually(async () => expect((await carrier.get(`/v1/filings/${master}`)).body.state).toBe('complete'));
      const presentedAt = await presentAfterArrival(master, master, office(one.master));
      await eventually(async () =>
        expect((await forwarder.get(`/v1/filings/${house}`)).body).toMatchObject({ state: 'arrived', ensPresentation: { mrn: master, level: 'master', presentedAt } }),
      );
      expect((await carrier.get(`/v1/filings/${master}`)).body).toMatchObject({ state: 'presented', presentedAt });
      expect((await carrier.get(`/v1/filings/${master}`)).body).not.toHaveProperty('ensPresentation');

      // A house is presented by its own MRN: its master says one of its houses was.
      const two = airPreArrivalScenario({ seed: 510, houses: 1, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER] });
      const master2 = await lodge(carrier, two.master);
      const house2 = await lodge(forwarder, two.houses[0]);
      await eventually(async () => expect((await carrier.get(`/v1/filings/${master2}`)).body.state).toBe('complete'));
      const housePresentedAt = await presentAfterArrival(master2, house2, office(two.master));
      await eventually(async () =>
        expect((await carrier.get(`/v1/filings/${master2}`)).body).toMatchObject({ state: 'arrived', ensPresentation: { mrn: house2, level: 'house', presentedAt: housePresentedAt } }),
      );
      expect((await forwarder.get(`/v1/filings/${house2}`)).body).not.toHaveProperty('ensPresentation');
    } finally {
      client.close();
    }
  }, 60_000);

  it('tells the filer and carrier the ENS is pending (IE3N02) and the expected house filer it must file (IE3N11)', async () => {
    const placi = airPlaciScenario({ seed: 505, houses: 1, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER] });
    const mrn = await lodge(carrier, placi.master);
    await eventually(async () => {
      expect(await inboxOf(carrier, mrn, 'IE3N02')).toHaveLength(1);
      expect(await inboxOf(forwarder, mrn, 'IE3N11')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ missing: expect.any(Array) }) })]);
    });
  });

  it('tells them again once a house is invalidated and the ENS is pending completeness again (IE3N02, IE3N11 naming that house)', async () => {
    const placi = airPlaciScenario({ seed: 507, houses: 2, declarant: CARRIER, carrier: CARRIER, expectedHouseFilers: [FORWARDER, FORWARDER] });
    const mrn = await lodge(carrier, placi.master);
    const houses = [];
    for (const house of placi.houses) houses.push(await lodge(forwarder, house));
    await eventually(async () => expect((await carrier.get(`/v1/filings/${mrn}`)).body.state).toBe('complete'));
    expect((await forwarder.post(`/v1/filings/${houses[0]}/invalidation`, { reason: 'refiled' })).status).toBe(200);
    const invalidatedDocument = placi.houses[0].consignmentHouseLevel![0].transportDocumentHouseLevel!.documentNumber;
    await eventually(async () => {
      expect((await carrier.get(`/v1/filings/${mrn}`)).body.state).toBe('pending-completeness');
      const n02 = await inboxOf(carrier, mrn, 'IE3N02');
      expect(n02).toHaveLength(2);
      const n11 = await inboxOf(forwarder, mrn, 'IE3N11');
      expect(n11).toHaveLength(2);
      expect(n02[1].payload).toMatchObject({ missing: [{ houseDocument: invalidatedDocument, expectedFiler: FORWARDER }] });
      expect(n11[1].payload).toMatchObject({ missing: [{ houseDocument: invalidatedDocument }] });
    });
  }, 60_000);

  it('gives the same filing sent 50 times at once one MRN and one registration; 1,000 distinct filings 1,000 valid MRNs', async () => {
    const filing = sampleFiling('F20', { seed: 506, declarant: DECLARANT });
    const same = await Promise.all(Array.from({ length: 50 }, () => declarant.post('/v1/filings', filing)));
    expect(new Set(same.map((r) => r.body.mrn)).size).toBe(1);
    expect(same.map((r) => r.status).sort()).toEqual([...Array(49).fill(200), 201]);
    const distinct = [];
    for (let batch = 0; batch < 10; batch++) {
      distinct.push(...(await Promise.all(Array.from({ length: 100 }, (_, i) => declarant.post('/v1/filings', sampleFiling('F22', { seed: 10_000 + batch * 100 + i, declarant: DECLARANT }))))));
    }
    const mrns = distinct.map((r) => (r.status === 201 ? (r.body.mrn as string) : `status ${r.status}: ${JSON.stringify(r.body)}`));
    expect(new Set(mrns).size).toBe(1_000);
    expect(mrns.every(isMrn)).toBe(true);
  }, 180_000);
});
