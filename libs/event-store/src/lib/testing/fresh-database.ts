import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateEventStore } from '../postgres/migrate';
import { ensureServiceLogin } from '../postgres/service-login';

/** The login role tests and the embedded stack use; it is a member of the application's group role. */
export const TEST_SERVICE_USER = 'ics2_service';
export const TEST_SERVICE_PASSWORD = 'ics2_service';

export interface FreshDatabase {
  /** Superuser connection: for migrations and for tests that tamper with rows on purpose. */
  readonly adminUrl: string;
  /** The application role's connection: what services use; it cannot UPDATE or DELETE events. */
  readonly appUrl: string;
  readonly name: string;
  /**
   * An open superuser client on the database, for what the application role may not do (set-up, reading a plan or
   * a table behind a service), opened on the first call and the same one after; `drop()` ends it. The append-only
   * triggers stay on: `asSuperuser` is how a test rewrites history.
   */
  admin(): Promise<Client>;
  /** Ends the admin client, if one was opened, and drops the database. */
  drop(): Promise<void>;
}

function superuserUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through `npm test` (test/support/with-postgres.mjs)');
  return url;
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user;
    u.password = password ?? '';
  }
  return u.toString();
}

async function connected(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * A new, empty, migrated database (the event store's schema, or what `migrate` applies) on the test cluster, so each test file is isolated from every other.
 * Call `drop()` in afterAll.
 */
export async function freshDatabase(prefix = 't', migrate: (adminUrl: string) => Promise<unknown> = migrateEventStore): Promise<FreshDatabase> {
  const root = superuserUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const cluster = new Client({ connectionString: root });
  await cluster.connect();
  try {
    await ensureServiceLogin(cluster, TEST_SERVICE_USER, TEST_SERVICE_PASSWORD);
    await cluster.query(`CREATE DATABASE ${name}`);
  } finally {
    await cluster.end();
  }
  const adminUrl = withDatabase(root, name);
  await migrate(adminUrl);
  let admin: Promise<Client> | null = null;
  return {
    adminUrl,
    appUrl: withDatabase(root, name, TEST_SERVICE_USER, TEST_SERVICE_PASSWORD),
    name,
    admin() {
      admin ??= connected(adminUrl);
      return admin;
    },
    async drop() {
      const opened = admin;
      admin = null;
      // A client that failed or broke has nothing to end; the drop below ends its session regardless.
      if (opened) await opened.then((client) => client.end()).catch(() => undefined);
      const c = new Client({ connectionString: root });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
