import { customsOfficeCountry, CustomsOffice, isCustomsOffice, parseCustomsOffice } from './customs-office';

describe('customs-office', () => {
  it.each(['DE004701', 'NL000396', 'FR000380', 'GR002101', 'XI000081', 'NO123ABC', 'CH001001'])('accepts %s', (raw) => {
    expect(parseCustomsOffice(raw)).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['an office outside ICS2 (UK)', 'GB000060'],
    ['an office outside ICS2 (US)', 'US000001'],
    ['the EU spelling of Greece', 'EL002101'],
    ['7 characters', 'DE00470'],
    ['9 characters', 'DE0047011'],
    ['lower case', 'de004701'],
    ['a punctuation mark', 'DE00-701'],
    ['a non-string', 4701],
  ])('refuses %s with code 12', (_, raw) => {
    const outcome = parseCustomsOffice(raw);
    expect(outcome.ok ? 'ok' : outcome.problem.code).toBe('12');
    expect(isCustomsOffice(raw)).toBe(false);
  });

  it('names the country of the office', () => {
    expect(customsOfficeCountry('DE004701' as CustomsOffice)).toBe('DE');
  });
});
