import {
  EU_MEMBER_STATES,
  ICS2_TERRITORIES,
  ISO_3166_ALPHA_2,
  isCountryCode,
  isEuMemberState,
  isIcs2Territory,
  normaliseMemberStateCode,
  ics2TerritoryOf,
  parseCountry,
} from './country';

describe('country', () => {
  describe('the ISO 3166-1 alpha-2 table', () => {
    it('holds the 249 assigned codes, each once, in order', () => {
      expect(ISO_3166_ALPHA_2).toHaveLength(249);
      expect(new Set(ISO_3166_ALPHA_2).size).toBe(249);
      expect([...ISO_3166_ALPHA_2].sort()).toEqual(ISO_3166_ALPHA_2);
      expect(ISO_3166_ALPHA_2.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    });

    it('contains every Member State and every ICS2 territory except Northern Ireland', () => {
      expect(EU_MEMBER_STATES.every((ms) => isCountryCode(ms.code))).toBe(true);
      expect(ICS2_TERRITORIES.filter((t) => !isCountryCode(t.code)).map((t) => t.code)).toEqual(['XI']);
    });
  });

  describe('parseCountry', () => {
    it.each(['FR', 'GR', 'CN', 'SS', 'BQ', 'AQ'])('accepts %s', (code) => {
      expect(parseCountry(code)).toEqual({ ok: true, value: code });
    });

    it.each([['fr'], ['EL'], ['XI'], ['UK'], ['FRA'], [''], [42], [null]])('refuses %p with code 12', (raw) => {
      const outcome = parseCountry(raw);
      expect(outcome.ok ? undefined : outcome.problem.code).toBe('12');
    });
  });

  describe('Member States', () => {
    it('lists the 27, each once', () => {
      expect(EU_MEMBER_STATES).toHaveLength(27);
      expect(new Set(EU_MEMBER_STATES.map((ms) => ms.code)).size).toBe(27);
    });

    it('uses the ISO spelling for Greece and maps the EU spelling to it', () => {
      expect(isEuMemberState('GR')).toBe(true);
      expect(isEuMemberState('EL')).toBe(false);
      expect(normaliseMemberStateCode('EL')).toBe('GR');
      expect(normaliseMemberStateCode('DE')).toBe('DE');
    });

    it('does not count Northern Ireland, Norway, Switzerland or the UK as Member States', () => {
      expect(['XI', 'NO', 'CH', 'GB'].filter(isEuMemberState)).toEqual([]);
    });
  });

  describe('ICS2 territories', () => {
    it('are the 27 plus Northern Ireland, Norway and Switzerland', () => {
      expect(ICS2_TERRITORIES).toHaveLength(30);
      expect(['DE', 'GR', 'XI', 'NO', 'CH'].every(isIcs2Territory)).toBe(true);
      expect(['GB', 'IS', 'EL', 'TR'].some(isIcs2Territory)).toBe(false);
    });

    it('read from a request with Greece in either spelling: EL is GR, anything else off the list is none', () => {
      expect(['EL', 'GR', 'DE', 'NO', 'XI'].map(ics2TerritoryOf)).toEqual(['GR', 'GR', 'DE', 'NO', 'XI']);
      expect(['GB', 'el', 'XX', ''].map(ics2TerritoryOf)).toEqual([null, null, null, null]);
    });
  });
});
