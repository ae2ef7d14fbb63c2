/**
 * Compares two streams of rows sorted by the same key, as a merge join: one pass, one row of each side in hand, so
 * a table of any size is compared in constant memory. The replayed rows are the reference (they follow from the
 * events): a key only the replay has is `missing` from the live table, a key only live has is `extra` there, and a
 * key on both sides whose values differ is `different`.
 *
 * Keys arrive as their text forms. Equal text is the same key; for unequal ones the order comes from `orderOf`,
 * which must agree with the order both streams are sorted in (replay asks PostgreSQL, whose collation sorted them).
 */

export interface ComparedRow {
  /** The key columns' values as text, in key order. */
  readonly key: readonly string[];
  /** The compared columns' values as text (null for SQL NULL). */
  readonly values: Readonly<Record<string, string | null>>;
}

export type DifferenceKind = 'missing' | 'extra' | 'different';

export interface ColumnDifference {
  readonly column: string;
  readonly live: string | null;
  readonly replayed: string | null;
}

export interface RowDifference {
  readonly kind: DifferenceKind;
  /** The row's key, column by column. */
  readonly key: Readonly<Record<string, string>>;
  /** For `different`: the columns that differ, with both values (long values shortened). */
  readonly columns?: readonly ColumnDifference[];
}

export interface MergeCounts {
  readonly liveRows: number;
  readonly replayedRows: number;
  readonly missing: number;
  readonly extra: number;
  readonly different: number;
  /** The first few differences, in key order. */
  readonly samples: readonly RowDifference[];
}

export interface MergeOptions {
  readonly keyColumns: readonly string[];
  readonly columns: readonly string[];
  /** Negative when `a` sorts before `b`, positive after, 0 for the same key. Called only for unequal text. */
  readonly orderOf: (a: readonly string[], b: readonly string[]) => Promise<number>;
  readonly sampleLimit: number;
  /** Sample values longer than this are cut (a filing's JSON would swamp the report). */
  readonly sampleValueChars?: number;
}

export async function mergeCompare(live: AsyncIterable<ComparedRow>, replayed: AsyncIterable<ComparedRow>, options: MergeOptions): Promise<MergeCounts> {
  const liveRows = uniqueKeys(live[Symbol.asyncIterator](), 'live');
  const replayedRows = uniqueKeys(replayed[Symbol.asyncIterator](), 'replayed');
  const counts = { liveRows: 0, replayedRows: 0, missing: 0, extra: 0, different: 0 };
  const samples: RowDifference[] = [];
  const note = (difference: RowDifference) => {
    counts[difference.kind]++;
    if (samples.length < options.sampleLimit) samples.push(difference);
  };
  const keyOf = (row: ComparedRow) => Object.fromEntries(options.keyColumns.map((c, i) => [c, row.key[i]]));

  let l = await liveRows.next();
  let r = await replayedRows.next();
  while (!l.done || !r.done) {
    const order = l.done ? 1 : r.done ? -1 : sameKey(l.value.key, r.value.key) ? 0 : await options.orderOf(l.value.key, r.value.key);
    if (order < 0 && !l.done) {
      counts.liveRows++;
      note({ kind: 'extra', key: keyOf(l.value) });
      l = await liveRows.next();
    } else if (order > 0 && !r.done) {
      counts.replayedRows++;
      note({ kind: 'missing', key: keyOf(r.value) });
      r = await replayedRows.next();
    } else if (!l.done && !r.done) {
      counts.liveRows++;
      counts.replayedRows++;
      const columns = differingColumns(l.value, r.value, options);
      if (columns.length > 0) note({ kind: 'different', key: keyOf(r.value), columns });
      l = await liveRows.next();
      r = await replayedRows.next();
    }
  }
  return { ...counts, samples };
}

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function differingColumns(live: ComparedRow, replayed: ComparedRow, options: MergeOptions): ColumnDifference[] {
  const cut = (v: string | null) => (v !== null && options.sampleValueChars !== undefined && v.length > options.sampleValueChars ? `${v.slice(0, options.sampleValueChars)}…` : v);
  return options.columns
    .filter((c) => (live.values[c] ?? null) !== (replayed.values[c] ?? null))
    .map((c) => ({ column: c, live: cut(live.values[c] ?? null), replayed: cut(replayed.values[c] ?? null) }));
}

/** Passes rows through, refusing two in a row with the same key: the declared key is not unique, the counts would lie. */
async function* uniqueKeys(rows: AsyncIterator<ComparedRow>, side: string): AsyncGenerator<ComparedRow, void, undefined> {
  let previous: readonly string[] | undefined;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (previous && sameKey(previous, next.value.key)) throw new Error(`the ${side} rows repeat the key (${next.value.key.join(', ')}): the declared key is not unique`);
    previous = next.value.key;
    yield next.value;
  }
}
