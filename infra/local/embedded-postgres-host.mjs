/**
 * The embedded PostgreSQL of `npm start`, in a process group of its own (embedded-postgres-detached.mjs forks this
 * file detached). Ctrl-C in a terminal signals the whole foreground group: PostgreSQL among them would shut down
 * at once (SIGINT is its fast shutdown) and cut the connections of services still draining. Here only the stack
 * stops it, after the services: message `stop`. If the stack dies without saying so (the IPC channel closes),
 * PostgreSQL is stopped too, never left running.
 */
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

let server = null;
let stopping = null;

function stop(code) {
  stopping ??= (async () => {
    await server?.stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

process.on('message', async (message) => {
  if (message?.type === 'start') {
    try {
      server = await startEmbeddedPostgres(message.options);
      process.send({ type: 'started', url: server.url, port: server.port, dataDir: server.dataDir });
    } catch (e) {
      process.send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }, () => process.exit(1));
    }
  } else if (message?.type === 'stop') {
    await stop(0);
  }
});
process.on('disconnect', () => void stop(0));
// A signal meant for this group alone (kill -TERM -<pgid>) still stops PostgreSQL cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
