import type { Position } from '../recorded-event';
import { FirstCheckpointAfter } from './first-checkpoint-after';
import type { SignedCheckpoint } from './signed-checkpoint';

const at = (n: number): Position => ({ commit: BigInt(n), prepare: BigInt(n) });
const checkpoint = (id: string, n: number) => ({ id, position: at(n) }) as unknown as SignedCheckpoint;

describe('FirstCheckpointAfter', () => {
  // Checkpoints at 10, 20 and 30 of the log.
  const checkpoints = [checkpoint('1', 10), checkpoint('2', 20), checkpoint('3', 30)];
  const naive = (p: Position) => checkpoints.find((c) => c.position.commit >= p.commit) ?? null;
  const counted = () => {
    const asked: bigint[] = [];
    const first = new FirstCheckpointAfter(async (p) => {
      asked.push(p.commit);
      return naive(p);
    });
    return { first, asked };
  };

  it('given a stream in log order, answers as a lookup per event would, with one lookup per checkpoint stretch', async () => {
    const { first, asked } = counted();
    const events = [1, 4, 10, 11, 15, 20, 25, 31, 40];
    const found = [];
    for (const n of events) found.push((await first.of(at(n)))?.id ?? null);
    expect(found).toEqual(events.map((n) => naive(at(n))?.id ?? null));
    // 1 (-> 10, reused for 4 and 10), 11 (-> 20, reused for 15, 20), 25 (-> 30), 31 (none, so none for 40 either).
    expect(asked).toEqual([1n, 11n, 25n, 31n]);
  });

  it('given a position before the last one asked, looks it up again rather than trusting what it kept', async () => {
    const { first, asked } = counted();
    expect((await first.of(at(25)))?.id).toBe('3');
    expect((await first.of(at(5)))?.id).toBe('1');
    expect(asked).toEqual([25n, 5n]);
  });
});
