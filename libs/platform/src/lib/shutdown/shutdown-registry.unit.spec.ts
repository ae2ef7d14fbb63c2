import { ShutdownRegistry } from './shutdown-registry';

function silentLog() {
  const lines: string[] = [];
  return { lines, log: { info: (_f: object, m: string) => lines.push(m), error: (_f: object, m: string) => lines.push(`ERROR ${m}`) } };
}

describe('ShutdownRegistry', () => {
  it('tells listeners once, synchronously, and late listeners at once', () => {
    const { log } = silentLog();
    const registry = new ShutdownRegistry(log);
    const heard: string[] = [];
    registry.onShutdownBegin((r) => heard.push(`early:${r}`));
    expect(registry.isShuttingDown).toBe(false);
    registry.begin('SIGTERM');
    registry.begin('SIGINT');
    registry.onShutdownBegin((r) => heard.push(`late:${r}`));
    expect(registry.isShuttingDown).toBe(true);
    expect(heard).toEqual(['early:SIGTERM', 'late:SIGTERM']);
  });

  it('runs the hooks of a phase last registered first, one at a time', async () => {
    const { log } = silentLog();
    const registry = new ShutdownRegistry(log);
    const order: string[] = [];
    registry.register('pool', () => void order.push('pool'), { phase: 'close' });
    registry.register('sub-a', async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('sub-a');
    });
    registry.register('sub-b', () => void order.push('sub-b'));
    await registry.runPhase('stop');
    expect(order).toEqual(['sub-b', 'sub-a']);
    await registry.runPhase('close');
    expect(order).toEqual(['sub-b', 'sub-a', 'pool']);
  });

  it('goes on past a failing or hanging hook', async () => {
    const { log, lines } = silentLog();
    const registry = new ShutdownRegistry(log, 20);
    const ran: string[] = [];
    registry.register('first', () => void ran.push('first'));
    registry.register('hangs', () => new Promise<void>(() => undefined));
    registry.register('throws', () => {
      throw new Error('boom');
    });
    await registry.runPhase('stop');
    expect(ran).toEqual(['first']);
    expect(lines).toEqual(expect.arrayContaining(['ERROR shutdown hook failed', 'ERROR shutdown hook timed out']));
  });

  it('forgets an unregistered hook', async () => {
    const registry = new ShutdownRegistry(silentLog().log);
    const ran: string[] = [];
    const off = registry.register('x', () => void ran.push('x'));
    off();
    await registry.runPhase('stop');
    expect(ran).toEqual([]);
  });
});
