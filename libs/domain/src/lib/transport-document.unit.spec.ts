import {
  isTransportDocumentType,
  parseTransportDocument,
  TRANSPORT_DOCUMENT_TYPES,
  transportDocumentTypeDescription,
} from './transport-document';

const codeOf = (raw: unknown) => {
  const outcome = parseTransportDocument(raw);
  return outcome.ok ? 'ok' : outcome.problem.code;
};

describe('transport-document', () => {
  describe('the CL754 table', () => {
    it('holds each code once, in the N + 3 digits form, with a description', () => {
      const codes = TRANSPORT_DOCUMENT_TYPES.map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.every((c) => /^N[0-9]{3}$/.test(c))).toBe(true);
      expect(TRANSPORT_DOCUMENT_TYPES.every((t) => t.description.length > 0)).toBe(true);
    });

    it('covers every mode: air, sea, rail, road and post', () => {
      for (const code of ['N741', 'N740', 'N703', 'N704', 'N705', 'N714', 'N720', 'N730', 'N750']) {
        expect(isTransportDocumentType(code)).toBe(true);
      }
    });

    it('marks as verified only the two codes seen in a real filing', () => {
      expect(TRANSPORT_DOCUMENT_TYPES.filter((t) => t.verified).map((t) => t.code)).toEqual(['N703', 'N741']);
    });

    it('describes a code', () => {
      expect(transportDocumentTypeDescription('N741')).toBe('Master air waybill');
    });
  });

  describe('parseTransportDocument', () => {
    it('accepts a CL754 type with a number', () => {
      expect(parseTransportDocument({ type: 'N741', documentNumber: '176-12345675' })).toEqual({
        ok: true,
        value: { type: 'N741', documentNumber: '176-12345675' },
      });
    });

    it('accepts a number of exactly 70 characters', () => {
      expect(codeOf({ type: 'N705', documentNumber: 'B'.repeat(70) })).toBe('ok');
    });

    it.each([
      ['an unknown type', { type: 'N999', documentNumber: 'MAEU123' }],
      ['a lower-case type', { type: 'n741', documentNumber: 'MAEU123' }],
      ['no type', { documentNumber: 'MAEU123' }],
      ['an empty number', { type: 'N705', documentNumber: '' }],
      ['a blank number', { type: 'N705', documentNumber: '   ' }],
      ['no number', { type: 'N705' }],
      ['a numeric number', { type: 'N705', documentNumber: 123 }],
      ['a 71-character number', { type: 'N705', documentNumber: 'B'.repeat(71) }],
      ['a number with a trailing space', { type: 'N705', documentNumber: 'MAEU123 ' }],
      ['a string instead of an object', 'N705/MAEU123'],
      ['null', null],
    ])('refuses %s with code 12', (_, raw) => {
      expect(codeOf(raw)).toBe('12');
    });

    it('refuses a number in a script ICS2 does not allow with code 102', () => {
      expect(codeOf({ type: 'N705', documentNumber: '提单123' })).toBe('102');
    });
  });
});
