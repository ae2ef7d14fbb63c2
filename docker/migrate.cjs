// The image's migrations entry: `node docker/migrate.cjs`, run by the Kubernetes init container of every service
// (infra/k8s/base) and by the compose `migrate` service. It applies the event store's SQL migrations as the schema
// owner named by DATABASE_URL (never the application role: that one cannot create tables) and, with
// EVENT_STORE=kurrentdb, the KurrentDB subscriptions' table. Several pods may run it at once: migrateEventStore
// serialises runners on an advisory lock and skips what is applied. A migration that was edited after it was applied
// stops it (exit 1); so does any failed migration, which rolls back. Exit 2: configuration missing.
//
// Then the service's own schema (read models and write-side guards): the image's service (ICS2_SERVICE, baked in by
// the Dockerfile) ships `dist/services/<name>/src/migrate.js` exporting `migrate(ownerUrl)`; a service without
// tables of its own ships none.
//
// PostgreSQL may still be starting (an init container is often faster than the database): connection failures are
// retried for MIGRATE_WAIT_SECONDS (default 120).
const fs = require('node:fs');
const path = require('node:path');
require('../infra/local/register-dist-paths.cjs');
const { migrateEventStore, migrateKurrentDbSubscriptions } = require('../dist/libs/event-store/src/index.js');

const RETRYABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', '57P03', '3D000']);

function log(line) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg: line, component: 'migrate' })}\n`);
}

/** Host and database only: the URL carries a password. */
function describe(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function withRetry(what, run, deadline) {
  for (let delay = 500; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await run();
    } catch (e) {
      const code = e && typeof e === 'object' ? e.code : undefined;
      if (!RETRYABLE.has(code) || Date.now() + delay > deadline) throw e;
      log(`${what}: database not reachable yet (${code}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('config error: DATABASE_URL must be set to the schema owner connection (postgres://owner@host/db)\n');
    process.exit(2);
  }
  const eventStore = process.env.EVENT_STORE ?? 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'kurrentdb') {
    process.stderr.write(`config error: EVENT_STORE must be one of postgres, kurrentdb, got ${JSON.stringify(eventStore)}\n`);
    process.exit(2);
  }
  const deadline = Date.now() + Number(process.env.MIGRATE_WAIT_SECONDS ?? 120) * 1000;
  log(`migrating the event store schema on ${describe(url)}`);
  await withRetry('event store', () => migrateEventStore(url), deadline);
  if (eventStore === 'kurrentdb') await withRetry('kurrentdb subscriptions', () => migrateKurrentDbSubscriptions(url), deadline);
  const service = process.env.ICS2_SERVICE;
  const own = service ? path.join(__dirname, '..', 'dist', 'services', service, 'src', 'migrate.js') : null;
  if (own && fs.existsSync(own)) {
    log(`migrating the ${service} schema`);
    const { migrate } = require(own);
    await withRetry(service, () => migrate(url), deadline);
  }
  log('migrations applied');
}

// As PID 1 in a container a signal without a handler is ignored: stop at once instead. A migration in flight runs in
// its own transaction and rolls back when the connection drops.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    log(`stopped by ${signal}`);
    process.exit(143);
  });
}

main().catch((e) => {
  process.stderr.write(`migrate failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
