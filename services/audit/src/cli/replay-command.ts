/**
 * `npm run audit -- replay <read-model>|<service>|all`: rebuilds read models from the events in a scratch database
 * and compares them row by row with the live ones (issue 6, "Replay"). A read model is named by its subscription,
 * `<service>.<purpose>` (`risk-analysis.analyses`); the prefix names the service that owns it.
 *
 * The audit service never imports another service: each service publishes its own replay entry point,
 * `src/replay.ts` exporting `replay(ownerUrl, liveUrl, name?)`, and this command loads it by a computed path, the way
 * docker/migrate.cjs loads `migrate.js`. From sources (run under infra/local/ts-register.cjs) the path is
 * `services/<service>/src/replay`; compiled, `dist/services/<service>/src/replay.js`. Both are the sibling folder of
 * this service's own, so one relative path serves both.
 *
 * Environment: MIGRATION_DATABASE_URL (the schema owner: creates the scratch databases, needs CREATEDB) and
 * DATABASE_URL (the application role on the live database: what is compared is read with it). Prints the report as
 * JSON on stdout. Exit codes as a service's own replay program (REPLAY_EXIT): 0 when every read model asked for is
 * equal, 1 when one is not, 2 for a usage or configuration error (a read model its service does not have too), 3 when
 * a replay could not be carried out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPLAY_EXIT, replayExitOf, type ServiceReplayReport } from '@ics2/platform';

/** `services/` from sources, `dist/services/` when compiled: where this service's own folder sits. */
export const SERVICES_ROOT = join(__dirname, '..', '..', '..');

const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;
const ENTRY_FILES = ['replay.ts', 'replay.js'];

type ServiceReplay = (ownerUrl: string, liveUrl: string, name?: string) => Promise<ServiceReplayReport>;

/** Where the command writes, one text at a time (the shape of the audit CLI's output: a line each). */
export interface ReplayCommandOutput {
  print(text: string): void;
  error(text: string): void;
}

const PROCESS_OUTPUT: ReplayCommandOutput = { print: (text) => process.stdout.write(`${text}\n`), error: (text) => process.stderr.write(`${text}\n`) };

/** What `all` prints: every service's report, and the verdict over all of them. */
export interface AllReplayReport {
  readonly equal: boolean;
  readonly services: readonly ServiceReplayReport[];
}

/** The replay entry of a service (without its extension, for the module loader), or undefined if it publishes none. */
export function replayEntryOf(service: string, root: string = SERVICES_ROOT): string | undefined {
  if (!SERVICE_NAME.test(service)) return undefined;
  const folder = join(root, service, 'src');
  return ENTRY_FILES.some((f) => existsSync(join(folder, f))) ? join(folder, 'replay') : undefined;
}

/** Every service that publishes a replay entry, by name. */
export function replayableServices(root: string = SERVICES_ROOT): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && replayEntryOf(d.name, root) !== undefined)
    .map((d) => d.name)
    .sort();
}

/** `risk-analysis.analyses` -> `{ service: 'risk-analysis', readModel: 'risk-analysis.analyses' }`; `risk-analysis` -> the whole service. */
export function replayTarget(argument: string): { service: string; readModel?: string } {
  const dot = argument.indexOf('.');
  return dot < 0 ? { service: argument } : { service: argument.slice(0, dot), readModel: argument };
}

async function loadReplay(entry: string): Promise<ServiceReplay> {
  const loaded = (await import(entry)) as { replay?: unknown };
  if (typeof loaded.replay !== 'function') throw new Error(`${entry} exports no replay(ownerUrl, liveUrl, name?)`);
  return loaded.replay as ServiceReplay;
}

export async function runReplay(args: readonly string[], env: Readonly<Record<string, string | undefined>>, out: ReplayCommandOutput = PROCESS_OUTPUT, root: string = SERVICES_ROOT): Promise<number> {
  const [argument] = args;
  if (!argument || args.length > 1) {
    out.error(`usage: replay <read-model>|<service>|all   (read models are named <service>.<purpose>; services: ${replayableServices(root).join(', ')})`);
    return REPLAY_EXIT.usage;
  }
  const ownerUrl = env['MIGRATION_DATABASE_URL'];
  const liveUrl = env['DATABASE_URL'];
  if (!ownerUrl || !liveUrl) {
    out.error('config error: MIGRATION_DATABASE_URL (the schema owner) and DATABASE_URL (the application role) must both be set');
    return REPLAY_EXIT.usage;
  }
  const targets = argument === 'all' ? replayableServices(root).map((service) => ({ service, readModel: undefined })) : [replayTarget(argument)];
  const entries = targets.map((t) => ({ ...t, entry: replayEntryOf(t.service, root) }));
  const unknown = entries.find((e) => e.entry === undefined);
  if (unknown) {
    out.error(`no service ${unknown.service} with read models to replay; services: ${replayableServices(root).join(', ')}`);
    return REPLAY_EXIT.usage;
  }
  try {
    const reports: ServiceReplayReport[] = [];
    for (const e of entries) reports.push(await (await loadReplay(e.entry as string))(ownerUrl, liveUrl, e.readModel));
    const report: ServiceReplayReport | AllReplayReport = argument === 'all' ? { equal: reports.every((r) => r.equal), services: reports } : reports[0];
    out.print(JSON.stringify(report, null, 2));
    return report.equal ? REPLAY_EXIT.equal : REPLAY_EXIT.differs;
  } catch (e) {
    out.error(`replay failed: ${e instanceof Error ? e.message : String(e)}`);
    return replayExitOf(e);
  }
}
