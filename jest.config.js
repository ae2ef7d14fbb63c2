// One Jest run, three projects selected by file suffix (STYLE.md): unit (pure), int (one slice on a real
// PostgreSQL), e2e (the stack through its doors). Type checking is `npm run typecheck`'s job, so ts-jest only
// transpiles here, which keeps the suites fast.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,test}/**/*.unit.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.unit.setup.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{libs,services,test}/**/*.int.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.int.setup.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/{libs,services,test}/**/*.e2e.spec.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/jest-timeout.e2e.setup.ts'] },
  ],
};
