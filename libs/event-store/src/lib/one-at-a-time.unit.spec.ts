import { oneAtATime } from './one-at-a-time';

describe('oneAtATime', () => {
  it('runs overlapping calls one after another, in call order, each with its own outcome', async () => {
    const log: string[] = [];
    let running = 0;
    const slow = oneAtATime(async (name: string, ms: number) => {
      if (++running > 1) throw new Error('overlap');
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      running--;
      if (name === 'b') throw new Error('b fails');
      return name.toUpperCase();
    });
    const outcomes = await Promise.allSettled([slow('a', 20), slow('b', 5), slow('c', 1)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual(['A', 'b fails', 'C']);
  });
});
