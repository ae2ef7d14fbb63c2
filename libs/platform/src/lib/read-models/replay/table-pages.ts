/**
 * A read-model table as a stream of rows in key order, read in keyset pages: `WHERE (key) > (last key) ORDER BY
 * key LIMIT n`, which walks the key's index and never holds more than a page. Every value travels as its text
 * form (`::text`), so both databases render it the same way and jsonb, arrays, timestamps and bigints compare
 * exactly. Connections that read pages use RENDERING_SESSION, since timestamps and dates render in the session's
 * settings and the two sides may be read by roles with different defaults.
 */
import type { Pool } from 'pg';
import type { ComparedRow } from './merge-compare';

export interface TableColumn {
  readonly name: string;
  /** As `format_type` spells it (`text`, `bigint`, `timestamp with time zone`, `text[]`...): the cast for key values. */
  readonly type: string;
  readonly notNull: boolean;
}

export interface PagedTable {
  readonly schema: string;
  readonly table: string;
  readonly key: readonly TableColumn[];
  /** The columns whose values are compared (every column but the ignored ones; key columns too, harmlessly). */
  readonly columns: readonly string[];
  readonly pageSize: number;
}

/** The `options` of a pg connection whose text renderings are compared: the same on both sides, whatever the role's defaults. */
export const RENDERING_SESSION = '-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=1';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Double-quoted, and only plain lower-case names: catalogue entries are code, but they still end up in SQL. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

/** The table's columns in order, or an empty list when it does not exist. */
export async function tableColumns(db: Pool, schema: string, table: string): Promise<TableColumn[]> {
  const { rows } = await db.query<TableColumn>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [schema, table],
  );
  return rows;
}

/** The tables of a schema (what replay checks the catalogue accounts for). */
export async function schemaTables(db: Pool, schema: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY 1`, [schema]);
  return rows.map((r) => r.name);
}

export async function* tableRows(db: Pool, t: PagedTable): AsyncGenerator<ComparedRow, void, undefined> {
  const keys = t.key.map((k) => identifier(k.name));
  const select = [...keys.map((k, i) => `t.${k}::text AS k${i}`), ...t.columns.map((c, i) => `t.${identifier(c)}::text AS v${i}`)].join(', ');
  const from = `${identifier(t.schema)}.${identifier(t.table)} t`;
  const order = keys.map((k) => `t.${k}`).join(', ');
  const after = `(${order}) > (${t.key.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})`;
  let last: string[] | undefined;
  for (;;) {
    const { rows } = last
      ? await db.query<Record<string, string | null>>(`SELECT ${select} FROM ${from} WHERE ${after} ORDER BY ${order} LIMIT ${t.pageSize}`, last)
      : await db.query<Record<string, string | null>>(`SELECT ${select} FROM ${from} ORDER BY ${order} LIMIT ${t.pageSize}`);
    for (const row of rows) {
      const key = t.key.map((_, i) => row[`k${i}`] as string);
      yield { key, values: Object.fromEntries(t.columns.map((c, i) => [c, row[`v${i}`]])) };
      last = key;
    }
    if (rows.length < t.pageSize) return;
  }
}

/**
 * Which of two keys sorts first, asked of the database that sorted them (its collation, its types): -1, 0 or 1.
 * Only needed where the two sides differ, so rarely.
 */
export async function orderOfKeys(db: Pool, key: readonly TableColumn[], a: readonly string[], b: readonly string[]): Promise<number> {
  const row = (offset: number) => `ROW(${key.map((k, i) => `$${i + 1 + offset}::${k.type}`).join(', ')})`;
  const { rows } = await db.query<{ ord: number }>(`SELECT CASE WHEN ${row(0)} < ${row(key.length)} THEN -1 WHEN ${row(0)} > ${row(key.length)} THEN 1 ELSE 0 END AS ord`, [...a, ...b]);
  return Number(rows[0].ord);
}
