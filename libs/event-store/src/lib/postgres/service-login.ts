import type { Client } from 'pg';
import { APP_ROLE } from './migrate';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates a login role that is a member of the application role (and that role itself if missing), for the local
 * stack and the test clusters; production provisions its roles from secrets. Roles are cluster-wide, so
 * concurrent callers can race: the loser's duplicate error is ignored.
 */
export async function ensureServiceLogin(superuser: Client, user: string, password: string): Promise<void> {
  if (!IDENTIFIER.test(user)) throw new Error(`not a plain role name: ${user}`);
  const quotedPassword = `'${password.replace(/'/g, "''")}'`;
  await superuser.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${user}') THEN
        CREATE ROLE ${user} LOGIN PASSWORD ${quotedPassword} IN ROLE ${APP_ROLE};
      END IF;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
    END $$`);
}
