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

/**
 * A new, empty, migrated database (the event store's schema, or what `migrate` applies) on the test cluster, so each test file is isolated from every other.
 * Call `drop()` in afterAll.
 */
export async function freshDatabase(prefix = 't', migrate: (adminUrl: string) => Promise<unknown> = migrateEventStore): Promise<FreshDatabase> {
  const root = superuserUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: root });
  await admin.connect();
  try {
    await ensureServiceLogin(admin, TEST_SERVICE_USER, TEST_SERVICE_PASSWORD);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const adminUrl = withDatabase(root, name);
  await migrate(adminUrl);
  return {
    adminUrl,
    appUrl: withDatabase(root, name, TEST_SERVICE_USER, TEST_SERVICE_PASSWORD),
    name,
    async drop() {
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
