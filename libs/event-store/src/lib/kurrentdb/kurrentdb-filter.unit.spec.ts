import { partitionOf } from '../postgres/postgres-partition';
import { matchesFilter, toServerFilter } from './kurrentdb-filter';

describe('kurrentdb filters', () => {
  describe('on the server (one expression only)', () => {
    it('sends categories as stream-name prefixes ending in the dash', () => {
      expect(toServerFilter({ categories: ['ens', 'risk'], eventTypes: ['EnsFilingRegistered'] })).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['ens-', 'risk-'],
      });
    });

    it('otherwise sends event types as an exact-match regex, special characters escaped', () => {
      const filter = toServerFilter({ eventTypes: ['EnsFilingRegistered', 'A.B+'] });
      expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?:EnsFilingRegistered|A\\.B\\+)$' });
      const regex = new RegExp((filter as { regex: string }).regex);
      expect(['EnsFilingRegistered', 'A.B+', 'EnsFilingRegisteredX', 'AxB+'].map((t) => regex.test(t))).toEqual([true, true, false, false]);
    });

    it('otherwise leaves out only system events', () => {
      expect(toServerFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
      expect(toServerFilter({ categories: [], eventTypes: [] })).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    });
  });

  describe('on the client (what decides)', () => {
    const e = (streamId: string, type = 'EnsFilingRegistered') => ({ streamId, type });

    it('takes the category exactly: the part before the first dash', () => {
      expect(matchesFilter(e('ens-24DE1'), { categories: ['ens'] })).toBe(true);
      expect(matchesFilter(e('ensx-1'), { categories: ['ens'] })).toBe(false);
    });

    it('applies types and categories together', () => {
      expect(matchesFilter(e('ens-1', 'EnsFilingAmended'), { categories: ['ens'], eventTypes: ['EnsFilingRegistered'] })).toBe(false);
    });

    it('never passes system events, whatever the filter', () => {
      expect(matchesFilter(e('$$ens-1', '$metadata'), undefined)).toBe(false);
      expect(matchesFilter(e('ens-1', '$>'), { categories: ['ens'] })).toBe(false);
    });

    it("keeps a partition's streams, by the PostgreSQL adapter's partitionOf", () => {
      const streams = Array.from({ length: 20 }, (_, i) => `ens-${i}`);
      const kept = streams.filter((s) => matchesFilter(e(s), { partition: { index: 1, count: 3 } }));
      expect(kept).toEqual(streams.filter((s) => partitionOf(s, 3) === 1));
      expect(kept.length).toBeGreaterThan(0);
    });
  });
});
