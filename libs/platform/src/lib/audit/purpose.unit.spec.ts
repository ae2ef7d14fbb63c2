import { purposeFrom, purposeHeaderValue } from './purpose';

describe('the stated purpose', () => {
  it('is taken as written in printable ASCII, and in any script percent-encoded as UTF-8', () => {
    expect(purposeFrom('  ECA 2026 case 17 ')).toBe('ECA 2026 case 17');
    expect(purposeFrom('Pr%C3%BCfung der Daten')).toBe('Prüfung der Daten');
    expect(purposeFrom(encodeURIComponent('Έλεγχος δεδομένων'))).toBe('Έλεγχος δεδομένων');
  });

  it('is none when it is not text of the rule: too short, a character off it, an escape that decodes to nothing', () => {
    expect(purposeFrom('ab')).toBeUndefined();
    expect(purposeFrom('100% sure')).toBeUndefined();
    expect(purposeFrom('Pr%C3fung')).toBeUndefined();
    expect(purposeFrom(encodeURIComponent('tab\there'))).toBeUndefined();
    expect(purposeFrom(undefined)).toBeUndefined();
  });

  it('travels as it is in printable ASCII, else percent-encoded, and comes back the same', () => {
    expect(purposeHeaderValue('ECA 2026 case 17')).toBe('ECA 2026 case 17');
    for (const purpose of ['Audyt ICS2, sprawa 17, Łódź', 'Prüfung der Daten', 'Проверка данных']) {
      expect(purposeHeaderValue(purpose)).toMatch(/^[ -~]+$/);
      expect(purposeFrom(purposeHeaderValue(purpose))).toBe(purpose);
    }
  });
});
