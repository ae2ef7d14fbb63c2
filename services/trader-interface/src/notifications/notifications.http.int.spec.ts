/**
 * The inbox's HTTP doors on a real stack: paging with `after` and `limit`, long polls woken by a commit, the
 * Server-Sent Events stream (replay after Last-Event-ID, then live), refusals of bad parameters and tokens, and a
 * shutdown that open requests do not hold up.
 */
import { eventually, mrnOf, registered } from '@ics2/testing';
import { startNotifications, type NotificationsHarness } from '../notifications.test-harness';
import { RECHECK_MS } from './inbox.reader';
import type { NotificationsPageDto } from './notifications.response.dto';

const TRADER = 'DE123456789012345';
const OTHER = 'BE999999999';

interface SseFrame {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
}

/** Reads Server-Sent Events frames off a fetch response, as an EventSource would. */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const frames: SseFrame[] = [];
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const frame: Record<string, string> = {};
        for (const line of buffer.slice(0, end).split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          frame[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
        }
        buffer = buffer.slice(end + 2);
        if (frame['event']) frames.push(frame);
      }
    }
    ended = true;
  })();
  return { frames, ended: () => ended, done: pump, cancel: () => reader.cancel().catch(() => undefined) };
}

describe('notifications doors', () => {
  let h: NotificationsHarness;
  let serial = 100;
  const fileFor = async (eori: string) => {
    serial += 1;
    await h.append(registered({ mrn: mrnOf(serial), lrn: `LRN-${serial}`, declarant: eori }));
  };
  const page = (eori: string, query: string) => h.get<NotificationsPageDto>(eori, `/v1/notifications${query}`);

  beforeAll(async () => {
    h = await startNotifications('ti_inbox_doors');
    for (let i = 0; i < 5; i++) await fileFor(TRADER);
    await fileFor(OTHER);
    await h.caughtUp();
  }, 60_000);
  afterAll(() => h?.close());

  describe('GET /v1/notifications', () => {
    it('pages with after and limit: every item once, in cursor order, next naming the last one', async () => {
      // Cursor order is the order the projection committed them in; across partitions that need not be log order.
      const all = (await page(TRADER, '')).body.items.map((i) => i.lrn);
      expect([...all].sort()).toEqual(['LRN-101', 'LRN-102', 'LRN-103', 'LRN-104', 'LRN-105']);
      const first = await page(TRADER, '?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items.map((i) => i.cursor)).toEqual(['1', '2']);
      expect(first.body.next).toBe('2');
      const second = await page(TRADER, `?after=${first.body.next}&limit=2`);
      expect(second.body.items.map((i) => i.lrn)).toEqual(all.slice(2, 4));
      const third = await page(TRADER, `?after=${second.body.next}&limit=2`);
      expect(third.body.items.map((i) => i.lrn)).toEqual(all.slice(4));
      expect([...first.body.items, ...second.body.items, ...third.body.items].map((i) => i.lrn)).toEqual(all);
      expect(await page(TRADER, `?after=${third.body.next}`)).toEqual({ status: 200, body: { items: [], next: third.body.next } });
    });

    it.each([
      ['?after=abc', '/after'],
      ['?after=-1', '/after'],
      ['?after=1&after=2', '/after'],
      ['?limit=0', '/limit'],
      ['?limit=501', '/limit'],
      ['?wait=31', '/wait'],
      ['?wait=soon', '/wait'],
    ])('refuses %s: 400, validation code 12 at %s', async (query, pointer) => {
      const answer = await h.get<{ messageType: string; errors: unknown[] }>(TRADER, `/v1/notifications${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer, description: expect.any(String) }] });
    });

    it('is for economic operators only: 401 without a token, 403 for a Member State user', async () => {
      expect((await h.get(undefined, '/v1/notifications')).status).toBe(401);
      const token = await h.service.token({ role: 'member-state', ms: 'DE', userId: 'de-officer' });
      expect((await fetch(`${h.service.app.httpUrl}/v1/notifications`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    });

    it('long poll: a request waiting for news answers as soon as an item commits, with that item', async () => {
      const { next } = (await page(TRADER, '')).body;
      const started = Date.now();
      let answered = false;
      const waiting = page(TRADER, `?after=${next}&wait=25`).finally(() => (answered = true));
      await eventually(() => expect(h.listener.watching).toBe(1));
      expect(answered).toBe(false);
      await fileFor(TRADER);
      const answer = await waiting;
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((i) => i.lrn)).toEqual([`LRN-${serial}`]);
      expect(answer.body.next).toBe(answer.body.items[0].cursor);
      // Woken by the commit's notification, not found by the periodic re-check.
      expect(Date.now() - started).toBeLessThan(RECHECK_MS);
      expect(h.listener.watching).toBe(0);
    }, 30_000);

    it('long poll: with nothing new it answers an empty page once the wait is over, and other operators\' items do not wake it', async () => {
      const { next } = (await page(OTHER, '')).body;
      const started = Date.now();
      const waiting = page(OTHER, `?after=${next}&wait=1`);
      await eventually(() => expect(h.listener.watching).toBe(1));
      await fileFor(TRADER);
      expect(await waiting).toEqual({ status: 200, body: { items: [], next } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    });

    it("refuses a cursor past the recipient's last item (never given out: another inbox's, or a typo) before any wait, and resumes from its own last", async () => {
      const { next: last } = (await page(TRADER, '')).body;
      const { next: otherLast } = (await page(OTHER, '')).body;
      expect(BigInt(last)).toBeGreaterThan(BigInt(otherLast));
      // Taken, a poll from it would wait, then skip the recipient's items up to it as they came.
      for (const [eori, query] of [
        [TRADER, `?after=${BigInt(last) + 1n}`],
        [TRADER, `?after=${BigInt(last) + 5n}&wait=25`],
        [OTHER, `?after=${last}&wait=25`],
      ]) {
        const started = Date.now();
        const answer = await h.get<{ messageType: string; errors: unknown[] }>(eori, `/v1/notifications${query}`);
        expect(answer).toEqual({ status: 400, body: expect.objectContaining({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer: '/after', description: expect.any(String) }] }) });
        expect(Date.now() - started).toBeLessThan(RECHECK_MS);
      }
      expect(h.listener.watching).toBe(0);
      // The cursor just handed out is the last one: taken, and the next item comes after it.
      const waiting = page(TRADER, `?after=${last}&wait=25`);
      await eventually(() => expect(h.listener.watching).toBe(1));
      await fileFor(TRADER);
      expect((await waiting).body.items.map((i) => [i.cursor, i.lrn])).toEqual([[`${BigInt(last) + 1n}`, `LRN-${serial}`]]);
    }, 30_000);

    it('stops waiting when the client goes away', async () => {
      const { next } = (await page(TRADER, '')).body;
      const abort = new AbortController();
      const waiting = page(TRADER, `?after=${next}&wait=30`);
      const gone = h.get(TRADER, `/v1/notifications?after=${next}&wait=30`, { signal: abort.signal }).catch(() => 'aborted');
      await eventually(() => expect(h.listener.watching).toBe(2));
      abort.abort();
      expect(await gone).toBe('aborted');
      await eventually(() => expect(h.listener.watching).toBe(1));
      await fileFor(TRADER);
      expect((await waiting).body.items).toHaveLength(1);
    }, 30_000);
  });

  describe('GET /v1/notifications/stream', () => {
    it('replays the items after Last-Event-ID, then streams each new item as it commits', async () => {
      const all = (await page(TRADER, '')).body.items;
      const abort = new AbortController();
      const res = await h.fetchAs(TRADER, '/v1/notifications/stream?after=0', { headers: { 'last-event-id': all[1].cursor }, signal: abort.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const stream = sseReader(res);
      try {
        await eventually(() => expect(stream.frames).toHaveLength(all.length - 2));
        expect(stream.frames.map((f) => f.id)).toEqual(all.slice(2).map((i) => i.cursor));
        expect(stream.frames.map((f) => JSON.parse(f.data ?? '{}'))).toEqual(all.slice(2));
        expect(new Set(stream.frames.map((f) => f.event))).toEqual(new Set(['IE3R01']));

        await fileFor(TRADER);
        await fileFor(OTHER);
        await fileFor(TRADER);
        await eventually(() => expect(stream.frames).toHaveLength(all.length));
        const live = stream.frames.slice(-2).map((f) => JSON.parse(f.data ?? '{}') as { lrn: string });
        expect(live.map((i) => i.lrn)).toEqual([`LRN-${serial - 2}`, `LRN-${serial}`]);
        const ids = stream.frames.map((f) => BigInt(f.id ?? '0'));
        ids.slice(1).forEach((id, i) => expect(id).toBeGreaterThan(ids[i]));
      } finally {
        abort.abort();
        await stream.cancel();
      }
      // The client went: the stream's watch is gone.
      await eventually(() => expect(h.listener.watching).toBe(0));
    }, 30_000);

    it('replays after ?after= when there is no Last-Event-ID', async () => {
      const all = (await page(TRADER, '')).body.items;
      const abort = new AbortController();
      const stream = sseReader(await h.fetchAs(TRADER, `/v1/notifications/stream?after=${all[all.length - 2].cursor}`, { signal: abort.signal }));
      try {
        await eventually(() => expect(stream.frames.map((f) => f.id)).toEqual([all[all.length - 1].cursor]));
      } finally {
        abort.abort();
        await stream.cancel();
      }
    });

    it('refuses a Last-Event-ID this inbox never gave out: 400, nothing streamed', async () => {
      const res = await h.fetchAs(TRADER, '/v1/notifications/stream', { headers: { 'last-event-id': 'not-a-cursor' } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer: '/headers/last-event-id' }] });
    });
    it("refuses a Last-Event-ID or ?after= past the recipient's last item: 400 at the pointer it came from, nothing streamed", async () => {
      const { next: last } = (await page(TRADER, '')).body;
      const { next: otherLast } = (await page(OTHER, '')).body;
      const beyond = `${BigInt(last) + 1n}`;
      for (const [eori, path, headers, pointer] of [
        [TRADER, '/v1/notifications/stream?after=0', { 'last-event-id': beyond }, '/headers/last-event-id'],
        [TRADER, `/v1/notifications/stream?after=${beyond}`, {}, '/after'],
        [OTHER, '/v1/notifications/stream', { 'last-event-id': last }, '/headers/last-event-id'],
      ] as const) {
        const res = await h.fetchAs(eori, path, { headers });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await res.json()).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer }] });
      }
      expect(h.listener.watching).toBe(0);
      // Its own last cursor is taken: the stream sends what comes next.
      const abort = new AbortController();
      const stream = sseReader(await h.fetchAs(OTHER, '/v1/notifications/stream', { headers: { 'last-event-id': otherLast }, signal: abort.signal }));
      try {
        await eventually(() => expect(h.listener.watching).toBe(1));
        await fileFor(OTHER);
        await eventually(() => expect(stream.frames.map((f) => f.id)).toEqual([`${BigInt(otherLast) + 1n}`]));
      } finally {
        abort.abort();
        await stream.cancel();
      }
      await eventually(() => expect(h.listener.watching).toBe(0));
    }, 30_000);
  });

  describe('shutdown', () => {
    it('ends open streams and answers waiting long polls, so it does not wait for them', async () => {
      const { next } = (await page(TRADER, '')).body;
      const stream = sseReader(await h.fetchAs(TRADER, `/v1/notifications/stream?after=${next}`));
      const waiting = page(TRADER, `?after=${next}&wait=30`);
      await eventually(() => expect(h.listener.watching).toBe(2));
      const started = Date.now();
      await h.service.close();
      expect(await waiting).toEqual({ status: 200, body: { items: [], next } });
      await stream.done;
      expect(stream.ended()).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 30_000);
  });
});
