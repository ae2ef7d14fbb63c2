import type { RecordedEvent } from './recorded-event';
import { batchConcurrency, handleBatch } from './handle-batch';

const event = (streamId: string, revision: number) => ({ id: `${streamId}@${revision}`, streamId, revision }) as unknown as RecordedEvent;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('handleBatch', () => {
  const batch = [event('a', 0), event('b', 0), event('a', 1), event('c', 0), event('b', 1), event('a', 2)];

  it('with concurrency 1 hands the events over one at a time in log order', async () => {
    const order: string[] = [];
    let inFlight = 0;
    let most = 0;
    await handleBatch(batch, async (e) => {
      most = Math.max(most, ++inFlight);
      await tick(1);
      order.push(e.id);
      inFlight--;
    }, null);
    expect(order).toEqual(batch.map((e) => e.id));
    expect(most).toBe(1);
  });

  it('with concurrency n overlaps up to n streams, each stream in revision order', async () => {
    const perStream = new Map<string, number[]>();
    let inFlight = 0;
    let most = 0;
    await handleBatch(batch, async (e) => {
      most = Math.max(most, ++inFlight);
      await tick(e.streamId === 'a' ? 5 : 1);
      perStream.set(e.streamId, [...(perStream.get(e.streamId) ?? []), e.revision]);
      inFlight--;
    }, null, 2);
    expect(most).toBe(2);
    expect(Object.fromEntries(perStream)).toEqual({ a: [0, 1, 2], b: [0, 1], c: [0] });
  });

  it('waits for every started handler before rethrowing the first failure, and starts no new stream after it', async () => {
    const finished: string[] = [];
    const started: string[] = [];
    const run = handleBatch(batch, async (e) => {
      started.push(e.id);
      if (e.id === 'b@0') throw new Error('b failed');
      await tick(10);
      finished.push(e.id);
    }, null, 2);
    await expect(run).rejects.toThrow('b failed');
    // a@0 was running when b failed: it finished before the batch was given up; neither a@1 nor c was started.
    expect(finished).toContain('a@0');
    expect(started).not.toContain('c@0');
    expect(started).not.toContain('b@1');
    expect(started).not.toContain('a@1');
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(batchConcurrency(undefined)).toBe(1);
    expect(batchConcurrency(8)).toBe(8);
    expect(() => batchConcurrency(0)).toThrow('concurrency must be a positive integer');
    expect(() => batchConcurrency(1.5)).toThrow('concurrency must be a positive integer');
  });
});
