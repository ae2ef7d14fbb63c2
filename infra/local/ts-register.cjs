// Lets Node run the project's TypeScript tools directly (benchmarks, CLI scripts): transpile only, with the
// workspace's @ics2/* path aliases. Services in the stack run from the compiled dist/ instead.
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || require('node:path').join(__dirname, '..', '..', 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register/transpile-only');
require('tsconfig-paths/register');
