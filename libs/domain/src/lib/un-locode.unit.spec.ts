import { isUnLocode, parseUnLocode, UnLocode, unLocodeCountry } from './un-locode';

describe('un-locode', () => {
  it.each(['NLRTM', 'DEHAM', 'CNSHA', 'BEANR', 'FRCDG', 'US2AB', 'XZAAA'])('accepts %s', (raw) => {
    expect(parseUnLocode(raw)).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['a 0 in the location', 'NLR0M'],
    ['a 1 in the location', 'NLR1M'],
    ['lower case', 'nlrtm'],
    ['a space', 'NL RTM'],
    ['4 characters', 'NLRT'],
    ['6 characters', 'NLRTMX'],
    ['an unknown country', 'QQRTM'],
    ['a non-string', 42],
  ])('refuses %s with code 12', (_, raw) => {
    const outcome = parseUnLocode(raw);
    expect(outcome.ok ? 'ok' : outcome.problem.code).toBe('12');
    expect(isUnLocode(raw)).toBe(false);
  });

  it('names the country', () => {
    expect(unLocodeCountry('NLRTM' as UnLocode)).toBe('NL');
  });
});
