import { describe, expect, it } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import { AppendTooLargeError } from '../store.errors';
import { anEvent, anEventOfSize, appendSize, aStream, asAppended, expectNothingWrittenSince, metadata, refusal } from './contract-fixtures';

/**
 * append: the store's largest append (`maxAppendBytes`, here `limit`), as the port counts an append (README,
 * "Append size"). Part of describeEventStoreContract, which makes the store with that limit.
 */
export function describeAppendSizeContract(store: () => EventStore, limit: number): void {
  describe('append size', () => {
    async function expectRefusedAsTooLarge(streamId: string, events: Parameters<EventStore['append']>[1], size: number): Promise<void> {
      const setup = await store().append(aStream(), [anEvent()], 'no-stream');
      const error = await refusal(store().append(streamId, events, 'any'));
      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ streamId, maxAppendBytes: limit, size });
      expect(await store().readStream(streamId)).toEqual([]);
      await expectNothingWrittenSince(store(), setup.position);
    }

    it("takes an append of exactly the store's largest size", async () => {
      const streamId = aStream();
      const events = [anEvent(), anEventOfSize(limit - appendSize([anEvent()]))];
      expect(appendSize(events)).toBe(limit);
      await store().append(streamId, events, 'no-stream');
      expect((await store().readStream(streamId)).map(asAppended)).toEqual(events);
    });

    it('refuses one byte more with AppendTooLargeError, and writes nothing', async () => {
      await expectRefusedAsTooLarge(aStream(), [anEventOfSize(limit + 1)], limit + 1);
    });

    it('counts bytes, not characters: text of fewer characters than the limit, in three bytes each, is refused', async () => {
      const base = appendSize([anEvent({ data: { text: '' } })]);
      const euros = Math.ceil((limit - base + 1) / 3);
      expect(base + euros).toBeLessThan(limit);
      const event = anEvent({ data: { text: '€'.repeat(euros) } });
      await expectRefusedAsTooLarge(aStream(), [event], base + 3 * euros);
    });

    it('counts the whole append: events each well under the limit, together over it, are all refused', async () => {
      const events = Array.from({ length: 4 }, () => anEventOfSize(Math.floor(limit / 3)));
      await expectRefusedAsTooLarge(aStream(), events, appendSize(events));
    });

    it('counts the envelope and the type, not only the data', async () => {
      // Half the room left by a small event in the type (two bytes a character), the rest and a little more in the actor.
      const room = limit - appendSize([anEvent()]);
      const type = `Probe${'T'.repeat(Math.floor(room / 4))}Recorded`;
      const event = anEvent({ type, metadata: { ...metadata, actor: { kind: 'system', component: 'c'.repeat(Math.floor(room / 2) + 100) } } });
      expect(appendSize([event])).toBeGreaterThan(limit);
      expect(appendSize([{ ...event, type: 'T', metadata }])).toBeLessThan(limit / 2);
      await expectRefusedAsTooLarge(aStream(), [event], appendSize([event]));
    });
  });
}
