/**
 * A keyed feed: ordered items per key (an operator's inbox by EORI, a Member State's signals by country code) in a
 * service's own schema, written by a projection and read by cursor. Each key has its own sequence 1, 2, 3...; the
 * cursor is that number, and `seq > after` returns exactly what came after it (see keyed-feed.sequencer.ts for why
 * it never skips and never repeats).
 *
 * A feed names its two tables and its channel, and lists its own columns. The shared columns have fixed names:
 *
 *   CREATE TABLE <schema>.<sequencesTable> (
 *     <keyColumn> text   PRIMARY KEY,
 *     last_seq    bigint NOT NULL CHECK (last_seq > 0)            -- the last number handed out for the key
 *   );
 *   CREATE TABLE <schema>.<itemsTable> (
 *     <keyColumn> text   NOT NULL,
 *     seq         bigint NOT NULL CHECK (seq > 0),                -- the cursor; paging follows the primary key
 *     id          uuid   NOT NULL,                                -- name-based (feedItemId): a redelivery finds it
 *     ...the feed's own columns...,
 *     PRIMARY KEY (<keyColumn>, seq),
 *     UNIQUE (<keyColumn>, id)
 *   );
 *
 * The tables come from the service's migrations like any other; the definition only says where they are.
 */
import { createHash } from 'node:crypto';

/** The PostgreSQL types a feed's own column may have (values are sent as arrays of it, one statement per batch). */
export type FeedColumnType = 'text' | 'uuid' | 'jsonb' | 'timestamptz' | 'integer' | 'bigint' | 'boolean';

export interface FeedColumn<Pending> {
  /** The column in the items table. */
  readonly name: string;
  readonly type: FeedColumnType;
  /** The value written for a pending item; jsonb values are serialised with JSON.stringify. null for NULL. */
  readonly value: (item: Pending) => unknown;
}

/**
 * A stored item as PostgreSQL gives it back: the key under `key`, `seq` and `id` as text, then the feed's own
 * columns by their names (jsonb parsed, timestamptz as Date, bigint as text).
 */
export type StoredFeedRow = { readonly key: string; readonly seq: string; readonly id: string } & Readonly<Record<string, unknown>>;

export interface KeyedFeedDefinition<Pending, Entry> {
  /** For logs and shutdown hooks: 'notification inbox', 'risk signals'. */
  readonly name: string;
  readonly schema: string;
  readonly itemsTable: string;
  readonly sequencesTable: string;
  /** The key's column, same name in both tables: `recipient`, `member_state`. */
  readonly keyColumn: string;
  /** LISTEN/NOTIFY channel; the payload is the key whose items committed. */
  readonly channel: string;
  readonly keyOf: (item: Pending) => string;
  /** A UUID; the same source fact must always give the same id (feedItemId). */
  readonly idOf: (item: Pending) => string;
  readonly columns: readonly FeedColumn<Pending>[];
  /** A stored row into what readers get. Name the fields one by one: a new column must not leak. */
  readonly read: (row: StoredFeedRow) => Entry;
}

/** One item as readers get it: its place in the key's sequence (the cursor) and the feed's entry. */
export interface FeedItem<Entry> {
  readonly seq: bigint;
  readonly entry: Entry;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const RESERVED = new Set(['key', 'seq', 'id', 'last_seq']);

/**
 * Checks a definition once, where it is declared: its names end up in SQL text (identifiers cannot be bound), so
 * they must be plain lower-case identifiers, and its own columns must not shadow the shared ones.
 */
export function defineKeyedFeed<Pending, Entry>(definition: KeyedFeedDefinition<Pending, Entry>): KeyedFeedDefinition<Pending, Entry> {
  const names = [definition.schema, definition.itemsTable, definition.sequencesTable, definition.keyColumn, definition.channel, ...definition.columns.map((c) => c.name)];
  const wrong = names.find((n) => !IDENTIFIER.test(n));
  if (wrong !== undefined) throw new Error(`keyed feed ${definition.name}: "${wrong}" is not a plain lower-case SQL identifier`);
  const own = definition.columns.map((c) => c.name);
  const clash = own.find((n, i) => RESERVED.has(n) || n === definition.keyColumn || own.indexOf(n) !== i);
  if (clash !== undefined) throw new Error(`keyed feed ${definition.name}: column "${clash}" is reserved or listed twice`);
  return Object.freeze({ ...definition, columns: Object.freeze([...definition.columns]) });
}

// Cursors -------------------------------------------------------------------------------------------------------

const MAX_SEQ = 2n ** 63n - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;

/**
 * The sequence number a cursor stands for, or null when it is not one a feed gave out. Cursors are opaque to
 * clients: today the decimal sequence number ("0" = before the first item); the only promise is that each item's
 * cursor is greater than the one before for the same key, and that reading after a cursor gives what came after it.
 */
export function parseFeedCursor(cursor: string): bigint | null {
  if (!DECIMAL.test(cursor)) return null;
  const seq = BigInt(cursor);
  return seq <= MAX_SEQ ? seq : null;
}

export function feedCursorOf(seq: bigint): string {
  return seq.toString();
}

// Item ids ------------------------------------------------------------------------------------------------------

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1) of what makes an item itself, e.g. (source event, kind, key): a
 * redelivered or replayed event gives the same id, and the unique (key, id) keeps it from becoming a second item.
 * `namespace` is the feed's own fixed UUID (changing it changes every id).
 */
export function feedItemId(namespace: string, parts: readonly string[]): string {
  // Unit separators: no part contains one, so two different tuples never give the same name.
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(parts.join('\u001f'), 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
