import { UnknownReadModelError } from './read-model-catalogue';
import { runReplayCommandLine, type ServiceReplay } from './replay-command-line';
import { replayReport, serviceReplayReport } from './replay-report';

const env = { MIGRATION_DATABASE_URL: 'postgres://owner@db/ics2', DATABASE_URL: 'postgres://app@db/ics2' };
const reportOf = (equal: boolean) =>
  serviceReplayReport('probe', [
    replayReport({ readModel: 'probe.parcels', service: 'probe', eventsReplayed: 1, upTo: '1/1', liveCaughtUp: equal, liveMovedOn: false, tables: [], durationMs: 1 }),
  ]);

function capture() {
  const text = { stdout: '', stderr: '' };
  return { text, io: { stdout: { write: (t: string) => (text.stdout += t) }, stderr: { write: (t: string) => (text.stderr += t) } } };
}

describe("a service's replay entry run as a program", () => {
  it('replays with the owner and live URLs, prints the report as JSON and exits 0 when equal', async () => {
    const replay = jest.fn<ReturnType<ServiceReplay>, Parameters<ServiceReplay>>(async () => reportOf(true));
    const { text, io } = capture();
    expect(await runReplayCommandLine(replay, ['probe.parcels'], env, io)).toBe(0);
    expect(replay).toHaveBeenCalledWith(env.MIGRATION_DATABASE_URL, env.DATABASE_URL, 'probe.parcels');
    expect(JSON.parse(text.stdout)).toEqual(reportOf(true));
  });

  it('replays every read model without a name, or with `all`', async () => {
    const replay = jest.fn<ReturnType<ServiceReplay>, Parameters<ServiceReplay>>(async () => reportOf(true));
    await runReplayCommandLine(replay, [], env, capture().io);
    await runReplayCommandLine(replay, ['all'], env, capture().io);
    expect(replay.mock.calls.map((c) => c[2])).toEqual([undefined, undefined]);
  });

  it('exits 1 when a read model is not equal, still printing the report', async () => {
    const { text, io } = capture();
    expect(await runReplayCommandLine(async () => reportOf(false), [], env, io)).toBe(1);
    expect(JSON.parse(text.stdout).equal).toBe(false);
  });

  it('exits 3, not 1 as for a difference, with the reason on stderr when the replay cannot be carried out', async () => {
    const { text, io } = capture();
    expect(await runReplayCommandLine(async () => Promise.reject(new Error('connect ECONNREFUSED')), [], env, io)).toBe(3);
    expect(text).toEqual({ stdout: '', stderr: 'replay failed: connect ECONNREFUSED\n' });
  });

  it('exits 2, a usage error, for a read model the service does not have', async () => {
    const { text, io } = capture();
    expect(await runReplayCommandLine(async () => Promise.reject(new UnknownReadModelError('probe has no read model probe.nope')), ['probe.nope'], env, io)).toBe(2);
    expect(text.stderr).toBe('replay failed: probe has no read model probe.nope\n');
  });

  it('exits 2 without replaying when either URL is missing', async () => {
    const replay = jest.fn<ReturnType<ServiceReplay>, Parameters<ServiceReplay>>(async () => reportOf(true));
    for (const partial of [{ DATABASE_URL: env.DATABASE_URL }, { MIGRATION_DATABASE_URL: env.MIGRATION_DATABASE_URL }]) {
      const { text, io } = capture();
      expect(await runReplayCommandLine(replay, [], partial, io)).toBe(2);
      expect(text.stderr).toMatch(/MIGRATION_DATABASE_URL .* DATABASE_URL/);
    }
    expect(replay).not.toHaveBeenCalled();
  });
});
