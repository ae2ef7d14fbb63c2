/**
 * startEmbeddedPostgres (embedded-postgres.mjs) in a detached host process (embedded-postgres-host.mjs), so that a
 * terminal's Ctrl-C reaches the stack and its services but not PostgreSQL: the stack stops it last, once every
 * service has drained. Same options and result as startEmbeddedPostgres.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOST = fileURLToPath(new URL('./embedded-postgres-host.mjs', import.meta.url));

/** @param {{ dataDir?: string, port?: number, durable?: boolean }} options */
export function startDetachedEmbeddedPostgres(options = {}) {
  const host = fork(HOST, [], { detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => host.once('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    exited.then((how) => reject(new Error(`the embedded PostgreSQL host exited (${how}) before the server started`)));
    host.once('message', (message) => {
      if (message?.type !== 'started') return reject(new Error(message?.message ?? 'the embedded PostgreSQL did not start'));
      resolve({
        url: message.url,
        port: message.port,
        dataDir: message.dataDir,
        async stop() {
          if (host.exitCode === null && host.signalCode === null) host.send({ type: 'stop' });
          await exited;
        },
      });
    });
    host.send({ type: 'start', options });
  });
}
