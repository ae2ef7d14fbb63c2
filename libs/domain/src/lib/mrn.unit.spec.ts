import { formatMrn, isMrn, Mrn, MRN_PROCEDURE_LETTERS, mrnCheckDigit, mrnParts, parseMrn } from './mrn';

const codeOf = (raw: unknown) => {
  const outcome = parseMrn(raw);
  return outcome.ok ? 'ok' : outcome.problem.code;
};

describe('mrn', () => {
  describe('mrnCheckDigit', () => {
    it("gives 6 for the reference's worked example 22ITZXBZYUTJFLJXK", () => {
      expect(mrnCheckDigit('22ITZXBZYUTJFLJXK')).toBe('6');
    });

    it('turns a remainder of 10 into 0', () => {
      // 17 zeros then varying the last character: some remainder is 10, and the digit is always one character.
      const digits = Array.from({ length: 36 }, (_, i) => mrnCheckDigit('0000000000000000' + i.toString(36).toUpperCase()));
      expect(digits.every((d) => /^[0-9]$/.test(d))).toBe(true);
      // 6 * 2^16 = 393216 and 393216 mod 11 = 10, so a 6 in the last place alone yields 0.
      expect(mrnCheckDigit('00000000000000006')).toBe('0');
    });

    it('throws on anything but 17 characters A-Z0-9, since that is a caller bug', () => {
      expect(() => mrnCheckDigit('22ITZXBZYUTJFLJX')).toThrow();
      expect(() => mrnCheckDigit('22itzxbzyutjfljxk')).toThrow();
    });
  });

  describe('parseMrn', () => {
    it('accepts the worked example with its check digit', () => {
      expect(parseMrn('22ITZXBZYUTJFLJXK6')).toEqual({ ok: true, value: '22ITZXBZYUTJFLJXK6' });
      expect(isMrn('22ITZXBZYUTJFLJXK6')).toBe(true);
    });

    it.each([
      ['a wrong check digit', '22ITZXBZYUTJFLJXK5'],
      ['17 characters', '22ITZXBZYUTJFLJXK'],
      ['19 characters', '22ITZXBZYUTJFLJXK60'],
      ['lower case', '22itzxbzyutjfljxk6'],
      ['a letter in the year', '2AITZXBZYUTJFLJXK6'],
      ['a digit in the Member State', '221TZXBZYUTJFLJXK6'],
      ['a punctuation mark in the serial', '22ITZXBZYU-JFLJXK6'],
      ['a digit as procedure letter', '22ITZXBZYUTJFLJX16'],
      ['a letter as check digit', '22ITZXBZYUTJFLJXKA'],
      ['surrounding spaces', ' 22ITZXBZYUTJFLJXK6'],
      ['the empty string', ''],
    ])('refuses %s with code 12', (_, raw) => {
      expect(codeOf(raw)).toBe('12');
      expect(isMrn(raw)).toBe(false);
    });

    it.each([[undefined], [null], [22], [{}]])('refuses a non-string %p with code 12', (raw) => {
      expect(codeOf(raw)).toBe('12');
    });
  });

  describe('formatMrn', () => {
    it('writes year, Member State, a base-36 zero-padded serial, T and the check digit', () => {
      const mrn = formatMrn({ year: 2026, memberState: 'FR', serial: 35n });
      expect(mrn).toBe('26FR00000000000ZT' + mrnCheckDigit('26FR00000000000ZT'));
      expect(isMrn(mrn)).toBe(true);
    });

    it('reproduces the worked example from its parts', () => {
      const parts = mrnParts('22ITZXBZYUTJFLJXK6' as Mrn);
      expect(parts).toMatchObject({ year: 2022, memberState: 'IT', procedure: 'K', checkDigit: '6' });
      expect(formatMrn(parts)).toBe('22ITZXBZYUTJFLJXK6');
    });

    it('round-trips the smallest and the largest serial', () => {
      for (const serial of [0n, 36n ** 12n - 1n]) {
        const mrn = formatMrn({ year: 2031, memberState: 'DE', serial });
        expect(parseMrn(mrn).ok).toBe(true);
        expect(mrnParts(mrn)).toEqual({ year: 2031, memberState: 'DE', serial, procedure: 'T', checkDigit: mrn[17] });
      }
      expect(formatMrn({ year: 2031, memberState: 'DE', serial: 0n }).slice(4, 16)).toBe('000000000000');
      expect(formatMrn({ year: 2031, memberState: 'DE', serial: 36n ** 12n - 1n }).slice(4, 16)).toBe('ZZZZZZZZZZZZ');
    });

    it('round-trips a spread of serials and years', () => {
      for (let i = 0n; i < 500n; i += 1n) {
        const serial = i * 9_007_199_254_740_881n;
        const year = 2021 + Number(i % 79n);
        const mrn = formatMrn({ year, memberState: 'NL', serial });
        expect(mrnParts(mrn)).toMatchObject({ year, memberState: 'NL', serial, procedure: 'T' });
      }
    });

    it('uses the project letter for an arrival registration MRN', () => {
      const procedure = MRN_PROCEDURE_LETTERS.arrivalRegistration;
      const mrn = formatMrn({ year: 2026, memberState: 'BE', serial: 7n, procedure });
      expect(mrnParts(mrn).procedure).toBe('N');
      expect(isMrn(mrn)).toBe(true);
    });

    it.each([
      ['a serial that does not fit in 12 characters', { year: 2026, memberState: 'FR', serial: 36n ** 12n }],
      ['a negative serial', { year: 2026, memberState: 'FR', serial: -1n }],
      ['a two-digit year', { year: 26, memberState: 'FR', serial: 1n }],
      ['a fractional year', { year: 2026.5, memberState: 'FR', serial: 1n }],
      ['a lower-case Member State', { year: 2026, memberState: 'fr', serial: 1n }],
      ['a three-letter Member State', { year: 2026, memberState: 'FRA', serial: 1n }],
      ['two procedure letters', { year: 2026, memberState: 'FR', serial: 1n, procedure: 'TT' }],
    ])('throws on %s, since that is an allocator bug', (_, input) => {
      expect(() => formatMrn(input)).toThrow();
    });
  });
});
