import { randomUUID } from 'node:crypto';
import { UnavailableError, WrongExpectedVersionError, jsonEvent } from '@kurrent/kurrentdb-client';
import { verifyEvents } from '../integrity/verify';
import type { EventToAppend } from '../recorded-event';
import { anEvent, anEventOfSize, appendSize } from '../contract/contract-fixtures';
import { AppendTooLargeError, EventStoreUnavailableError } from '../store.errors';
import type { KurrentClient } from './kurrentdb-client';
import { FakeKurrent } from './kurrentdb-client.fake';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { toKurrentEvent } from './kurrentdb-mapping';

// What is particular to the adapter, against a stand-in for the Kurrent client (there is no server here): pinned
// writes, races, the read-back that tells a deduplicated write, recordedAt, error mapping. The port's general rules
// are the contract's (kurrentdb-event-store.contract.unit.spec.ts here, kurrentdb-event-store.int.spec.ts on a server).

const T0 = new Date('2026-11-22T10:00:00.000Z');
const ENS = 'ens-24DE000000000001A1';
const ONE = { index: 0, size: 1 };

const registered = (type = 'EnsFilingRegistered', data: unknown = { mrn: '24DE000000000001A1' }): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    schemaVersion: 1,
    occurredAt: '2026-11-22T09:59:00.000Z',
    correlationId: '24DE000000000001A1',
    causationId: null,
    actor: { kind: 'trader', eori: 'DE123456789012345' },
  },
});

function setup(now: () => Date = () => T0) {
  const kurrent = new FakeKurrent();
  const store = new KurrentDbEventStore({ client: kurrent.client, clock: now });
  return { kurrent, store };
}

/** A client whose every call fails the way the real one does without a server. */
function unreachableClient(): KurrentClient {
  const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
  return {
    ...new FakeKurrent().client,
    appendToStream: jest.fn().mockRejectedValue(raw),
    readStream: jest.fn(() =>
      (async function* () {
        throw new UnavailableError();
      })(),
    ),
  } as unknown as KurrentClient;
}

