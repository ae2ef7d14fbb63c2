/**
 * What a service's `src/replay.ts` does when run as a program (`node dist/services/<name>/src/replay.js
 * [read-model]`): the connections from the environment, the report as JSON on stdout, and the exit code an
 * operator's script tests: 0 equal, 1 not equal or failed, 2 configuration missing.
 *
 * MIGRATION_DATABASE_URL is the schema owner (it creates the scratch database); DATABASE_URL the application role
 * on the live database. The owner URL is never the live reader: what is compared is read with the role that
 * serves it.
 */
import type { ServiceReplayReport } from './replay-report';

export type ServiceReplay = (ownerUrl: string, liveUrl: string, name?: string) => Promise<ServiceReplayReport>;

export interface ReplayConsole {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

export async function runReplayCommandLine(replay: ServiceReplay, args: readonly string[], env: NodeJS.ProcessEnv, io: ReplayConsole = process): Promise<number> {
  const ownerUrl = env['MIGRATION_DATABASE_URL'];
  const liveUrl = env['DATABASE_URL'];
  if (!ownerUrl || !liveUrl) {
    io.stderr.write('config error: MIGRATION_DATABASE_URL (the schema owner) and DATABASE_URL (the application role) must both be set\n');
    return 2;
  }
  const [name] = args;
  try {
    const report = await replay(ownerUrl, liveUrl, name === undefined || name === 'all' ? undefined : name);
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.equal ? 0 : 1;
  } catch (e) {
    io.stderr.write(`replay failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
