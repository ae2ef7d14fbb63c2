import type { AppendHorizon } from './postgres-read-all';
import { SharedAppendHorizon } from './postgres-shared-horizon';

/** A fake append_horizon(): each statement returns the next horizon; `log` records requests and statements in order. */
function fakeHorizons() {
  const log: string[] = [];
  let n = 0n;
  let fail = false;
  const shared = new SharedAppendHorizon(async () => {
    n++;
    log.push(`statement ${n}`);
    if (fail) throw new Error('connection lost');
    return { horizon: 100n + n, oldestAppender: null, xmin: 100n + n };
  });
  const ask = (who: string): Promise<AppendHorizon> => {
    log.push(`ask ${who}`);
    return shared.next();
  };
  return { shared, log, ask, failNext: (f: boolean) => (fail = f) };
}

describe('SharedAppendHorizon', () => {
  it('given three reads asking in the same turn, when they wait, then one statement serves them all, taken after each asked', async () => {
    const { shared, log, ask } = fakeHorizons();
    const horizons = await Promise.all([ask('a'), ask('b'), ask('c')]);
    expect(horizons.map((h) => h.horizon)).toEqual([101n, 101n, 101n]);
    expect(shared.sent).toBe(1);
    expect(log).toEqual(['ask a', 'ask b', 'ask c', 'statement 1']);
  });

  it('given a statement on its way, when another read asks, then it gets the next statement, never the older snapshot', async () => {
    const { shared, log, ask } = fakeHorizons();
    const first = ask('a');
    await new Promise((resolve) => setImmediate(resolve)); // the first statement is sent
    const second = ask('b');
    expect((await first).horizon).toBe(101n);
    expect((await second).horizon).toBe(102n);
    expect(shared.sent).toBe(2);
    expect(log).toEqual(['ask a', 'statement 1', 'ask b', 'statement 2']);
  });

  it('given a failing statement, when reads joined it, then each of them fails and the next read takes a new one', async () => {
    const { ask, failNext } = fakeHorizons();
    failNext(true);
    const joined = [ask('a'), ask('b')];
    for (const read of joined) await expect(read).rejects.toThrow('connection lost');
    failNext(false);
    expect((await ask('c')).horizon).toBe(102n);
  });
});
