// `npm test`: every check a change must pass, in the order that fails fastest.
// lint (incl. the architecture's module boundaries) -> type check -> unit -> integration -> end-to-end.
// Integration and end-to-end suites run on a real PostgreSQL: DATABASE_URL if set, else a throwaway embedded one.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// ICS2_BUILT tells the end-to-end suite that dist/ is fresh from the build step below.
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ICS2_BUILT: '1' };
const resultsDir = mkdtempSync(join(tmpdir(), 'ics2-test-'));
const results = join(resultsDir, 'jest.json');

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  console.log(`=== ${title}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}

// The module-boundaries rule reads Nx's cached project graph and silently skips without one: compute it first.
step('project graph', npx, ['nx', 'show', 'projects']);
step('lint', npx, ['eslint', '.', '--max-warnings=0']);
step('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('build', npx, ['tsc', '-p', 'tsconfig.build.json']);
step('build assets', 'node', ['docker/copy-build-assets.cjs']);
step('tests (unit, int, e2e)', 'node', [
  'test/support/with-postgres.mjs',
  npx,
  'jest',
  '--selectProjects',
  'unit',
  'int',
  'e2e',
  '--json',
  `--outputFile=${results}`,
]);

const summary = JSON.parse(readFileSync(results, 'utf8'));
rmSync(resultsDir, { recursive: true, force: true });
// The plain closing line CI and people read.
console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
process.exit(summary.success && summary.numTotalTests > 0 ? 0 : 1);
