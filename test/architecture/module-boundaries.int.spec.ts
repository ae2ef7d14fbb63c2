/**
 * The architecture's walls are enforced by lint, not by review. These cases prove the rules bite: each snippet
 * is linted as if it lived at the given path, with the workspace's real ESLint config and Nx project graph.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const env = { ...process.env, NX_DAEMON: 'false' };

beforeAll(() => {
  // The boundaries rule reads Nx's cached project graph; computing it here makes the test independent of order.
  const graph = spawnSync(process.execPath, [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'show', 'projects'], { cwd: root, env });
  expect(graph.status).toBe(0);
}, 60_000);

// ESLint's flat config is an ES module, which Jest's module system cannot load: run the real CLI instead.
async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', relativePath, '--format', 'json'],
    { cwd: root, env, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('module boundaries', () => {
  it('refuses a service importing another service', async () => {
    expect(await ruleIdsFor('services/crms/src/leak.ts', "import '../../trader-interface/src/app.module';\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('refuses NestJS, TypeORM or pg in libs/domain', async () => {
    for (const pkg of ['@nestjs/common', 'typeorm', 'pg']) {
      expect(await ruleIdsFor('libs/domain/src/lib/leak.ts', `import '${pkg}';\n`)).toContain('@nx/enforce-module-boundaries');
    }
  });

  it('refuses libs/domain importing another lib', async () => {
    expect(await ruleIdsFor('libs/domain/src/lib/leak.ts', "import '@ics2/event-store';\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('refuses the test kit in production code', async () => {
    expect(await ruleIdsFor('services/crms/src/leak.ts', "import '@ics2/testing';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('libs/platform/src/lib/leak.ts', "import '@ics2/event-store/testing';\n")).toContain('no-restricted-imports');
  });

  it('refuses the clock in a service domain folder', async () => {
    expect(await ruleIdsFor('services/crms/src/domain/leak.ts', 'export const now = Date.now();\n')).toContain(
      'no-restricted-syntax',
    );
  });

  it('accepts a service using the shared libs', async () => {
    expect(await ruleIdsFor('services/crms/src/fine.ts', "import '@ics2/domain';\nimport '@ics2/platform';\n")).toEqual([]);
  });
});
