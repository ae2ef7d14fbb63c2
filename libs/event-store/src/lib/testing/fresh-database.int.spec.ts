/**
 * A test database's admin client: the superuser's, opened once and the same after, with the append-only triggers
 * on; `drop()` ends it and drops the database.
 */
import { Client } from 'pg';
import { freshDatabase } from './fresh-database';

describe('freshDatabase', () => {
  it('opens one superuser client on the database, with the triggers on, and drop() ends it', async () => {
    const db = await freshDatabase('fresh_admin', async () => undefined);
    const admin = await db.admin();
    expect(await db.admin()).toBe(admin);
    const { rows } = await admin.query(`SELECT current_database() AS name, current_setting('is_superuser') AS su, current_setting('session_replication_role') AS role`);
    expect(rows).toEqual([{ name: db.name, su: 'on', role: 'origin' }]);

    await db.drop();
    await expect(admin.query('SELECT 1')).rejects.toThrow();
    const cluster = new Client({ connectionString: process.env.DATABASE_URL });
    await cluster.connect();
    try {
      expect((await cluster.query('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [db.name])).rows[0].n).toBe(0);
    } finally {
      await cluster.end();
    }
  });
});
