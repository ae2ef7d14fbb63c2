import { describe, expect, it } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import { eventHash, GENESIS_HASH } from '../integrity/hash-chain';
import { partitionOf } from '../postgres/postgres-partition';
import { comparePositions, START, type EventToAppend } from '../recorded-event';
import { aCategory, anEvent, aStream, asAppended, aType, clockPassed, metadata, readAllUntil, someEvents } from './contract-fixtures';

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** readStream, readAll and what every recorded event carries. Part of describeEventStoreContract. */
export function describeReadContract(store: () => EventStore): void {
  describe('readStream', () => {
    async function streamOf(count: number): Promise<{ streamId: string; ids: string[] }> {
      const streamId = aStream();
      const events = someEvents(count);
      await store().append(streamId, events, 'no-stream');
      return { streamId, ids: events.map((e) => e.id) };
    }

    it('reads an unknown stream as empty', async () => {
      expect(await store().readStream(aStream())).toEqual([]);
      expect(await store().readStream(aStream(), { direction: 'backwards' })).toEqual([]);
    });

    it.each<[string, { fromRevision?: number; direction?: 'forwards' | 'backwards'; maxCount?: number }, number[]]>([
      ['forwards from the start by default', {}, [0, 1, 2, 3, 4]],
      ['forwards from a revision, inclusive', { fromRevision: 2 }, [2, 3, 4]],
      ['forwards, at most maxCount', { fromRevision: 1, maxCount: 2 }, [1, 2]],
      ['backwards from the last event by default', { direction: 'backwards' }, [4, 3, 2, 1, 0]],
      ['backwards from a revision, inclusive', { direction: 'backwards', fromRevision: 2 }, [2, 1, 0]],
      ['backwards, at most maxCount', { direction: 'backwards', maxCount: 2 }, [4, 3]],
      ['nothing past the end', { fromRevision: 5 }, []],
      ['nothing for maxCount 0', { maxCount: 0 }, []],
    ])('%s', async (_case, options, revisions) => {
      const { streamId, ids } = await streamOf(5);
      const read = await store().readStream(streamId, options);
      expect(read.map((e) => e.revision)).toEqual(revisions);
      expect(read.map((e) => e.id)).toEqual(revisions.map((r) => ids[r]));
    });

    // Options no store can honour are a programmer's error, refused alike by every adapter before anything is read:
    // read on, a negative maxCount or an unknown direction gave one store's guess and the other's refusal.
    it.each<[string, Record<string, unknown>]>([
      ['a negative maxCount', { maxCount: -1 }],
      ['a fractional maxCount', { maxCount: 1.5 }],
      ['a fractional fromRevision', { fromRevision: 1.5 }],
      ['an unknown direction', { direction: 'sideways' }],
      ['an instant that is no date', { asOf: new Date(Number.NaN) }],
    ])('refuses %s', async (_case, options) => {
      const { streamId } = await streamOf(2);
      await expect(store().readStream(streamId, options as never)).rejects.toThrow(/^readStream: /);
    });

    it('asOf: the stream as it was at an instant, by recordedAt', async () => {
      const streamId = aStream();
      await store().append(streamId, [anEvent()], 'no-stream');
      // The second append must fall in a later millisecond than the first.
      await clockPassed(Date.now(), 3);
      await store().append(streamId, someEvents(2), 0);
      const all = await store().readStream(streamId);
      const first = Date.parse(all[0].recordedAt);
      expect(Date.parse(all[1].recordedAt)).toBeGreaterThan(first);
      const asOf = (ms: number, direction?: 'backwards') =>
        store().readStream(streamId, { asOf: new Date(ms), direction }).then((es) => es.map((e) => e.revision));
      expect(await asOf(first - 1)).toEqual([]);
      expect(await asOf(first)).toEqual([0]);
      expect(await asOf(first, 'backwards')).toEqual([0]);
      expect(await asOf(Date.parse(all[2].recordedAt))).toEqual([0, 1, 2]);
      expect(await store().readStream(streamId, { asOf: new Date(Date.parse(all[2].recordedAt)), fromRevision: 1, maxCount: 1 })).toEqual([all[1]]);
    });
  });

  describe('recorded events', () => {
    it('keep what the caller gave, and add stream, revision, position, recordedAt and a chained hash', async () => {
      const streamId = aStream();
      const type = aType();
      const given: EventToAppend[] = [
        anEvent({
          type,
          data: { mrn: '25DE000000000000A1', goods: [{ hs: '847130', grossMass: 1250.5 }], note: 'Zoll – €', empty: null },
          metadata: {
            schemaVersion: 3,
            occurredAt: '2025-06-01T10:00:00.000Z',
            correlationId: '25DE000000000000A1',
            causationId: '6f1c2a52-1d7e-4c1b-9d0c-3f2a1b0c9e8d',
            actor: { kind: 'member-state', memberState: 'DE', userId: 'u-17' },
          },
        }),
        anEvent({ metadata: { ...metadata, actor: { kind: 'trader', eori: 'DE123456789012345' } } }),
      ];
      const first = await store().append(streamId, given, 'no-stream');
      const second = await store().append(streamId, [anEvent()], 1);
      const read = await store().readStream(streamId);
      expect(read.slice(0, 2).map(asAppended)).toEqual(given);
      read.forEach((e, revision) => {
        expect(e).toMatchObject({ streamId, revision });
        expect(e.recordedAt).toMatch(ISO_MILLIS);
        expect(new Date(e.recordedAt).toISOString()).toBe(e.recordedAt);
        // The hash covers the content as read back, chained to the previous event's hash.
        expect(e.hash).toBe(eventHash(e, revision === 0 ? GENESIS_HASH : (read[revision - 1].hash as string)));
      });
      expect(read[1].position).toEqual(first.position);
      expect(read[2].position).toEqual(second.position);
      expect(comparePositions(read[0].position, read[1].position)).toBeLessThan(0);
      expect(comparePositions(read[1].position, read[2].position)).toBeLessThan(0);
      // The global log carries the very same events.
      const logged = await readAllUntil(store(), { fromPosition: START, filter: { eventTypes: [type] } }, 1);
      expect(logged.find((e) => e.id === given[0].id)).toEqual(read[0]);
    });
  });

  describe('readAll', () => {
    /** Appends, one after the other, to streams of a fresh category: A(2), B(1), A(1), C(2). */
    async function logOf(): Promise<{ category: string; ids: string[]; streams: string[] }> {
      const category = aCategory();
      const [a, b, c] = [aStream(category), aStream(category), aStream(category)];
      const plan: [string, number][] = [
        [a, 2],
        [b, 1],
        [a, 1],
        [c, 2],
      ];
      const ids: string[] = [];
      const streams: string[] = [];
      for (const [streamId, count] of plan) {
        const events = someEvents(count);
        await store().append(streamId, events, 'any');
        ids.push(...events.map((e) => e.id));
        streams.push(...events.map(() => streamId));
      }
      return { category, ids, streams };
    }

    it('returns the log in append order, strictly after fromPosition, at most maxCount', async () => {
      const { category, ids } = await logOf();
      const filter = { categories: [category] };
      const all = await readAllUntil(store(), { filter }, ids.length);
      expect(all.map((e) => e.id)).toEqual(ids);
      all.slice(1).forEach((e, i) => expect(comparePositions(all[i].position, e.position)).toBeLessThan(0));
      expect((await store().readAll({ filter, fromPosition: all[1].position })).map((e) => e.id)).toEqual(ids.slice(2));
      expect((await store().readAll({ filter, fromPosition: all[1].position, maxCount: 2 })).map((e) => e.id)).toEqual(ids.slice(2, 4));
      expect(await store().readAll({ filter, fromPosition: all[5].position })).toEqual([]);
      expect(await store().readAll({ filter, maxCount: 0 })).toEqual([]);
      // Paging from the last event of each page reads every event once.
      const paged: string[] = [];
      for (let page = await store().readAll({ filter, maxCount: 4 }); page.length > 0; ) {
        paged.push(...page.map((e) => e.id));
        page = await store().readAll({ filter, maxCount: 4, fromPosition: page[page.length - 1].position });
      }
      expect(paged).toEqual(ids);
    });

    it('filters by categories and by event types', async () => {
      const [one, two] = [aCategory(), aCategory()];
      const [wanted, other] = [aType(), aType()];
      const events = [anEvent({ type: wanted }), anEvent({ type: other }), anEvent({ type: wanted })];
      await store().append(aStream(one), events.slice(0, 2), 'no-stream');
      await store().append(aStream(two), events.slice(2), 'no-stream');
      const both = await readAllUntil(store(), { filter: { categories: [one, two] } }, 3);
      expect(both.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect((await store().readAll({ filter: { categories: [two] } })).map((e) => e.id)).toEqual([events[2].id]);
      expect((await store().readAll({ filter: { eventTypes: [wanted] } })).map((e) => e.id)).toEqual([events[0].id, events[2].id]);
      const typeAndCategory = await store().readAll({ filter: { categories: [one], eventTypes: [wanted, other] } });
      expect(typeAndCategory.map((e) => e.id)).toEqual([events[0].id, events[1].id]);
      expect(await store().readAll({ filter: { categories: [one], eventTypes: [aType()] } })).toEqual([]);
    });

    it.each<[string, Record<string, unknown>]>([
      ['a negative maxCount', { maxCount: -1 }],
      ['a fractional maxCount', { maxCount: 1.5 }],
      ['a partition past the count', { filter: { partition: { index: 3, count: 3 } } }],
      ['a negative partition', { filter: { partition: { index: -1, count: 3 } } }],
      ['a partition count of 0', { filter: { partition: { index: 0, count: 0 } } }],
    ])('refuses %s', async (_case, options) => {
      await store().append(aStream(), [anEvent()], 'no-stream');
      await expect(store().readAll(options as never)).rejects.toThrow(/^readAll: /);
    });

    it('splits the log into partitions by a stable hash of the stream id', async () => {
      const category = aCategory();
      const streams = Array.from({ length: 12 }, () => aStream(category));
      for (const streamId of streams) await store().append(streamId, someEvents(2), 'no-stream');
      const all = await readAllUntil(store(), { filter: { categories: [category] } }, streams.length * 2);
      const count = 3;
      const seen: string[] = [];
      for (let index = 0; index < count; index++) {
        const part = await store().readAll({ filter: { categories: [category], partition: { index, count } } });
        part.forEach((e) => expect(partitionOf(e.streamId, count)).toBe(index));
        seen.push(...part.map((e) => e.id));
      }
      expect(seen.sort()).toEqual(all.map((e) => e.id).sort());
      // A single partition is the whole log.
      expect(await store().readAll({ filter: { categories: [category], partition: { index: 0, count: 1 } } })).toEqual(all);
    });
  });
}
