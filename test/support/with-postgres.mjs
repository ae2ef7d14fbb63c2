// Runs a command with DATABASE_URL pointing at a PostgreSQL superuser connection. When DATABASE_URL is already
// set, that server is used; otherwise a throwaway embedded PostgreSQL is started on a free port in a temporary
// folder and removed afterwards. Tests create their own databases on it (libs/testing: freshDatabase).
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from '../../infra/local/embedded-postgres.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-postgres.mjs <command> [args...]');
  process.exit(2);
}

let server = null;
if (!process.env.DATABASE_URL) {
  server = await startEmbeddedPostgres({ persistent: false });
  process.env.DATABASE_URL = server.url;
}

const child = spawn(command, args, { stdio: 'inherit', env: process.env, shell: process.platform === 'win32' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
if (server) await server.stop();
process.exit(code);
