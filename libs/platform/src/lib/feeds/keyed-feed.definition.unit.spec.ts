import { defineKeyedFeed, feedCursorOf, feedItemId, parseFeedCursor, type KeyedFeedDefinition } from './keyed-feed.definition';

interface Pending {
  readonly to: string;
  readonly id: string;
  readonly text: string;
}

const feed = (o: Partial<KeyedFeedDefinition<Pending, string>> = {}) =>
  defineKeyedFeed<Pending, string>({
    name: 'test feed',
    schema: 'svc',
    itemsTable: 'items',
    sequencesTable: 'item_sequences',
    keyColumn: 'recipient',
    channel: 'svc_items',
    keyOf: (p) => p.to,
    idOf: (p) => p.id,
    columns: [{ name: 'text', type: 'text', value: (p) => p.text }],
    read: (row) => String(row['text']),
    ...o,
  });

describe('keyed feed definition', () => {
  it('accepts plain identifiers and freezes the definition', () => {
    const f = feed();
    expect(Object.isFrozen(f)).toBe(true);
    expect(f.columns.map((c) => c.name)).toEqual(['text']);
  });

  const wrong: [string, Partial<KeyedFeedDefinition<Pending, string>>][] = [
    ['a schema that is not a plain identifier', { schema: 'svc; DROP TABLE x' }],
    ['an upper-case table', { itemsTable: 'Items' }],
    ['a channel with a dash', { channel: 'svc-items' }],
    ['an own column named like a shared one', { columns: [{ name: 'seq', type: 'bigint', value: () => 1 }] }],
    ['an own column named like the key', { columns: [{ name: 'recipient', type: 'text', value: () => 'x' }] }],
    ['a column listed twice', { columns: [{ name: 'text', type: 'text', value: () => 'x' }, { name: 'text', type: 'text', value: () => 'y' }] }],
  ];
  it.each(wrong)('refuses %s', (_what, override) => {
    expect(() => feed(override)).toThrow(/keyed feed test feed/);
  });
});

describe('feed cursors', () => {
  it('round-trip the sequence number', () => {
    expect(parseFeedCursor(feedCursorOf(42n))).toBe(42n);
    expect(parseFeedCursor('0')).toBe(0n);
    expect(parseFeedCursor('9223372036854775807')).toBe(2n ** 63n - 1n);
  });

  it.each(['', 'abc', '-1', '01', '1.5', ' 1', '9223372036854775808', '99999999999999999999'])('refuses %j', (cursor) => {
    expect(parseFeedCursor(cursor)).toBeNull();
  });
});

describe('feed item ids', () => {
  const NS = '3f0c6a52-7d1e-4b8a-9a57-2f61c4e0b9d3';

  it('are version 5 UUIDs, the same for the same parts', () => {
    const id = feedItemId(NS, ['event-1', 'analysis', 'DE']);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feedItemId(NS, ['event-1', 'analysis', 'DE'])).toBe(id);
  });

  it('differ when the parts differ, however they are split', () => {
    const ids = [feedItemId(NS, ['event-1', 'analysis', 'DE']), feedItemId(NS, ['event-1', 'analysis', 'BE']), feedItemId(NS, ['event-1analysis', 'DE']), feedItemId(NS, ['event-1', 'analysisDE'])];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
