/**
 * The "scratch schema" of a replay, realised as a scratch DATABASE on the live one's server. Projections write
 * schema-qualified SQL (`control_results.hit_facts`) and TypeORM entities bound to the service's schema, so a
 * scratch schema in the live database would need every statement rewritten, and a rewritten projection is no
 * longer the one that runs. A second database where the same migrations create the same schema names runs the
 * handler unchanged.
 *
 * Created and dropped as the schema owner (the migration job's MIGRATION_DATABASE_URL), who therefore needs
 * CREATEDB. It copies the live database's encoding and collation (from template0), because replay compares the
 * two sides in key order: both must sort text the same way. Names start with `ics2_replay_`, so one a crashed
 * replay left behind is easy to find and drop.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const SCRATCH_DATABASE_PREFIX = 'ics2_replay_';

export interface ScratchDatabase {
  readonly name: string;
  /** The owner's URL, pointed at the scratch database. */
  readonly url: string;
  drop(): Promise<void>;
}

interface DatabaseLocale {
  readonly encoding: string;
  readonly datcollate: string;
  readonly datctype: string;
  // PostgreSQL 15+: c = libc, i = icu, b = builtin (17+); the ICU/builtin locale moved to datlocale in 17.
  readonly datlocprovider?: string;
  readonly datlocale?: string | null;
  readonly daticulocale?: string | null;
  readonly daticurules?: string | null;
}

export async function createScratchDatabase(ownerUrl: string): Promise<ScratchDatabase> {
  const name = `${SCRATCH_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withClient(ownerUrl, async (owner) => {
    const { rows } = await owner.query<{ locale: DatabaseLocale }>(
      `SELECT to_jsonb(d) || jsonb_build_object('encoding', pg_encoding_to_char(d.encoding)) AS locale FROM pg_database d WHERE datname = current_database()`,
    );
    await owner.query(`CREATE DATABASE ${name} TEMPLATE template0 ${localeClause(rows[0].locale)}`);
  });
  return {
    name,
    url: withDatabase(ownerUrl, name),
    drop: () => withClient(ownerUrl, (owner) => owner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** `ENCODING ... LC_COLLATE ... LC_CTYPE ...` and, where the server knows them, the locale provider and its locale. */
export function localeClause(l: DatabaseLocale): string {
  const parts = [`ENCODING ${literal(l.encoding)}`, `LC_COLLATE ${literal(l.datcollate)}`, `LC_CTYPE ${literal(l.datctype)}`];
  const locale = l.datlocale ?? l.daticulocale ?? null;
  if (l.datlocprovider === 'c') parts.push('LOCALE_PROVIDER libc');
  if (l.datlocprovider === 'i' && locale) parts.push(`LOCALE_PROVIDER icu ICU_LOCALE ${literal(locale)}`, ...(l.daticurules ? [`ICU_RULES ${literal(l.daticurules)}`] : []));
  if (l.datlocprovider === 'b' && locale) parts.push(`LOCALE_PROVIDER builtin BUILTIN_LOCALE ${literal(locale)}`);
  return parts.join(' ');
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
