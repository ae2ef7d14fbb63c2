/**
 * main.ts as a real process (from sources, through ts-node): a wrong environment stops it with one line and exit
 * code 1; SIGTERM drains it and it exits 0.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { checkGrpcHealth, generateSigningKeyPair } from '@ics2/platform';
import { freshDatabase, type FreshDatabase } from '@ics2/testing';
import { migrateTraderInterface } from './migrate';

const root = join(__dirname, '..', '..', '..');
const main = join('services', 'trader-interface', 'src', 'main.ts');

interface Run {
  readonly exit: Promise<number | null>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], {
    cwd: root,
    // Only what the service needs: an inherited variable must not make the bad-config case pass by accident.
    env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: 'tsconfig.json', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return {
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    stdout: () => out,
    stderr: () => err,
    kill: (signal) => child.kill(signal),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('trader-interface main', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshDatabase('ti_main', migrateTraderInterface);
  });
  afterAll(() => db.drop());

  it('stops on a wrong variable with one line naming it, exit code 1', async () => {
    const proc = run({ GRPC_PORT: 'abc', AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem });
    expect(await proc.exit).toBe(1);
    expect(proc.stderr()).toBe('config error: GRPC_PORT must be an integer 1-65535, got "abc"\n');
    expect(proc.stdout()).toBe('');
  }, 60_000);

  it('starts, serves, and on SIGTERM drains and exits 0', async () => {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const proc = run({
      HTTP_PORT: String(httpPort),
      GRPC_PORT: String(grpcPort),
      LISTEN_HOST: '127.0.0.1',
      AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem,
      DATABASE_URL: db.appUrl,
    });
    try {
      await until(() => proc.stdout().includes('"msg":"service started"'), 60_000);
      await expect(checkGrpcHealth(`127.0.0.1:${grpcPort}`)).resolves.toBe('SERVING');
      expect((await fetch(`http://127.0.0.1:${httpPort}/health/ready`)).status).toBe(200);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await proc.exit).toBe(0);
    const lines = proc
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['msg'])).toEqual(expect.arrayContaining(['service started', 'shutdown started', 'service stopped']));
    expect(lines.find((l) => l['msg'] === 'shutdown started')).toMatchObject({ reason: 'SIGTERM', service: 'trader-interface' });
  }, 90_000);
});
