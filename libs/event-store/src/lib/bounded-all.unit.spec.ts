import { boundedAll } from './bounded-all';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('boundedAll', () => {
  it('runs every item, never more than `concurrency` at once, started in order', async () => {
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    await boundedAll([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++inFlight);
      await tick(n % 2 ? 3 : 1);
      inFlight--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('starts nothing after the first failure, awaits what runs, then rethrows that failure', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    let sawFailed = false;
    const run = boundedAll([1, 2, 3, 4, 5], 2, async (n, failed) => {
      started.push(n);
      if (n === 1) {
        await tick(1);
        throw new Error('one failed');
      }
      await tick(10);
      sawFailed ||= failed();
      ended.push(n);
      if (n === 2) throw new Error('two failed later');
    });
    await expect(run).rejects.toThrow('one failed');
    expect(started).toEqual([1, 2]);
    expect(ended).toEqual([2]);
    expect(sawFailed).toBe(true);
  });

  it('with no items does nothing', async () => {
    const work = jest.fn();
    await boundedAll([], 4, work);
    expect(work).not.toHaveBeenCalled();
  });
});
