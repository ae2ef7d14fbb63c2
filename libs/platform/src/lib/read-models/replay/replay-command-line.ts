/**
 * What a service's `src/replay.ts` does when run as a program (`node dist/services/<name>/src/replay.js
 * [read-model]`): the connections from the environment, the report as JSON on stdout, and the exit code an
 * operator's script tests (REPLAY_EXIT): 0 equal, 1 not equal, 2 usage (configuration missing, a read model the
 * service does not have), 3 the replay could not be carried out (a database not reached, a scratch database not
 * made): a script that files "the read model differs" must not file a lost connection as one.
 *
 * MIGRATION_DATABASE_URL is the schema owner (it creates the scratch database); DATABASE_URL the application role
 * on the live database. The owner URL is never the live reader: what is compared is read with the role that
 * serves it.
 */
import { UnknownReadModelError } from './read-model-catalogue';
import type { ServiceReplayReport } from './replay-report';

/** The exit codes of a replay run as a program, the audit CLI's `replay` too. */
export const REPLAY_EXIT = { equal: 0, differs: 1, usage: 2, failed: 3 } as const;

/** The exit code of a replay that threw: a name the service does not have is usage, anything else a failure. */
export function replayExitOf(error: unknown): number {
  return error instanceof UnknownReadModelError ? REPLAY_EXIT.usage : REPLAY_EXIT.failed;
}

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
    return REPLAY_EXIT.usage;
  }
  const [name] = args;
  try {
    const report = await replay(ownerUrl, liveUrl, name === undefined || name === 'all' ? undefined : name);
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.equal ? REPLAY_EXIT.equal : REPLAY_EXIT.differs;
  } catch (e) {
    io.stderr.write(`replay failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return replayExitOf(e);
  }
}