describe('KurrentDbEventStore', () => {
  describe('append', () => {
    it('creates a stream, pinned to no_stream, and reports revisions and the last position', async () => {
      const { kurrent, store } = setup();
      const result = await store.append(ENS, [registered(), registered('EnsFilingAmended')], 'no-stream');
      expect(kurrent.appends.map((a) => a.streamState)).toEqual(['no_stream']);
      expect(result).toEqual({ streamId: ENS, firstRevision: 0, lastRevision: 1, position: kurrent.log[1].position, replayed: false });
    });

    it('pins a write at a revision to that revision', async () => {
      const { kurrent, store } = setup();
      await store.append(ENS, [registered()], 'no-stream');
      const result = await store.append(ENS, [registered('EnsFilingAmended')], 0);
      expect(kurrent.appends[1].streamState).toBe(0n);
      expect(result).toMatchObject({ firstRevision: 1, lastRevision: 1, replayed: false });
    });

    it('chains hashes exactly as the integrity verifier recomputes them, and stamps recordedAt from the clock', async () => {
      const { store } = setup();
      await store.append(ENS, [registered(), registered('EnsFilingAmended', { n: 1, nested: { b: 2, a: [1, 'x'] } })], 'no-stream');
      await store.append(ENS, [registered('EnsFilingPresented')], 'stream-exists');
      const events = await store.readStream(ENS);
      expect(events.map((e) => e.recordedAt)).toEqual(Array(3).fill(T0.toISOString()));
      const report = await verifyEvents(events, { scope: 'streams' });
      expect(report).toMatchObject({ ok: true, eventsChecked: 3 });
    });

    it('never records an event earlier than the one before it in its stream (clock skew between hosts)', async () => {
      const times = [new Date('2026-11-22T10:00:05.000Z'), new Date('2026-11-22T10:00:01.000Z')];
      const { store } = setup(() => times.shift() ?? T0);
      await store.append(ENS, [registered()], 'no-stream');
      await store.append(ENS, [registered('EnsFilingAmended')], 0);
      expect((await store.readStream(ENS)).map((e) => e.recordedAt)).toEqual(['2026-11-22T10:00:05.000Z', '2026-11-22T10:00:05.000Z']);
    });

    it('after losing a race at a revision, reports the winner as the actual revision', async () => {
      const { kurrent, store } = setup();
      await store.append(ENS, [registered()], 'no-stream');
      kurrent.beforeWrite = () => kurrent.write(ENS, [toKurrentEvent(registered(), T0.toISOString(), 'f'.repeat(64), ONE)]);
      await expect(store.append(ENS, [registered()], 0)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 1 });
    });

    it("after losing a race with 'any', re-reads and chains onto the winner's event", async () => {
      const { kurrent, store } = setup();
      await store.append(ENS, [registered()], 'no-stream');
      kurrent.beforeWrite = () => kurrent.write(ENS, [toKurrentEvent(registered(), T0.toISOString(), 'f'.repeat(64), ONE)]);
      const result = await store.append(ENS, [registered()], 'any');
      expect(result).toMatchObject({ firstRevision: 2, lastRevision: 2, replayed: false });
      expect(kurrent.appends.map((a) => a.streamState)).toEqual(['no_stream', 0n, 1n]);
      const [, winner, ours] = await store.readStream(ENS);
      expect(ours.hash).not.toBeNull();
      expect(winner.hash).toBe('f'.repeat(64));
    });

    it('reports replayed when Kurrent acknowledged a concurrent identical append instead of writing', async () => {
      const { kurrent, store } = setup();
      const events = [registered()];
      // The same command, retried on another host a moment earlier, lands between our read and our write.
      kurrent.beforeWrite = () => kurrent.write(ENS, [toKurrentEvent(events[0], '2026-11-22T09:59:59.999Z', 'e'.repeat(64), ONE)]);
      const result = await store.append(ENS, events, 'no-stream');
      expect(result).toMatchObject({ firstRevision: 0, lastRevision: 0, replayed: true });
      expect(kurrent.log).toHaveLength(1);
    });

    it("gives up on 'any' after repeated lost races, with the actual revision", async () => {
      const { kurrent } = setup();
      const conflict = new WrongExpectedVersionError(undefined, { streamName: ENS, expected: 0n, current: 9n });
      const appendToStream = jest.fn().mockRejectedValue(conflict);
      const store = new KurrentDbEventStore({ client: { ...kurrent.client, appendToStream } as KurrentClient, clock: () => T0 });
      await expect(store.append(ENS, [registered()], 'any')).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 9 });
      expect(appendToStream).toHaveBeenCalledTimes(10);
    });

    it('fails fast with EventStoreUnavailableError when the server cannot be reached', async () => {
      const store = new KurrentDbEventStore({ client: unreachableClient() });
      await expect(store.append(ENS, [registered()], 'no-stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('maps UNAVAILABLE on the write itself too', async () => {
      const { kurrent } = setup();
      const raw = Object.assign(new Error('14 UNAVAILABLE'), { code: 14 });
      const client = { ...kurrent.client, appendToStream: jest.fn().mockRejectedValue(raw) } as KurrentClient;
      const store = new KurrentDbEventStore({ client });
      await expect(store.append(ENS, [registered()], 'no-stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('writes nothing for an empty append, and reports the stream as it is when the expectation holds', async () => {
      const { kurrent, store } = setup();
      expect(await store.append(ENS, [], 'no-stream')).toEqual({
        streamId: ENS,
        firstRevision: 0,
        lastRevision: -1,
        position: { commit: -1n, prepare: -1n },
        replayed: false,
      });
      await store.append(ENS, [registered()], 'no-stream');
      expect(await store.append(ENS, [], 0)).toEqual({ streamId: ENS, firstRevision: 1, lastRevision: 0, position: kurrent.log[0].position, replayed: false });
      await expect(store.append(ENS, [], 'no-stream')).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 0 });
      expect(kurrent.appends).toHaveLength(1);
    });

    it('recognises a retry that comes with a fresher expectation (the stream read after the first attempt)', async () => {
      const { kurrent, store } = setup();
      const events = [registered(), registered()];
      const first = await store.append(ENS, events, 'no-stream');
      expect(await store.append(ENS, events, 1)).toEqual({ ...first, replayed: true });
      expect(kurrent.log).toHaveLength(2);
    });

    it('stores ids lower-cased, as Kurrent reads them back, and hashes them so', async () => {
      const { store } = setup();
      const e = registered();
      await store.append(ENS, [{ ...e, id: e.id.toUpperCase() }], 'no-stream');
      const [read] = await store.readStream(ENS);
      expect(read.id).toBe(e.id);
      expect(await verifyEvents([read], { scope: 'streams' })).toMatchObject({ ok: true });
    });

    it.each([
      ['an id that is not a uuid', [{ ...registered(), id: 'LRN-1' }], 'no-stream'],
      ['an id twice', Array(2).fill(registered()), 'no-stream'],
      ['an empty type', [{ ...registered(), type: '' }], 'no-stream'],
      ['data that is not JSON', [{ ...registered(), data: { n: 1n } }], 'no-stream'],
      ['an expected revision below -1', [registered()], -2],
    ] as const)('refuses %s before reaching the server', async (_, events, expected) => {
      const { kurrent, store } = setup();
      await expect(store.append(ENS, events as unknown as EventToAppend[], expected as number)).rejects.toThrow(Error);
      expect(kurrent.appends).toHaveLength(0);
    });
  });

  describe('append size', () => {
    const MIB = 1_048_576;

    it("takes an append of the server's default MaxAppendSize as the port counts it: the server, counting what the adapter sends, takes it too", async () => {
      const { kurrent, store } = setup();
      // Many events, so that what the adapter adds to each (recordedAt, hash, batch) adds up.
      const events = [...Array.from({ length: 99 }, () => anEvent()), anEventOfSize(MIB - appendSize(Array.from({ length: 99 }, () => anEvent())))];
      expect(appendSize(events)).toBe(MIB);
      await store.append(ENS, events, 'no-stream');
      expect(kurrent.stream(ENS)).toHaveLength(100);
    });

    it('refuses one byte more before anything is sent, with AppendTooLargeError', async () => {
      const { kurrent, store } = setup();
      const error = await store.append(ENS, [anEventOfSize(MIB + 1)], 'no-stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ streamId: ENS, maxAppendBytes: MIB, size: MIB + 1 });
      expect(kurrent.appends).toEqual([]);
    });

    it("turns the server's refusal of an append over its MaxAppendSize into AppendTooLargeError, with the server's limit", async () => {
      const kurrent = new FakeKurrent({ maxAppendSize: 10_000 });
      const store = new KurrentDbEventStore({ client: kurrent.client, clock: () => T0, maxAppendBytes: null });
      const error = await store.append(ENS, [anEventOfSize(20_000)], 'no-stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ streamId: ENS, maxAppendBytes: 10_000, size: null });
      expect(kurrent.log).toEqual([]);
    });

    it("turns the server's refusal of one event over its MaxAppendEventSize into AppendTooLargeError", async () => {
      const kurrent = new FakeKurrent({ maxAppendEventSize: 5_000 });
      const store = new KurrentDbEventStore({ client: kurrent.client, clock: () => T0 });
      const error = await store.append(ENS, [anEvent(), anEventOfSize(6_000)], 'no-stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ streamId: ENS, maxAppendBytes: null, size: null });
      expect(kurrent.log).toEqual([]);
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses %p as maxAppendBytes when the store is made', (maxAppendBytes) => {
      expect(() => new KurrentDbEventStore({ client: new FakeKurrent().client, maxAppendBytes })).toThrow();
    });
  });

  describe('readStream', () => {
    it('reads an unknown stream as empty', async () => {
      const { store } = setup();
      expect(await store.readStream('ens-unknown')).toEqual([]);
    });

    it('gives the stream as it was at an instant (asOf), maxCount counting what remains', async () => {
      const times = ['2026-11-22T10:00:00.000Z', '2026-11-22T11:00:00.000Z', '2026-11-22T12:00:00.000Z'].map((t) => new Date(t));
      const { store } = setup(() => times.shift() ?? T0);
      for (const [i, type] of ['A', 'B', 'C'].entries()) await store.append(ENS, [registered(type)], i === 0 ? 'no-stream' : i - 1);
      const asOf = new Date('2026-11-22T11:00:00.000Z');
      expect((await store.readStream(ENS, { asOf })).map((e) => e.type)).toEqual(['A', 'B']);
      expect((await store.readStream(ENS, { asOf, direction: 'backwards', maxCount: 1 })).map((e) => e.type)).toEqual(['B']);
    });

    it('maps an unreachable server to EventStoreUnavailableError', async () => {
      const store = new KurrentDbEventStore({ client: unreachableClient() });
      await expect(store.readStream(ENS)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });

  describe('readAll', () => {
    async function seeded() {
      const s = setup();
      s.kurrent.write('$stats-127.0.0.1:2113', [jsonEvent({ type: '$statsCollected', data: {} })]);
      await s.store.append(ENS, [registered('EnsFilingRegistered')], 'no-stream');
      await s.store.append('risk-24DE000000000001A1', [registered('RiskAnalysisStarted')], 'no-stream');
      await s.store.append('ensx-1', [registered('EnsFilingRegistered')], 'no-stream');
      s.kurrent.write(`$$${ENS}`, [jsonEvent({ type: '$metadata', data: { $maxAge: 1 } })]);
      await s.store.append(ENS, [registered('EnsFilingAmended')], 0);
      return s;
    }
    const streams = (events: { streamId: string; type: string }[]) => events.map((e) => `${e.streamId}:${e.type}`);

    it('returns domain events only, in log order', async () => {
      const { store } = await seeded();
      expect(streams(await store.readAll())).toEqual([
        `${ENS}:EnsFilingRegistered`,
        'risk-24DE000000000001A1:RiskAnalysisStarted',
        'ensx-1:EnsFilingRegistered',
        `${ENS}:EnsFilingAmended`,
      ]);
    });

    it('filters by category (exactly: ensx is not ens) and by event type', async () => {
      const { store } = await seeded();
      expect(streams(await store.readAll({ filter: { categories: ['ens'] } }))).toEqual([
        `${ENS}:EnsFilingRegistered`,
        `${ENS}:EnsFilingAmended`,
      ]);
      expect(streams(await store.readAll({ filter: { eventTypes: ['EnsFilingRegistered'] } }))).toEqual([
        `${ENS}:EnsFilingRegistered`,
        'ensx-1:EnsFilingRegistered',
      ]);
      expect(streams(await store.readAll({ filter: { categories: ['ens', 'ensx'], eventTypes: ['EnsFilingAmended'] } }))).toEqual([
        `${ENS}:EnsFilingAmended`,
      ]);
    });
  });
});
