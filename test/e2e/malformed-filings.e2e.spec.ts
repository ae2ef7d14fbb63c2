/**
 * Bad input through the real trader door: every row of the malformed-filings table (structure, shape, code lists,
 * rules), the door-level refusals (content type, body size, JSON syntax), and fast-check fuzzing of the body. Each
 * answer is a coded 4xx in ICS2 form, and the event store's global log did not move.
 */
import fc from 'fast-check';
import { Client } from 'pg';
import { VALIDATION_CODES } from '@ics2/contracts';
import { isMrn } from '@ics2/domain';
import { arbitraryFilingBreak, arbitraryJunk, eventually, sampleFiling } from '@ics2/testing';
import { MALFORMED_FILINGS } from '../../services/trader-interface/src/filings/validation/malformed-filings.test-harness';
import { completeAirF20, SENDER } from '../../services/trader-interface/src/filings/validation/validation-fixtures.test-harness';
import { startStack, type Stack, type TraderAgent } from '../support/stack-harness';

/** JSON text of any value, nesting 100,000 deep included (JSON.stringify recurses and overflows the stack there). */
function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    const out: string[] = [];
    const stack: unknown[] = [value];
    while (stack.length) {
      const item = stack.pop();
      if (typeof item === 'string' && item.startsWith('\u0000raw:')) out.push(item.slice(5));
      else if (Array.isArray(item)) stack.push('\u0000raw:]', ...item.flatMap((v, i) => (i ? ['\u0000raw:,', v] : [v])).reverse(), '\u0000raw:[');
      else if (item && typeof item === 'object') {
        const entries = Object.entries(item);
        stack.push('\u0000raw:}');
        entries.reverse().forEach(([k, v], i) => stack.push(v, `\u0000raw:${JSON.stringify(k)}:`, ...(i < entries.length - 1 ? ['\u0000raw:,'] : [])));
        stack.push('\u0000raw:{');
      } else out.push(JSON.stringify(item) ?? 'null');
    }
    return out.join('');
  }
}

/** What registering a filing writes: a complete one is complete at once, a partial master waits for its houses. */
const REGISTRATION_EVENTS = ['EnsFilingRegistered', 'EnsResponsibilityAssigned', 'EnsFilingCompleted', 'EnsCompletenessPending'];

