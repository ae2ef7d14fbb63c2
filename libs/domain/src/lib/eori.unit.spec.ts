import { eoriCountry, Eori, isEori, parseEori } from './eori';

describe('eori', () => {
  it.each(['DE123456789012345', 'FR1', 'GR094019245', 'XI123456789000', 'NL0A1B2C3D'])('accepts %s', (raw) => {
    expect(parseEori(raw)).toEqual({ ok: true, value: raw });
    expect(isEori(raw)).toBe(true);
  });

  it.each([
    ['a 16-character number part', 'DE1234567890123456'],
    ['no number part', 'DE'],
    ['lower case', 'de123456789'],
    ['an unknown prefix', 'QQ123456789'],
    ['the EU spelling of Greece', 'EL094019245'],
    ['a space', 'DE 123456789'],
    ['a hyphen', 'DE-123456789'],
    ['a digit in the prefix', 'D1123456789'],
    ['a number', 123456789],
    ['null', null],
  ])('refuses %s with code 12', (_, raw) => {
    const outcome = parseEori(raw);
    expect(outcome.ok ? 'ok' : outcome.problem.code).toBe('12');
  });

  it('names the issuing country', () => {
    expect(eoriCountry('DE123456789012345' as Eori)).toBe('DE');
    expect(eoriCountry('XI123456789000' as Eori)).toBe('XI');
  });
});
