/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, so the embedded PostgreSQL starts with its data in the data
 * folder; all five services come up healthy over HTTP and gRPC; demo tokens are printed; Ctrl-C (SIGINT to the
 * whole process group, as a terminal sends it) stops everything cleanly, PostgreSQL last; a second start finds the
 * same database and keys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { checkGrpcHealth } from '@ics2/platform';

const root = join(__dirname, '..', '..');
const SERVICES = ['trader-interface', 'common-repository', 'risk-analysis', 'control-results', 'crms'];
const httpBase = 21000 + Math.floor(Math.random() * 2000);
const grpcBase = httpBase + 3000;
const pgPort = httpBase + 6000;
const dataDir = mkdtempSync(join(tmpdir(), 'ics2-stack-'));
// mkdtemp makes a 0700 folder; started by root, PostgreSQL runs as "postgres" and must be able to enter it.
chmodSync(dataDir, 0o755);

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startStack(): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ICS2_DATA_DIR: dataDir,
    ICS2_PG_PORT: String(pgPort),
    ICS2_HTTP_PORT_BASE: String(httpBase),
    ICS2_GRPC_PORT_BASE: String(grpcBase),
    ICS2_SKIP_BUILD: process.env.ICS2_BUILT === '1' ? '1' : '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the newcomer's case: the embedded server
  // A process group of its own, as a terminal gives a command: Ctrl-C (stop below) signals the whole group.
  const child = spawn(process.execPath, ['-r', './infra/local/ts-register.cjs', 'infra/local/start.ts'], { cwd: root, env, detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack not ready in time:\n${out}`)), 170_000);
    child.stdout!.on('data', () => {
      if (out.includes('[stack] ready')) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code} before ready:\n${out}`));
    });
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once('exit', (code) => resolve(code));
    process.kill(-started.child.pid!, 'SIGINT');
  });
}

const grpcHealth = (port: number) => checkGrpcHealth(`127.0.0.1:${port}`);

async function withStackDatabase<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/ics2` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('brings up all five services healthy on an embedded PostgreSQL, prints tokens, and stops cleanly', async () => {
    const stack = await startStack();
    try {
      for (const [i, name] of SERVICES.entries()) {
        const live = await fetch(`http://127.0.0.1:${httpBase + i}/health/live`);
        const ready = await fetch(`http://127.0.0.1:${httpBase + i}/health/ready`);
        expect({ name, live: live.status, ready: ready.status }).toEqual({ name, live: 200, ready: 200 });
        expect(await grpcHealth(grpcBase + i)).toBe('SERVING');
        const metrics = await (await fetch(`http://127.0.0.1:${httpBase + i}/metrics`)).text();
        expect(metrics).toContain('process_cpu_user_seconds_total');
      }
      await withStackDatabase((c) => c.query('CREATE TABLE e2e_marker AS SELECT 42 AS answer'));
      for (const role of ['trader', 'member-state', 'auditor', 'admin']) expect(stack.output()).toMatch(new RegExp(`${role} \\(.*\\):\\n\\s+ey`));
    } finally {
      expect(await stop(stack)).toBe(0);
    }
    expect(stack.output()).toContain('[stack] stopped');
    // PostgreSQL (in its own group) outlived the services' drain: none lost its connection on the way out.
    expect(stack.output()).not.toContain('Connection terminated unexpectedly');
    expect(stack.output()).not.toMatch(/"level":"(error|fatal)"/);
    await expect(fetch(`http://127.0.0.1:${httpBase}/health/live`)).rejects.toThrow();
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
  }, 240_000);

  it('starts again on the data kept from the first run, with the same signing keys', async () => {
    const keyBefore = readFileSync(join(dataDir, 'keys', 'auth-signing.public.pem'), 'utf8');
    const stack = await startStack();
    try {
      expect(await grpcHealth(grpcBase + 1)).toBe('SERVING');
      const rows = await withStackDatabase((c) => c.query('SELECT answer FROM e2e_marker'));
      expect(rows.rows).toEqual([{ answer: 42 }]);
    } finally {
      expect(await stop(stack)).toBe(0);
    }
    expect(readFileSync(join(dataDir, 'keys', 'auth-signing.public.pem'), 'utf8')).toBe(keyBefore);
  }, 240_000);
});
