import fc from 'fast-check';
import { mergeCompare, type ComparedRow, type MergeOptions } from './merge-compare';

const row = (key: string, values: Record<string, string | null> = {}): ComparedRow => ({ key: [key], values });

async function* rows(...list: ComparedRow[]): AsyncGenerator<ComparedRow> {
  for (const r of list) yield r;
}

// Plain string order stands in for the database's collation here.
const byText = async (a: readonly string[], b: readonly string[]) => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0);
const options: MergeOptions = { keyColumns: ['mrn'], columns: ['status', 'lrn'], orderOf: byText, sampleLimit: 10 };

describe('merge-compare', () => {
  describe('when both sides hold the same rows', () => {
    it('counts them and finds no difference', async () => {
      const same = [row('A', { status: 'open', lrn: 'L1' }), row('B', { status: 'closed', lrn: null })];
      expect(await mergeCompare(rows(...same), rows(...same), options)).toEqual({ liveRows: 2, replayedRows: 2, missing: 0, extra: 0, different: 0, samples: [] });
    });
  });

  describe('when a row the events give is not in the live table', () => {
    it('reports it missing, by its key', async () => {
      const counts = await mergeCompare(rows(row('A'), row('C')), rows(row('A'), row('B'), row('C')), options);
      expect(counts).toMatchObject({ liveRows: 2, replayedRows: 3, missing: 1, extra: 0, different: 0 });
      expect(counts.samples).toEqual([{ kind: 'missing', key: { mrn: 'B' } }]);
    });
  });

  describe('when the live table has a row the events do not give', () => {
    it('reports it extra, also past the replayed rows', async () => {
      const counts = await mergeCompare(rows(row('A'), row('B'), row('Z')), rows(row('B')), options);
      expect(counts).toMatchObject({ liveRows: 3, replayedRows: 1, missing: 0, extra: 2, different: 0 });
      expect(counts.samples).toEqual([
        { kind: 'extra', key: { mrn: 'A' } },
        { kind: 'extra', key: { mrn: 'Z' } },
      ]);
    });
  });

  describe('when a row differs in a compared column', () => {
    it('names the columns with both values, and only those', async () => {
      const counts = await mergeCompare(rows(row('A', { status: 'open', lrn: 'L1' })), rows(row('A', { status: 'closed', lrn: 'L1' })), options);
      expect(counts).toMatchObject({ liveRows: 1, replayedRows: 1, different: 1 });
      expect(counts.samples).toEqual([{ kind: 'different', key: { mrn: 'A' }, columns: [{ column: 'status', live: 'open', replayed: 'closed' }] }]);
    });

    it('tells a NULL from an empty text', async () => {
      const counts = await mergeCompare(rows(row('A', { status: null })), rows(row('A', { status: '' })), options);
      expect(counts.different).toBe(1);
    });

    it('ignores a column it is not asked to compare', async () => {
      const counts = await mergeCompare(rows(row('A', { seq: '1' })), rows(row('A', { seq: '2' })), options);
      expect(counts.different).toBe(0);
    });

    it('shortens long values in the samples', async () => {
      const counts = await mergeCompare(rows(row('A', { status: 'x'.repeat(50) })), rows(row('A', { status: 'y' })), { ...options, sampleValueChars: 10 });
      expect(counts.samples[0].columns?.[0].live).toBe(`${'x'.repeat(10)}…`);
    });
  });

  describe('with composite keys', () => {
    it('names every key column in a sample', async () => {
      const two = (a: string, b: string): ComparedRow => ({ key: [a, b], values: {} });
      const counts = await mergeCompare(rows(two('DE', '1')), rows(two('DE', '1'), two('DE', '2')), { ...options, keyColumns: ['member_state', 'id'] });
      expect(counts.samples).toEqual([{ kind: 'missing', key: { member_state: 'DE', id: '2' } }]);
    });
  });

  it('keeps counting past the sample limit', async () => {
    const live = rows(...['A', 'B', 'C'].map((k) => row(k)));
    const counts = await mergeCompare(live, rows(), { ...options, sampleLimit: 1 });
    expect(counts).toMatchObject({ extra: 3 });
    expect(counts.samples).toHaveLength(1);
  });

  it('asks for the order only where the keys differ', async () => {
    const orderOf = jest.fn(byText);
    await mergeCompare(rows(row('A'), row('B'), row('D')), rows(row('A'), row('C'), row('D')), { ...options, orderOf });
    expect(orderOf.mock.calls.map(([a, b]) => [a[0], b[0]])).toEqual([
      ['B', 'C'],
      ['D', 'C'],
    ]);
  });

  it('refuses a key that is not unique', async () => {
    await expect(mergeCompare(rows(row('A'), row('A')), rows(row('A')), options)).rejects.toThrow(/not unique/);
  });

  it('finds exactly the keys of one side only, for any two sets of keys', async () => {
    const keys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(keys, keys, async (liveKeys, replayedKeys) => {
        const sorted = (ks: string[]) => [...ks].sort().map((k) => row(k));
        const counts = await mergeCompare(rows(...sorted(liveKeys)), rows(...sorted(replayedKeys)), { ...options, sampleLimit: Infinity });
        const missing = replayedKeys.filter((k) => !liveKeys.includes(k)).sort();
        const extra = liveKeys.filter((k) => !replayedKeys.includes(k)).sort();
        expect(counts.samples.filter((s) => s.kind === 'missing').map((s) => s.key['mrn'])).toEqual(missing);
        expect(counts.samples.filter((s) => s.kind === 'extra').map((s) => s.key['mrn'])).toEqual(extra);
        expect([counts.liveRows, counts.replayedRows]).toEqual([liveKeys.length, replayedKeys.length]);
      }),
    );
  });
});