describe('malformed filings at the trader door', () => {
  let stack: Stack;
  const agents = new Map<string, TraderAgent>();
  let admin: Client;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_malformed' });
    admin = await stack.db.admin();
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  const agent = async (eori: string) => {
    if (!agents.has(eori)) agents.set(eori, await stack.trader(eori));
    return agents.get(eori) as TraderAgent;
  };
  const logHead = async () => (await admin.query<{ n: string }>('SELECT coalesce(max(position), 0)::text AS n FROM event_store.events')).rows[0].n;
  const reservations = async () => (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM common_repository.filing_registrations')).rows[0].n;

  // Rows whose body JSON cannot carry (NaN, Infinity, no body value at all) are the unit table's alone.
  const NOT_JSON = new Error('not representable in JSON');
  const sendable = MALFORMED_FILINGS.filter((row) => {
    const body = row.body();
    try {
      return (
        JSON.stringify(body, function (this: Record<string, unknown>, key: string, v: unknown) {
          const raw = key === '' ? body : this[key];
          // By tag, not prototype: fixtures made by structuredClone come from another realm under Jest.
          const plainObject = typeof raw !== 'object' || raw === null || ['[object Object]', '[object Array]'].includes(Object.prototype.toString.call(raw));
          if (!plainObject || (typeof v === 'number' && !Number.isFinite(v)) || ['bigint', 'function', 'symbol'].includes(typeof v)) throw NOT_JSON;
          return v;
        }) !== undefined
      );
    } catch (e) {
      return e !== NOT_JSON && e instanceof RangeError; // too deep for JSON.stringify: sent by toJsonText
    }
  });

  it(`refuses each malformed filing JSON can carry with IE3N99 and its code and pointer, writing nothing`, async () => {
    expect(sendable.length).toBeGreaterThanOrEqual(100);
    await stack.settled();
    const before = [await logHead(), await reservations()];
    for (const row of sendable) {
      const res = await (await agent(row.sender)).post('/v1/filings', toJsonText(row.body()), { 'content-type': 'application/json' });
      expect({ row: row.name, status: res.status }).toEqual({ row: row.name, status: 400 });
      expect({ row: row.name, messageType: res.body.messageType }).toEqual({ row: row.name, messageType: 'IE3N99' });
      expect({ row: row.name, errors: res.body.errors }).toEqual({ row: row.name, errors: expect.arrayContaining([expect.objectContaining({ validationCode: row.expected.code, pointer: row.expected.pointer })]) });
    }
    expect([await logHead(), await reservations()]).toEqual(before);
  }, 120_000);

  it('refuses what the door cannot read: wrong content type (415), JSON syntax or an undecodable content encoding (400), too large (413), headers too large (431), nothing written', async () => {
    await stack.settled();
    const before = await logHead();
    const sender = await agent(SENDER);
    const text = await sender.post('/v1/filings', 'lrn=1', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X06' }] });
    const syntax = await sender.post('/v1/filings', '{"lrn": "x",', { 'content-type': 'application/json' });
    expect(syntax.status).toBe(400);
    expect(syntax.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X06' }] });
    const huge = await sender.post('/v1/filings', JSON.stringify({ lrn: 'x', junk: 'x'.repeat(17 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X06' }] });
    const xml = await sender.post('/v1/filings', '<IE3F20/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    // A request line over the server's header limit (a path of some 16 KB) is refused by Node before express: in ICS2 form too.
    const longPath = await sender.get(`/v1/filings/${'X'.repeat(20_000)}`);
    expect({ status: longPath.status, body: longPath.body }).toMatchObject({ status: 431, body: { messageType: 'IE3N99', errors: [{ validationCode: 'X06', pointer: '' }] } });
    // A body that does not decode in the content encoding it names is one the door cannot read, not an internal error.
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const undecodable = await sender.post('/v1/filings', JSON.stringify(completeAirF20()), { 'content-type': 'application/json', 'content-encoding': encoding });
      expect({ encoding, status: undecodable.status, body: undecodable.body }).toMatchObject({ encoding, status: 400, body: { messageType: 'IE3N99', errors: [{ validationCode: 'X06', pointer: '' }] } });
    }
    expect(await logHead()).toBe(before);
  });

  it('refuses callers without a token (401) or with another role (403), in ICS2 form', async () => {
    const anonymous = await fetch(`${stack.traderInterface.app.httpUrl}/v1/filings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(completeAirF20()) });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: 'X09' }] });
    const msToken = await stack.traderInterface.token({ role: 'member-state', ms: 'DE', userId: 'de-1' });
    const memberState = await fetch(`${stack.traderInterface.app.httpUrl}/v1/filings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${msToken}` },
      body: JSON.stringify(completeAirF20()),
    });
    expect(memberState.status).toBe(403);
  });

  it('answers fuzzed bodies with a coded 4xx naming the broken element, registers only real filings, and writes nothing else', async () => {
    await stack.settled();
    const before = await logHead();
    const reservedBefore = await reservations();
    let accepted = 0;
    const acceptedLrns = new Set<unknown>();
    const pointerOf = (path: readonly (string | number)[]) => path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    const fuzzed = fc.oneof(
      // Sent by the filing's own declarant, so that the element of the wrong type is what answers, not who sent it.
      arbitraryFilingBreak().map((b) => ({
        body: b.broken,
        brokenAt: pointerOf(b.path),
        // null where an element is optional is read as the element left out: such a filing may be valid.
        mayPass: b.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], b.broken) === null,
        by: b.filing.declarant.identificationNumber ?? SENDER,
      })),
      arbitraryJunk().map((body) => ({ body, brokenAt: undefined, mayPass: true, by: SENDER })),
    );
    await fc.assert(
      fc.asyncProperty(fuzzed, async ({ body, brokenAt, mayPass, by }) => {
        const sender = await agent(by);
        const res = await sender.post('/v1/filings', JSON.stringify(body), { 'content-type': 'application/json' });
        if (res.status === 201 || res.status === 200) {
          // Only a body that may be valid registers, and then it must be a real filing: an IE3R01 for the body's
          // LRN, the filing stored under that MRN, and the stored filing sent back is the same filing (200, same
          // MRN), so what was stored passes the door's own validation.
          expect({ brokenAt, mayPass }).toEqual({ brokenAt, mayPass: true });
          if (res.status === 201) accepted++;
          acceptedLrns.add((body as { lrn?: unknown }).lrn);
          expect(res.body).toMatchObject({ messageType: 'IE3R01', lrn: (body as { lrn?: unknown }).lrn });
          expect(isMrn(res.body.mrn)).toBe(true);
          const stored = await eventually(async () => {
            const consulted = await sender.get(`/v1/filings/${res.body.mrn}`);
            expect(consulted.status).toBe(200); // the consultation's read model follows the store
            return consulted;
          });
          const again = await sender.post('/v1/filings', JSON.stringify(stored.body.filing), { 'content-type': 'application/json' });
          expect({ status: again.status, mrn: again.body.mrn }).toEqual({ status: 200, mrn: res.body.mrn });
          return;
        }
        expect([400, 409, 413, 415]).toContain(res.status);
        expect(['IE3N99', 'IE3N01']).toContain(res.body.messageType);
        expect(res.body.errors.length).toBeGreaterThan(0);
        for (const e of res.body.errors) expect(Object.keys(VALIDATION_CODES)).toContain(e.validationCode);
        // A filing with one element of the wrong type is refused for that element (or what holds it), unless
        // another variant of it was accepted first under the same LRN (409, X02).
        if (res.status === 409) expect(acceptedLrns.has((body as { lrn?: unknown }).lrn)).toBe(true);
        else if (brokenAt !== undefined) {
          const pointers: string[] = res.body.errors.map((e: { pointer: string }) => e.pointer);
          expect({ brokenAt, pointers, related: pointers.some((p) => p !== '' && (brokenAt === p || brokenAt.startsWith(`${p}/`) || p.startsWith(`${brokenAt}/`))) }).toEqual({ brokenAt, pointers, related: true });
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
    // Exactly the accepted bodies registered; besides their registrations (and the access log of consulting
    // them) nothing was written.
    expect((await reservations()) - reservedBefore).toBe(accepted);
    const written = await admin.query<{ type: string; n: number }>(`SELECT type, count(*)::int AS n FROM event_store.events WHERE position > $1 AND category <> 'access' GROUP BY type`, [before]);
    const byType = Object.fromEntries(written.rows.map((r) => [r.type, r.n]));
    expect({ registered: byType.EnsFilingRegistered ?? 0, others: Object.keys(byType).filter((t) => !REGISTRATION_EVENTS.includes(t)) }).toEqual({ registered: accepted, others: [] });
  }, 180_000);
});

describe('a filing larger than the event store takes (EVENT_STORE_MAX_APPEND_BYTES) at the trader door', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ prefix: 'e2e_too_large', env: { EVENT_STORE_MAX_APPEND_BYTES: '16384' } });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('is answered 413 IE3N99 X10, as the repository refused it, and writes nothing; one that fits is registered', async () => {
    const sender = await stack.trader(SENDER);
    const admin = await stack.db.admin();
    const events = async () => (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
    const before = await events();
    const big = { ...sampleFiling('F20', { seed: 11, declarant: SENDER, houses: 1, goodsItems: 200 }), lrn: 'E2E-BIG' };
    const refused = await sender.post('/v1/filings', big);
    expect({ status: refused.status, body: refused.body }).toMatchObject({
      status: 413,
      body: { messageType: 'IE3N99', code: 'EVENT_STORE.APPEND_TOO_LARGE', errors: [{ validationCode: 'X10', pointer: '' }] },
    });
    expect(await events()).toBe(before);
    const fits = await sender.post('/v1/filings', { ...sampleFiling('F20', { seed: 11, declarant: SENDER, houses: 1, goodsItems: 1 }), lrn: 'E2E-BIG' });
    expect({ status: fits.status, messageType: fits.body.messageType }).toEqual({ status: 201, messageType: 'IE3R01' });
  });
});
