/**
 * The stack as separate processes for benchmarks, as `npm start` runs it: each service compiled (dist/), on its own
 * ports, against the benchmark's database, with fresh signing keys. Gives the services' /metrics and their CPU time,
 * so a benchmark can say where the time goes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeyPair, signToken, type TokenRequest } from '@ics2/platform';
import { migrateLocalStack } from '../../infra/local/migrations';
import type { BenchDatabase } from './bench-database';

const root = join(__dirname, '..', '..');
const ISSUER = { issuer: 'ics2-bench', audience: 'ics2' };

export interface BenchService {
  readonly name: string;
  readonly httpUrl: string;
  readonly grpcAddress: string;
  readonly process: ChildProcess;
}

export interface BenchStack {
  readonly services: ReadonlyMap<string, BenchService>;
  token(request: Omit<TokenRequest, 'ttlSeconds'>): Promise<string>;
  /** The service's Prometheus text. */
  metrics(name: string): Promise<string>;
  /** CPU seconds (user + system) each service process and all PostgreSQL server processes have used so far. */
  cpuSeconds(): Record<string, number>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS = 100;
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function postgresCpuSeconds(): number {
  const ps = spawnSync('ps', ['-C', 'postgres', '-o', 'pid='], { encoding: 'utf8' });
  return (ps.stdout ?? '')
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((pid) => pid > 0)
    .reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
}

async function waitReady(service: BenchService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) throw new Error(`${service.name} exited with ${service.process.exitCode}`);
    try {
      if ((await fetch(`${service.httpUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} not ready`);
}

/** BENCH_PROFILE_DIR: each service writes a V8 CPU profile there when it stops (open in Chrome DevTools). */
function profiling(name: string): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
}

/** Starts `names` in order (a later service may call an earlier one), after building and migrating. */
export async function startBenchStack(db: BenchDatabase, names: readonly string[], env: Record<string, string> = {}): Promise<BenchStack> {
  // As `npm run build`: the compiled code, then the files services read at start (risk-analysis's criteria files), which
  // tsc leaves behind: without them a fresh clone's risk-analysis does not start.
  const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const assets = spawnSync(process.execPath, [join(root, 'docker', 'copy-build-assets.cjs')], { cwd: root, stdio: 'inherit' });
  if (assets.status !== 0) throw new Error('copying the build assets failed');
  await migrateLocalStack(db.adminUrl);
  const keys = generateSigningKeyPair();
  const dir = mkdtempSync(join(tmpdir(), 'ics2-bench-keys-'));
  writeFileSync(join(dir, 'auth.pem'), keys.publicKeyPem);
  const services = new Map<string, BenchService>();
  const grpcUrls: Record<string, string> = {};
  for (const name of names) {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [...profiling(name), '-r', join(root, 'infra', 'local', 'register-dist-paths.cjs'), join(root, 'dist', 'services', name, 'src', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        LISTEN_HOST: '127.0.0.1',
        HTTP_PORT: String(httpPort),
        GRPC_PORT: String(grpcPort),
        DATABASE_URL: db.appUrl,
        AUTH_PUBLIC_KEY_FILE: join(dir, 'auth.pem'),
        AUTH_ISSUER: ISSUER.issuer,
        AUTH_AUDIENCE: ISSUER.audience,
        ...grpcUrls,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const service = { name, httpUrl: `http://127.0.0.1:${httpPort}`, grpcAddress: `127.0.0.1:${grpcPort}`, process: child };
    services.set(name, service);
    try {
      await waitReady(service);
    } catch (error) {
      // A stack that did not start must not leave the services it did start running (and holding the output).
      for (const started of services.values()) started.process.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    grpcUrls[`${name.toUpperCase().replace(/-/g, '_')}_GRPC_URL`] = service.grpcAddress;
  }
  return {
    services,
    token: (request) => signToken({ ...request, ttlSeconds: 3_600 }, keys.privateKeyPem, ISSUER),
    metrics: async (name) => {
      const url = `${services.get(name)?.httpUrl}/metrics`;
      // Once more on a fresh connection: a kept-alive one the service just closed as idle fails the first try.
      const once = async () => (await fetch(url, { headers: { connection: 'close' } })).text();
      return once().catch(once);
    },
    cpuSeconds: () => ({
      ...Object.fromEntries([...services.values()].map((s) => [s.name, processCpuSeconds(s.process.pid ?? 0)])),
      postgres: postgresCpuSeconds(),
    }),
    async stop() {
      await Promise.all(
        [...services.values()].reverse().map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.process.exitCode !== null) return resolve();
              s.process.once('exit', () => resolve());
              s.process.kill('SIGTERM');
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sum and count of a Prometheus histogram's series matching `labels` (e.g. `route="POST /v1/filings"`). */
export function histogramTotals(metrics: string, name: string, labels: string): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const line of metrics.split('\n')) {
    if (!line.includes(labels)) continue;
    if (line.startsWith(`${name}_sum{`)) sum += Number(line.split(' ').pop());
    if (line.startsWith(`${name}_count{`)) count += Number(line.split(' ').pop());
  }
  return { sum, count };
}
