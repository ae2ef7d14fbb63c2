/**
 * One table of a projection, live against replayed. Planned before any event is replayed, against the freshly
 * migrated scratch schema: the catalogue's key and ignored columns must exist, since a typo must fail at once and
 * never silently compare less. Compared after the replay: the live table must have exactly the columns the
 * migrations create (else the live database is on other migrations), then the rows are merge-compared in key order.
 */
import type { Pool } from 'pg';
import { mergeCompare } from './merge-compare';
import type { ComparedTable } from './read-model-catalogue';
import { tableReport, type TableReport } from './replay-report';
import { orderOfKeys, tableColumns, tableRows, type PagedTable, type TableColumn } from './table-pages';

export interface TableComparisonSettings {
  readonly pageSize: number;
  readonly sampleLimit: number;
  readonly sampleValueChars: number;
}

export interface PlannedComparison {
  readonly name: string;
  readonly declared: ComparedTable;
  readonly columns: readonly TableColumn[];
  readonly paged: Omit<PagedTable, 'pageSize'>;
}

export async function planTableComparison(replayed: Pool, schema: string, declared: ComparedTable): Promise<PlannedComparison> {
  const name = `${schema}.${declared.table}`;
  const columns = await tableColumns(replayed, schema, declared.table);
  if (columns.length === 0) throw new Error(`${name}: the migrations create no such table`);
  if (declared.key.length === 0) throw new Error(`${name}: the catalogue gives no key`);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const ignored = declared.ignore ?? [];
  const unknown = [...declared.key, ...ignored.map((i) => i.column)].filter((c) => !byName.has(c));
  if (unknown.length > 0) throw new Error(`${name}: the catalogue names columns the table does not have: ${unknown.join(', ')}`);
  const key = declared.key.map((k) => byName.get(k) as TableColumn);
  // A NULL has no place in key order: keyset paging and the merge would lose the row.
  const nullable = key.filter((k) => !k.notNull).map((k) => k.name);
  if (nullable.length > 0) throw new Error(`${name}: key columns must be NOT NULL: ${nullable.join(', ')}`);
  const compared = columns.map((c) => c.name).filter((c) => !ignored.some((i) => i.column === c));
  return { name, declared, columns, paged: { schema, table: declared.table, key, columns: compared } };
}

export async function compareTable(live: Pool, replayed: Pool, plan: PlannedComparison, settings: TableComparisonSettings): Promise<TableReport> {
  const described = (cs: readonly TableColumn[]) => cs.map((c) => `${c.name} ${c.type}${c.notNull ? ' not null' : ''}`).join(', ');
  const liveColumns = await tableColumns(live, plan.paged.schema, plan.paged.table);
  if (described(liveColumns) !== described(plan.columns)) {
    throw new Error(`${plan.name}: the live table (${described(liveColumns) || 'missing'}) is not what the migrations create (${described(plan.columns)}): migrate the live database first`);
  }
  const paged = { ...plan.paged, pageSize: settings.pageSize };
  const counts = await mergeCompare(tableRows(live, paged), tableRows(replayed, paged), {
    keyColumns: plan.declared.key,
    columns: paged.columns,
    orderOf: (a, b) => orderOfKeys(live, paged.key, a, b),
    sampleLimit: settings.sampleLimit,
    sampleValueChars: settings.sampleValueChars,
  });
  const ignored = (plan.declared.ignore ?? []).map((i) => ({ column: i.column, why: i.why }));
  return tableReport(plan.name, plan.declared.key, ignored, counts);
}
