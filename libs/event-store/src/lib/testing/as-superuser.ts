import { Client, type QueryConfig } from 'pg';

/**
 * Runs statements as the superuser with the append-only triggers switched off (session_replication_role =
 * replica): the one way to rewrite history, which is what tamper tests do and what the verifiers must then detect.
 * On a connection of its own, ended afterwards, so the bypass never outlives the call.
 */
export async function asSuperuser(adminUrl: string, ...statements: readonly (string | QueryConfig)[]): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SET session_replication_role = replica');
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}
