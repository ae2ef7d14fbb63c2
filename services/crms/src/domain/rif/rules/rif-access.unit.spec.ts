import type { RifAuthor } from '@ics2/contracts';
import { maySeeBacktestSamples } from './rif-access';

const de: RifAuthor = { kind: 'member-state', memberState: 'DE', userId: 'de-risk-1' };
const deColleague: RifAuthor = { kind: 'member-state', memberState: 'DE', userId: 'de-risk-2' };
const fr: RifAuthor = { kind: 'member-state', memberState: 'FR', userId: 'fr-risk-1' };
const commission: RifAuthor = { kind: 'commission', userId: 'commission-1' };

describe("a backtest's sample MRNs", () => {
  it("are seen by whoever acts for the author, and by the Commission", () => {
    expect(maySeeBacktestSamples(de, de)).toBe(true);
    expect(maySeeBacktestSamples(de, deColleague)).toBe(true);
    expect(maySeeBacktestSamples(de, commission)).toBe(true);
    expect(maySeeBacktestSamples(commission, commission)).toBe(true);
  });
  it('are not seen by a recipient Member State, which learns the counts only', () => {
    expect(maySeeBacktestSamples(de, fr)).toBe(false);
    expect(maySeeBacktestSamples(commission, fr)).toBe(false);
  });
});
