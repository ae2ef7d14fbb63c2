/**
 * CI's check of the README's first command: `npm start` exactly as a newcomer types it (default ports, the data kept
 * in `.data/`, no DATABASE_URL), until every service it lists answers ready; then Ctrl-C, which must stop the stack
 * cleanly (exit 0). The stack e2e test covers the same with ports and a data folder of its own; this one guards the
 * defaults. Exits non-zero, with the stack's output, when anything fails.
 *
 * Started by root, PostgreSQL runs as "postgres" and must be able to enter the data folder: in a clone under a
 * folder closed to others (a home directory) that is impossible, and `npm start` says so; the smoke then keeps the
 * data in a temporary folder (ICS2_DATA_DIR, the documented way out) rather than fail on where CI cloned.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 60_000;

function closedToOthers(dir) {
  if (process.getuid?.() !== 0) return false;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return true;
    if (dirname(d) === d) return false;
  }
}

const env = { ...process.env };
delete env.DATABASE_URL;
delete env.APP_DATABASE_URL;
let tempData = null;
if (closedToOthers(root)) {
  tempData = mkdtempSync(join(tmpdir(), 'ics2-start-smoke-'));
  chmodSync(tempData, 0o755);
  env.ICS2_DATA_DIR = tempData;
  console.log(`[start-smoke] the clone is closed to the postgres user: data in ${tempData}`);
}

let out = '';
const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));

function fail(message) {
  console.error(`[start-smoke] ${message}\n----- npm start output -----\n${out}`);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  if (tempData) rmSync(tempData, { recursive: true, force: true });
  process.exit(1);
}

const started = Date.now();
while (!out.includes('[stack] ready')) {
  const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 500))]);
  if (early) fail(`npm start exited (${early.signal ?? early.code}) before it was ready`);
  if (Date.now() - started > READY_TIMEOUT_MS) fail(`npm start was not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

// The services as the stack lists them: "<name> http://127.0.0.1:<port>   grpc ...".
const services = [...out.matchAll(/^\s+(\S+)\s+(http:\/\/127\.0\.0\.1:\d+)\s+grpc/gm)].map((m) => ({ name: m[1], url: m[2] }));
if (services.length < 5) fail(`expected the five services in the output, found ${services.length}`);
for (const s of services) {
  const res = await fetch(`${s.url}/health/ready`).catch((e) => ({ status: String(e) }));
  if (res.status !== 200) fail(`${s.name} at ${s.url}/health/ready answered ${res.status}`);
}
console.log(`[start-smoke] npm start ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${services.map((s) => s.name).join(', ')}`);

// Ctrl-C in a terminal signals the whole foreground group: npm and the stack under it.
process.kill(-child.pid, 'SIGINT');
const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), STOP_TIMEOUT_MS))]);
if (!stopped) fail(`npm start did not stop within ${STOP_TIMEOUT_MS / 1000} s of Ctrl-C`);
// npm itself ends by the SIGINT it got, as in a terminal; the stack under it must have stopped in order.
if (!(stopped.code === 0 || stopped.code === 130 || stopped.signal === 'SIGINT') || !out.includes('[stack] stopped')) {
  fail(`npm start stopped with ${stopped.signal ?? stopped.code}`);
}
// Nothing may fail on the way: before the embedded PostgreSQL had its own process group, Ctrl-C stopped it at
// once and every draining subscription logged "Connection terminated unexpectedly".
const errors = out.split('\n').filter((line) => /"level":"(error|fatal)"/.test(line));
if (errors.length > 0) fail(`${errors.length} error lines were logged, the first: ${errors[0]}`);
if (tempData) rmSync(tempData, { recursive: true, force: true });
console.log('[start-smoke] stopped cleanly');
