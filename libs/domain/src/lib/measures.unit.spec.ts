import {
  grossMassKg,
  MAX_GOODS_ITEMS,
  MAX_HOUSE_CONSIGNMENTS,
  MAX_REFERRAL_DETAILS,
  MAX_ROUTING_COUNTRIES,
  MAX_TRANSPORT_EQUIPMENT,
  MIN_ROUTING_COUNTRIES,
  parseGrossMass,
  parseNumberOfPackages,
} from './measures';

const codeOf = (outcome: { ok: boolean; problem?: { code: string } }) => (outcome.ok ? 'ok' : outcome.problem?.code);

describe('measures', () => {
  it('names the multiplicity limits of the HTI message tables', () => {
    expect([MAX_HOUSE_CONSIGNMENTS, MAX_GOODS_ITEMS, MAX_TRANSPORT_EQUIPMENT, MAX_REFERRAL_DETAILS]).toEqual([
      99_999, 9_999, 9_999, 999,
    ]);
    expect([MIN_ROUTING_COUNTRIES, MAX_ROUTING_COUNTRIES]).toEqual([2, 99]);
  });

  describe('gross mass (n..16,6 kg)', () => {
    it.each([
      [12.5, '12.5'],
      ['12.5', '12.5'],
      ['0.000001', '0.000001'],
      [1000, '1000'],
      ['007.250', '7.25'],
      ['12.5000000', '12.5'],
      ['1234567890.123456', '1234567890.123456'],
      ['9999999999999999', '9999999999999999'],
    ])('accepts %p as %s', (raw, canonical) => {
      expect(parseGrossMass(raw)).toEqual({ ok: true, value: canonical });
    });

    it.each([
      ['zero', 0],
      ['zero as text', '0.000'],
      ['a negative mass', -1],
      ['a negative mass as text', '-1'],
      ['7 decimals', '0.0000001'],
      ['7 decimals as a number', 1e-7],
      ['17 digits', '12345678901.234567'],
      ['17 integer digits', '12345678901234567'],
      ['an exponent', '1e3'],
      ['a decimal comma', '12,5'],
      ['a leading point', '.5'],
      ['a trailing point', '5.'],
      ['a unit', '12 kg'],
      ['a space', ' 12'],
      ['a plus sign', '+12'],
      ['infinity', Infinity],
      ['NaN', NaN],
      ['a boolean', true],
      ['null', null],
    ])('refuses %s with code 12', (_, raw) => {
      expect(codeOf(parseGrossMass(raw))).toBe('12');
    });

    it('converts to kilograms for arithmetic', () => {
      const mass = parseGrossMass('12.75');
      expect(mass.ok && grossMassKg(mass.value)).toBe(12.75);
    });
  });

  describe('number of packages (n..8)', () => {
    it.each([
      [0, 0],
      [1, 1],
      [99_999_999, 99_999_999],
      ['42', 42],
      ['00000042', 42],
    ])('accepts %p as %p', (raw, value) => {
      expect(parseNumberOfPackages(raw)).toEqual({ ok: true, value });
    });

    it.each([
      ['a negative count', -1],
      ['100,000,000', 100_000_000],
      ['a fraction', 1.5],
      ['9 digits as text', '100000000'],
      ['a sign as text', '-1'],
      ['a fraction as text', '1.0'],
      ['empty text', ''],
      ['NaN', NaN],
      ['null', null],
    ])('refuses %s with code 12', (_, raw) => {
      expect(codeOf(parseNumberOfPackages(raw))).toBe('12');
    });
  });
});
