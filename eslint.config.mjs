// Lint: TypeScript rules plus the architecture's walls (ARCHITECTURE.md, STYLE.md), enforced by Nx tags.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const nestAndDb = ['@nestjs/*', 'typeorm', 'pg', '@grpc/*', 'rxjs', 'class-validator', 'class-transformer', '@kurrent/*'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.data/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Services never import each other: only their own scope and the shared libs.
            ...['trader-interface', 'common-repository', 'risk-analysis', 'control-results', 'crms', 'audit'].map((s) => ({
              sourceTag: `scope:${s}`,
              onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'],
            })),
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: [...nestAndDb, 'node:*'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: nestAndDb },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'rxjs'],
            },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access', 'type:platform'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access', 'type:platform', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  {
    // libs/testing is for specs and test/ only; production code must not pull it in.
    files: ['services/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.test-harness.ts', 'libs/testing/**', 'libs/event-store/src/testing.ts', 'libs/event-store/src/lib/testing/**', 'libs/event-store/src/lib/kurrentdb/kurrentdb-test-database.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@ics2/testing', message: 'test-only library' },
            { name: '@ics2/event-store/testing', message: 'test-only entry point' },
          ],
        },
      ],
    },
  },
  {
    // A service's domain folder is pure: no framework, no I/O, no clock, no randomness.
    files: ['services/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nestAndDb, 'node:*', '**/read-models/**'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the clock arrives in the command' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the clock arrives in the command' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'randomness arrives in the command' },
      ],
    },
  },
];
