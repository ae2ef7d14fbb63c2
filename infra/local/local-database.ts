import { Client } from 'pg';
import { ensureServiceLogin } from '@ics2/event-store';

/** The login the local stack's services use; a member of the application role, so it cannot alter events. */
export const LOCAL_SERVICE_USER = 'ics2_service';
const LOCAL_SERVICE_PASSWORD = 'ics2_service';

/**
 * Creates the stack's database and its service login on a fresh embedded cluster (no-op when they exist).
 * Returns the owner URL (migrations) and the service URL (what services connect with).
 */
export async function provisionLocalDatabase(superuserUrl: string, database: string): Promise<{ adminUrl: string; appUrl: string }> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
    await ensureServiceLogin(client, LOCAL_SERVICE_USER, LOCAL_SERVICE_PASSWORD);
  } finally {
    await client.end();
  }
  const admin = new URL(superuserUrl);
  admin.pathname = `/${database}`;
  const app = new URL(admin.toString());
  app.username = LOCAL_SERVICE_USER;
  app.password = LOCAL_SERVICE_PASSWORD;
  return { adminUrl: admin.toString(), appUrl: app.toString() };
}
