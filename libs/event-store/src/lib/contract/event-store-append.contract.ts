import { describe, expect, it } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import type { ExpectedRevision } from '../expected-revision';
import { eventHash, GENESIS_HASH } from '../integrity/hash-chain';
import type { EventMetadata, EventToAppend } from '../recorded-event';
import { IdempotencyConflictError, WrongExpectedRevisionError } from '../store.errors';
import { anEvent, aStream, asAppended, expectNothingWrittenSince, metadata, refusal, someEvents } from './contract-fixtures';

/** append: expectations, atomicity, concurrency, idempotency. Part of describeEventStoreContract. */
export function describeAppendContract(store: () => EventStore): void {
  /** A stream holding `count` events (revisions 0..count-1); count 0 leaves it absent. */
  async function streamWith(count: number): Promise<string> {
    const streamId = aStream();
    if (count > 0) await store().append(streamId, someEvents(count), 'no-stream');
    return streamId;
  }

  describe('append', () => {
    it('creates a stream from revision 0 and reports the first and last revision written', async () => {
      const streamId = aStream();
      const events = someEvents(3);
      const result = await store().append(streamId, events, 'no-stream');
      expect(result).toMatchObject({ streamId, firstRevision: 0, lastRevision: 2, replayed: false });
      const read = await store().readStream(streamId);
      expect(read.map(asAppended)).toEqual(events);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(read[2].position).toEqual(result.position);
    });

    it('continues a stream after the revision its caller last saw', async () => {
      const streamId = await streamWith(2);
      const result = await store().append(streamId, someEvents(2), 1);
      expect(result).toMatchObject({ firstRevision: 2, lastRevision: 3, replayed: false });
      expect((await store().readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    });

    describe('when the expectation holds', () => {
      it.each<[string, number, ExpectedRevision, number]>([
        ['no-stream on a new stream', 0, 'no-stream', 0],
        ['any on a new stream', 0, 'any', 0],
        ['any on an existing stream', 2, 'any', 2],
        ['stream-exists on an existing stream', 2, 'stream-exists', 2],
        ['the last revision', 3, 2, 3],
      ])('%s: appends', async (_case, existing, expected, firstRevision) => {
        const streamId = await streamWith(existing);
        const result = await store().append(streamId, [anEvent()], expected);
        expect(result).toMatchObject({ firstRevision, lastRevision: firstRevision, replayed: false });
        expect(await store().readStream(streamId)).toHaveLength(existing + 1);
      });
    });

    describe('when the expectation does not hold', () => {
      it.each<[string, number, ExpectedRevision, number]>([
        ['no-stream on an existing stream', 2, 'no-stream', 1],
        ['stream-exists on a new stream', 0, 'stream-exists', -1],
        ['a revision on a new stream', 0, 0, -1],
        ['a revision behind the stream', 3, 1, 2],
        ['a revision ahead of the stream', 1, 4, 0],
        ['a revision no stream can reach in PostgreSQL (2^31)', 1, 2 ** 31, 0],
        ['the largest safe integer', 0, Number.MAX_SAFE_INTEGER, -1],
      ])('%s: refuses with the actual revision and writes nothing', async (_case, existing, expected, actual) => {
        const streamId = await streamWith(existing);
        const before = await store().readStream(streamId);
        const error = await refusal(store().append(streamId, [anEvent()], expected));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected, actual });
        expect(await store().readStream(streamId)).toEqual(before);
      });
    });

    describe('input one of the stores cannot keep as given', () => {
      // Both adapters refuse what one of them cannot store, or would store changed: no append may depend on the store.
      it.each<[string, () => [string, EventToAppend]]>([
        ['data with a NUL character', () => [aStream(), anEvent({ data: { text: 'a\u0000b' } })]],
        ['metadata with a NUL character', () => [aStream(), anEvent({ metadata: { ...metadata, correlationId: 'a\u0000b' } })]],
        ['a stream id with a NUL character', () => [`${aStream()}\u0000`, anEvent()]],
        ['a type with a NUL character', () => [aStream(), anEvent({ type: 'Probe\u0000Recorded' })]],
        ['data with a lone surrogate', () => [aStream(), anEvent({ data: { text: 'a\ud800b' } })]],
        ['a data key with a lone surrogate', () => [aStream(), anEvent({ data: { 'a\udc00': 1 } })]],
        ['metadata with a lone surrogate', () => [aStream(), anEvent({ metadata: { ...metadata, correlationId: '\udbff' } })]],
        ['a stream id with a lone surrogate', () => [`${aStream()}\ud800`, anEvent()]],
        ['a type with a lone surrogate', () => [aStream(), anEvent({ type: 'Probe\udfffRecorded' })]],
      ])('refuses %s as a programmer error and writes nothing', async (_case, make) => {
        const setup = await store().append(aStream(), [anEvent()], 'no-stream');
        const [streamId, event] = make();
        const error = await refusal(store().append(streamId, [event], 'any'));
        // A plain Error, as the port's README says: not a store's own error (a database's refusal is one).
        expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
        await expectNothingWrittenSince(store(), setup.position);
      });

      // KurrentDB keeps the envelope under names of its own and reads each field back by its type: it refused an
      // event whose correlationId was not a string on reading it (after the write), and turned other fields into
      // what the hash did not cover; PostgreSQL kept them all as given.
      it.each<[string, Record<string, unknown>]>([
        ['no schemaVersion', { schemaVersion: undefined }],
        ['a schemaVersion that is text', { schemaVersion: '2' }],
        ['a schemaVersion that is not a whole number', { schemaVersion: 1.5 }],
        ['no occurredAt', { occurredAt: undefined }],
        ['an occurredAt that is a number', { occurredAt: 1_700_000_000_000 }],
        ['no correlationId', { correlationId: undefined }],
        ['a correlationId that is a number', { correlationId: 25 }],
        ['a causationId that is a number', { causationId: 7 }],
        ['no actor', { actor: undefined }],
        ['an actor that is text', { actor: 'system' }],
      ])('refuses an envelope with %s as a programmer error and writes nothing', async (_case, fields) => {
        const setup = await store().append(aStream(), [anEvent()], 'no-stream');
        const event = anEvent({ metadata: { ...metadata, ...fields } as unknown as EventMetadata });
        const error = await refusal(store().append(aStream(), [event], 'any'));
        expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
        await expectNothingWrittenSince(store(), setup.position);
      });

      it("refuses a type beginning with '$' (KurrentDB's own event types, which its adapter keeps out of the log's reads) as a programmer error, and writes nothing", async () => {
        const setup = await store().append(aStream(), [anEvent()], 'no-stream');
        const error = await refusal(store().append(aStream(), [anEvent({ type: '$ContractProbeRecorded' })], 'any'));
        expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
        await expectNothingWrittenSince(store(), setup.position);
      });

      it('keeps text that only looks like it: a backslash before u0000 or ud800, a surrogate pair', async () => {
        const text = 'a\\u0000 b\\\\ud800 c\u{1d11e}';
        const streamId = `${aStream()}${text}`;
        const event = anEvent({ type: `Probe${text}Recorded`, data: { [text]: text }, metadata: { ...metadata, correlationId: text } });
        await store().append(streamId, [event], 'no-stream');
        const read = await store().readStream(streamId);
        expect(read.map(asAppended)).toEqual([event]);
        expect(read[0].streamId).toBe(streamId);
        expect(read[0].hash).toBe(eventHash(read[0], GENESIS_HASH));
      });
    });

    describe('a stream id no stream of the platform has', () => {
      // Both adapters kept them as given; stream-id-rules.ts says why each is refused.
      it.each<[string, () => string]>([
        ['empty', () => ''],
        ['of spaces only', () => '   '],
        ['of a tab only', () => '\t'],
        ['with a leading space', () => ` ${aStream()}`],
        ['with a trailing space', () => `${aStream()} `],
        ['with a trailing line feed', () => `${aStream()}\n`],
        ['with a trailing no-break space', () => `${aStream()}\u00a0`],
        ['with a C0 control inside', () => `${aStream()}\u0001x`],
        ['with an escape inside', () => `${aStream()}\u001b[2Jx`],
        ['with DEL inside', () => `${aStream()}\u007fx`],
        ['with a C1 control inside (NEL)', () => `${aStream()}\u0085x`],
        ['with a C1 control inside (CSI)', () => `${aStream()}\u009bx`],
        ["beginning with '$' (KurrentDB's system streams)", () => `$${aStream()}`],
        ['of more than 1,000 bytes in UTF-8', () => `${aStream()}-${'é'.repeat(500)}`],
      ])('%s: refuses to append, as a programmer error, and writes nothing; refuses to read it', async (_case, make) => {
        const setup = await store().append(aStream(), [anEvent()], 'no-stream');
        const streamId = make();
        const error = await refusal(store().append(streamId, [anEvent()], 'any'));
        expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
        await expectNothingWrittenSince(store(), setup.position);
        expect(Object.getPrototypeOf(await refusal(store().readStream(streamId)))).toBe(Error.prototype);
      });

      it('keeps one of 1,000 bytes in UTF-8, and reads it back', async () => {
        const head = `${aStream()}-`;
        const streamId = `${head}${'x'.repeat(1_000 - head.length)}`;
        const event = anEvent();
        await store().append(streamId, [event], 'no-stream');
        expect((await store().readStream(streamId)).map(asAppended)).toEqual([event]);
      });

      it("keeps one with spaces inside, letters of any script, and '$' after its start", async () => {
        const streamId = `${aStream()} Zoll – € ü 貨物 a$b`;
        const event = anEvent();
        await store().append(streamId, [event], 'no-stream');
        const read = await store().readStream(streamId);
        expect(read.map(asAppended)).toEqual([event]);
        expect(read[0].streamId).toBe(streamId);
      });
    });

    describe('atomicity', () => {
      it('writes nothing of a batch with the same id twice in the middle', async () => {
        const streamId = await streamWith(1);
        const [setup] = await store().readStream(streamId);
        const [a, b, c] = someEvents(3);
        await refusal(store().append(streamId, [a, b, { ...c, id: b.id }, anEvent()], 0));
        expect(await store().readStream(streamId)).toHaveLength(1);
        await expectNothingWrittenSince(store(), setup.position);
        // None of the ids was taken: the same events, deduplicated, are a first append.
        expect((await store().append(streamId, [a, b, c], 0)).replayed).toBe(false);
      });

      it('writes nothing of a batch whose middle event cannot be stored', async () => {
        const streamId = aStream();
        const setup = await store().append(aStream(), [anEvent()], 'no-stream');
        const [a, b] = someEvents(2);
        await refusal(store().append(streamId, [a, anEvent({ data: { amount: 10n } }), b], 'no-stream'));
        expect(await store().readStream(streamId)).toEqual([]);
        await expectNothingWrittenSince(store(), setup.position);
        expect((await store().append(streamId, [a, b], 'no-stream')).replayed).toBe(false);
      });
    });

    describe('concurrent appenders', () => {
      it('at the same revision: exactly one wins, the others learn the revision it left', async () => {
        const streamId = await streamWith(1);
        const batches = Array.from({ length: 6 }, () => someEvents(2));
        const outcomes = await Promise.allSettled(batches.map((events) => store().append(streamId, events, 0)));
        const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(won).toHaveLength(1);
        for (const o of outcomes) {
          if (o.status === 'rejected') {
            expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(o.reason).toMatchObject({ expected: 0, actual: 2 });
          }
        }
        const read = await store().readStream(streamId);
        expect(read.slice(1).map(asAppended)).toEqual(batches[won[0]]);
      });

      it('creating the same stream: exactly one wins', async () => {
        const streamId = aStream();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, () => store().append(streamId, [anEvent()], 'no-stream')),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store().readStream(streamId)).toHaveLength(1);
      });

      it("with 'any': every append lands, each batch in one piece", async () => {
        const streamId = await streamWith(1);
        const batches = Array.from({ length: 5 }, () => someEvents(3));
        const results = await Promise.all(batches.map((events) => store().append(streamId, events, 'any')));
        const read = await store().readStream(streamId);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 16 }, (_, i) => i));
        results.forEach((r, i) => {
          expect(r.lastRevision - r.firstRevision).toBe(2);
          expect(read.slice(r.firstRevision, r.lastRevision + 1).map(asAppended)).toEqual(batches[i]);
        });
      });
    });

    describe('idempotency', () => {
      it('a repeated append returns the first result and writes nothing', async () => {
        const streamId = aStream();
        const events = someEvents(2);
        const first = await store().append(streamId, events, 'no-stream');
        const again = await store().append(streamId, events, 'no-stream');
        expect(again).toEqual({ ...first, replayed: true });
        expect(await store().readStream(streamId)).toHaveLength(2);
        await expectNothingWrittenSince(store(), first.position);
      });

      it('is recognised after the stream moved on, whatever the expectation', async () => {
        const streamId = await streamWith(1);
        const events = someEvents(2);
        const first = await store().append(streamId, events, 0);
        const later = await store().append(streamId, someEvents(1), first.lastRevision);
        for (const expected of [0, 'any', 'stream-exists', 2 ** 31] as const) {
          expect(await store().append(streamId, events, expected)).toEqual({ ...first, replayed: true });
        }
        expect(await store().readStream(streamId)).toHaveLength(4);
        await expectNothingWrittenSince(store(), later.position);
      });

      it.each<[string, (a: string, b: string, fresh: string) => string[]]>([
        ['some ids with a new one', (a, _b, fresh) => [a, fresh]],
        ['the same ids in another order', (a, b) => [b, a]],
        ['only part of the earlier append', (a) => [a]],
        ['the earlier append and more', (a, b, fresh) => [a, b, fresh]],
      ])('refuses %s and writes nothing', async (_case, reuse) => {
        const streamId = aStream();
        const [a, b] = someEvents(2);
        const first = await store().append(streamId, [a, b], 'no-stream');
        const ids = reuse(a.id, b.id, anEvent().id);
        const error = await refusal(store().append(streamId, ids.map((id) => anEvent({ id })), 'any'));
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        expect(error).toMatchObject({ streamId });
        expect(await store().readStream(streamId)).toHaveLength(2);
        await expectNothingWrittenSince(store(), first.position);
      });

      it('two identical appends at once: both get the same answer, the events are written once', async () => {
        const streamId = aStream();
        const events = someEvents(3);
        const [x, y] = await Promise.all([
          store().append(streamId, events, 'no-stream'),
          store().append(streamId, events, 'no-stream'),
        ]);
        expect({ ...x, replayed: false }).toEqual({ ...y, replayed: false });
        expect(x.replayed && y.replayed).toBe(false);
        expect((await store().readStream(streamId)).map(asAppended)).toEqual(events);
      });
    });
  });
}
