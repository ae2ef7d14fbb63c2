import type { RifAuthor } from '@ics2/contracts';
import type { ExistingRif } from '../rif.state';
import { mayPointAlertAt, maySeeBacktestSamples } from './rif-access';

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

describe('a RIF a crisis alert points at', () => {
  const rif = (author: RifAuthor, recipients: ExistingRif['recipients']) => ({ status: recipients === null ? 'draft' : 'published', author, recipients }) as ExistingRif;
  it("is the caller's own, to whomever it addresses", () => {
    expect(mayPointAlertAt(rif(de, null), deColleague, 'all')).toBe(true);
    expect(mayPointAlertAt(rif(de, ['FR']), de, ['IT'])).toBe(true);
  });
  it("is another's only where every Member State addressed may read it: else they learn of a RIF not addressed to them", () => {
    expect(mayPointAlertAt(rif(fr, ['DE']), de, ['DE', 'FR'])).toBe(true);
    expect(mayPointAlertAt(rif(fr, 'all'), de, 'all')).toBe(true);
    expect(mayPointAlertAt(rif(fr, ['DE']), de, ['DE', 'IT'])).toBe(false);
    expect(mayPointAlertAt(rif(fr, ['DE', 'IT']), de, 'all')).toBe(false);
    expect(mayPointAlertAt(rif(fr, ['DE']), commission, ['IT'])).toBe(false);
    expect(mayPointAlertAt(rif(commission, ['DE']), de, ['DE'])).toBe(true);
  });
  it('is never one the caller may not read', () => {
    expect(mayPointAlertAt(rif(fr, null), de, ['FR'])).toBe(false);
    expect(mayPointAlertAt(rif(fr, ['BE']), de, ['BE'])).toBe(false);
  });
});
