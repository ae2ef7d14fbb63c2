/**
 * FilingService.RegisterFiling through a real gRPC client on a real PostgreSQL: IE3R01 with a valid MRN, the
 * registration recorded once, a re-sent filing answered with its first MRN, LRN reuse and strangers refused with
 * nothing written, and the concurrency the issue asks for.
 */
import { isMrn } from '@ics2/domain';
import { ensStream, PostgresEventStore } from '@ics2/event-store';
import type { commonRepositoryV1 } from '@ics2/contracts';
import { minimalFiling, sampleFiling } from '@ics2/testing';
import { startCommonRepository, type CommonRepositoryHarness } from '../common-repository.test-harness';

const DECLARANT = 'DE123456789012345';
type Reply = commonRepositoryV1.RegisterFilingReply;

describe('register-filing', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_register' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const register = (filing: object, eori = DECLARANT) => h.asTrader<Reply>(eori, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
  // Counted directly: readAll stops below the cluster's oldest running transaction, which other suites hold open.
  const logPosition = async () => (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;

  it('registers a filing under a new MRN (IE3R01) with its responsible Member State', async () => {
    const result = await register(minimalFiling({ type: 'F20', lrn: 'REG-1', routing: ['CN', 'NL', 'DE'] }));
    expect(result).toMatchObject({ ok: true, reply: { message_type: 'IE3R01', lrn: 'REG-1', replayed: false, responsible_member_state: 'DE', declarant: DECLARANT, errors: [] } });
    const reply = (result as { reply: Reply }).reply;
    expect(isMrn(reply.mrn)).toBe(true);
    expect(reply.mrn.slice(2, 4)).toBe('DE');
    const events = await store.readStream(ensStream(reply.mrn));
    expect(events.map((e) => e.type)).toEqual(['EnsFilingRegistered', 'EnsResponsibilityAssigned', 'EnsFilingCompleted', 'EnsFilingCompleted']);
    expect(events[0].metadata).toMatchObject({ correlationId: reply.mrn, actor: { kind: 'trader', eori: DECLARANT } });
  });

  it('answers a re-sent filing with its first MRN and writes nothing', async () => {
    const filing = minimalFiling({ type: 'F20', lrn: 'REG-2' });
    const first = (await register(filing)) as { reply: Reply };
    await h.service.settled();
    const before = await logPosition();
    const again = await register(filing);
    expect(again).toMatchObject({ ok: true, reply: { mrn: first.reply.mrn, replayed: true, registered_at: first.reply.registered_at } });
    expect(await logPosition()).toBe(before);
  });

  it('refuses the same LRN with another body (X02) and writes nothing', async () => {
    await register(minimalFiling({ type: 'F20', lrn: 'REG-3' }));
    await h.service.settled();
    const before = await logPosition();
    const other = await register(minimalFiling({ type: 'F20', lrn: 'REG-3', grossMass: 99 }));
    expect(other).toMatchObject({ ok: false, kind: 'conflict', errorCode: 'X02', details: [{ validationCode: 'X02', pointer: '/lrn' }] });
    expect(await logPosition()).toBe(before);
  });

  it('refuses a sender who is neither declarant nor representative (X03), and junk, writing nothing', async () => {
    await h.service.settled();
    const before = await logPosition();
    expect(await register(minimalFiling({ lrn: 'REG-4' }), 'FR999999999')).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X03' }] });
    expect(await h.asTrader(DECLARANT, 'RegisterFiling', { filing_json: '{"lrn":' })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X06' }] });
    expect(await logPosition()).toBe(before);
  });

  it('refuses a house-level filing whose houses name two master documents (12), writing nothing: a filing has one linking key', async () => {
    const filing = minimalFiling({ type: 'F22', lrn: 'REG-2M', houses: ['H-1', 'H-2'] });
    const [first, second] = filing.consignmentHouseLevel!;
    const twoMasters = { ...filing, consignmentHouseLevel: [first, { ...second, transportDocumentMasterLevel: { documentNumber: '176-99999990', type: 'N741' } }] };
    await h.service.settled();
    const before = await logPosition();
    expect(await register(twoMasters)).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ validationCode: '12', pointer: '/consignmentHouseLevel/1/transportDocumentMasterLevel/documentNumber' }],
    });
    expect(await logPosition()).toBe(before);
  });

  it('refuses callers without a token or with another role', async () => {
    expect(await h.client.call('RegisterFiling', { filing_json: '{}' })).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(await h.asMemberState('DE', 'RegisterFiling', { filing_json: '{}' })).toMatchObject({ ok: false, kind: 'permission' });
  });

  it('registers the same filing sent 50 times at once under one MRN with one registration event', async () => {
    const filing = minimalFiling({ type: 'F20', lrn: 'REG-PARALLEL' });
    const replies = await Promise.all(Array.from({ length: 50 }, () => register(filing)));
    const mrns = new Set(replies.map((r) => (r as { reply: Reply }).reply.mrn));
    expect(mrns.size).toBe(1);
    expect(replies.filter((r) => r.ok && !r.reply.replayed)).toHaveLength(1);
    const events = await store.readStream(ensStream([...mrns][0]));
    expect(events.filter((e) => e.type === 'EnsFilingRegistered')).toHaveLength(1);
  }, 30_000);

  it('gives 1,000 distinct filings sent at once 1,000 distinct valid MRNs', async () => {
    const replies = await Promise.all(Array.from({ length: 1_000 }, (_, i) => register(minimalFiling({ type: 'F20', lrn: `REG-MANY-${i}` }))));
    const mrns = replies.map((r) => (r.ok ? r.reply.mrn : `failed: ${JSON.stringify(r)}`));
    expect(new Set(mrns).size).toBe(1_000);
    expect(mrns.every(isMrn)).toBe(true);
  }, 120_000);
});

describe('register-filing with a maximum append size (EVENT_STORE_MAX_APPEND_BYTES)', () => {
  let h: CommonRepositoryHarness;

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_register_max', env: { EVENT_STORE_MAX_APPEND_BYTES: '16384' } });
  }, 30_000);
  afterAll(async () => {
    await h.close();
  });

  it('refuses a filing whose registration is larger than the store takes (X10), writes nothing, and leaves its LRN to a filing that fits', async () => {
    const big = { ...sampleFiling('F20', { seed: 7, declarant: DECLARANT, houses: 1, goodsItems: 200 }), lrn: 'REG-BIG' };
    const refused = await h.asTrader<Reply>(DECLARANT, 'RegisterFiling', { filing_json: JSON.stringify(big) });
    expect(refused).toMatchObject({ ok: false, kind: 'validation', errorCode: 'EVENT_STORE.APPEND_TOO_LARGE', details: [{ validationCode: 'X10', pointer: '' }] });
    const admin = await h.db.admin();
    expect((await admin.query('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n).toBe(0);
    expect((await admin.query("SELECT count(*)::int AS n FROM common_repository.filing_registrations WHERE lrn = 'REG-BIG'")).rows[0].n).toBe(0);

    const fits = await h.asTrader<Reply>(DECLARANT, 'RegisterFiling', { filing_json: JSON.stringify(minimalFiling({ type: 'F20', lrn: 'REG-BIG' })) });
    expect(fits).toMatchObject({ ok: true, reply: { message_type: 'IE3R01', lrn: 'REG-BIG', replayed: false } });
  });
});
