/**
 * Isolation at the trader door: operator B tries every endpoint on operator A's filing and gets exactly what an
 * unknown MRN gets; the carrier a filing names may see it but not act as its filer. Nothing B does writes anything.
 */
import { eventually, formatMrnForTest, sampleFiling } from '../support/isolation-fixtures';
import { withFirstConsigneeName } from '../support/e2e-filings';
import { startStack, type Stack, type TraderAgent } from '../support/stack-harness';

const A = 'DE111111111111111';
const B = 'NL222222222222';
const CARRIER = 'LU333333333333';

describe('operator isolation', () => {
  let stack: Stack;
  let a: TraderAgent;
  let b: TraderAgent;
  let carrier: TraderAgent;
  let mrn: string;
  let unknown: string;
  let filing: ReturnType<typeof sampleFiling>;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_isolation' });
    [a, b, carrier] = await Promise.all([A, B, CARRIER].map((e) => stack.trader(e)));
    filing = sampleFiling('F20', { seed: 900, declarant: A, carrier: CARRIER, masterDocument: '176-90000011' });
    mrn = (await a.post('/v1/filings', filing)).body.mrn;
    unknown = formatMrnForTest(mrn);
    await eventually(async () => expect((await a.get(`/v1/filings/${mrn}`)).status).toBe(200));
    await eventually(async () => expect((await a.get('/v1/notifications')).body.items.length).toBeGreaterThan(0));
  }, 60_000);
  afterAll(() => stack?.close());

  const eventCount = async () => {
    const admin = await stack.db.admin();
    return (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  };
  const office = () => filing.customsOfficeOfFirstEntry.referenceNumber;
  const bAsDeclarant = () => ({ ...filing, declarant: { ...filing.declarant, identificationNumber: B } });

  // Each endpoint as B on A's filing, and on an MRN that names nothing: the answers must be the same.
  const attempts: [string, (target: string) => Promise<{ status: number; body: unknown }>][] = [
    ['GET /v1/filings/{mrn}', (target) => b.get(`/v1/filings/${target}`)],
    ['POST /v1/filings/{mrn}/amendments', (target) => b.post(`/v1/filings/${target}/amendments`, bAsDeclarant())],
    ['POST /v1/filings/{mrn}/invalidation', (target) => b.post(`/v1/filings/${target}/invalidation`)],
    ['POST /v1/arrivals', (target) => b.post('/v1/arrivals', { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: office() }, mrns: [target] })],
  ];

  it.each(attempts)('%s on A\'s filing answers B exactly as for an unknown MRN, and writes nothing', async (_door, attempt) => {
    await stack.settled();
    const before = await eventCount();
    const theirs = await attempt(mrn);
    const nobodys = await attempt(unknown);
    expect([404, 409]).toContain(theirs.status);
    const strip = (r: { status: number; body: unknown }) => {
      const { correlationId: _ignored, ...body } = r.body as Record<string, unknown>;
      return { status: r.status, body: JSON.parse(JSON.stringify(body).split(mrn).join('<mrn>').split(unknown).join('<mrn>')) as unknown };
    };
    expect(strip(theirs)).toEqual(strip(nobodys));
    expect(await eventCount()).toBe(before);
  });

  it('after A amended and invalidated its filing, B re-sending the same messages gets 404, not A\'s answers', async () => {
    const own = sampleFiling('F20', { seed: 901, declarant: A, carrier: CARRIER, masterDocument: '176-90000022' });
    const target = (await a.post('/v1/filings', own)).body.mrn as string;
    await eventually(async () => expect((await a.get(`/v1/filings/${target}`)).status).toBe(200));
    const amended = withFirstConsigneeName(own, 'Marta Nowak-Kowalska');
    const mine = await a.post(`/v1/filings/${target}/amendments`, amended, { 'idempotency-key': 'iso-901' });
    expect(mine.status).toBe(200);
    expect((await a.post(`/v1/filings/${target}/invalidation`)).status).toBe(200);
    await stack.settled();
    const before = await eventCount();
    // The same Idempotency-Key, and the very request A sent: a message id is A's, never a way to read A's answers.
    const asB = { ...amended, declarant: { ...amended.declarant, identificationNumber: B } };
    const amendAgain = await b.post(`/v1/filings/${target}/amendments`, asB, { 'idempotency-key': 'iso-901' });
    const invalidateAgain = await b.post(`/v1/filings/${target}/invalidation`);
    expect([amendAgain.status, invalidateAgain.status]).toEqual([404, 404]);
    expect(JSON.stringify([amendAgain.body, invalidateAgain.body])).not.toContain(own.lrn);
    expect(await eventCount()).toBe(before);
  });

  it('GET /v1/filings?transportDocument finds none of A\'s filings for B', async () => {
    expect((await b.get('/v1/filings?transportDocument=176-90000011')).body).toEqual({ messageType: 'IE3R08', filings: [] });
    expect((await a.get('/v1/filings?transportDocument=176-90000011')).body.filings).toHaveLength(1);
  });

  it('GET /v1/notifications shows B none of A\'s notifications', async () => {
    expect((await b.get('/v1/notifications')).body).toEqual({ items: [], next: expect.any(String) });
    expect((await a.get('/v1/notifications')).body.items.map((i: { mrn: string }) => i.mrn)).toContain(mrn);
  });

  it('lets the carrier the filing names see it, but not amend or invalidate it as if it were the filer', async () => {
    expect((await carrier.get(`/v1/filings/${mrn}`)).status).toBe(200);
    const asCarrier = { ...filing, declarant: { ...filing.declarant, identificationNumber: CARRIER } };
    expect((await carrier.post(`/v1/filings/${mrn}/amendments`, asCarrier)).status).toBe(404);
    expect((await carrier.post(`/v1/filings/${mrn}/invalidation`)).status).toBe(404);
  });
});
