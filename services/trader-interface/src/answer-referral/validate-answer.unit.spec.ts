/**
 * The door's validation of referral answers: each malformed body gets its codes at their pointers (never the
 * message text), the valid ones come back as plain values with nothing but their elements.
 */
import { validateReferralAnswer } from './validate-answer';

const rfi = { messageType: 'IE3R02', information: 'spare parts for printing machines', documents: [{ type: 'N380', referenceNumber: 'INV-1' }] };
const rfs = { messageType: 'IE3R03', screeningResult: 'clear', screeningMethods: ['XRY', 'ETD'], additionalInformation: 'screened at LEJ' };

const codes = (body: unknown) => {
  const result = validateReferralAnswer(body);
  return result.ok ? [] : result.errors.map((e) => ({ code: e.code, pointer: e.pointer }));
};

describe('validate referral answer', () => {
  describe('accepts', () => {
    it('an IE3R02 with information and documents, as a plain copy', () => {
      expect(validateReferralAnswer(rfi)).toEqual({ ok: true, value: rfi });
    });

    it('an IE3R02 with information only, or documents only', () => {
      expect(validateReferralAnswer({ messageType: 'IE3R02', information: 'x' })).toEqual({ ok: true, value: { messageType: 'IE3R02', information: 'x' } });
      expect(validateReferralAnswer({ messageType: 'IE3R02', documents: rfi.documents })).toEqual({ ok: true, value: { messageType: 'IE3R02', documents: rfi.documents } });
    });

    it('an IE3R03, with or without additional information; null members count as absent', () => {
      expect(validateReferralAnswer(rfs)).toEqual({ ok: true, value: rfs });
      expect(validateReferralAnswer({ ...rfs, additionalInformation: null })).toEqual({ ok: true, value: { messageType: 'IE3R03', screeningResult: 'clear', screeningMethods: ['XRY', 'ETD'] } });
    });

    it('nine methods, 99 documents, 512 characters, Greek and Cyrillic text', () => {
      expect(codes({ ...rfs, screeningMethods: ['PHS', 'VCK', 'XRY', 'EDS', 'EDD', 'ETD', 'MDE', 'SIM', 'CMD'] })).toEqual([]);
      expect(codes({ messageType: 'IE3R02', documents: Array.from({ length: 99 }, (_, i) => ({ type: 'N380', referenceNumber: `INV-${i}` })) })).toEqual([]);
      expect(codes({ messageType: 'IE3R02', information: 'x'.repeat(512) })).toEqual([]);
      expect(codes({ messageType: 'IE3R02', information: 'Ανταλλακτικά, запасные части' })).toEqual([]);
    });
  });

  describe('refuses', () => {
    it.each<[string, unknown, { code: string; pointer: string }[]]>([
      ['no body', undefined, [{ code: 'X06', pointer: '' }]],
      ['an array', [rfi], [{ code: 'X06', pointer: '' }]],
      ['a string', 'IE3R02', [{ code: 'X06', pointer: '' }]],
      ['no messageType', { information: 'x' }, [{ code: 'X01', pointer: '/messageType' }]],
      ['a number as messageType', { ...rfi, messageType: 3 }, [{ code: 'X06', pointer: '/messageType' }]],
      ['another message type', { ...rfi, messageType: 'IE3F20' }, [{ code: '12', pointer: '/messageType' }]],
      ['__proto__', JSON.parse('{"messageType":"IE3R02","information":"x","__proto__":{"admin":true}}'), [{ code: 'X07', pointer: '/__proto__' }]],
      ['an IE3R02 with a screening result', { ...rfi, screeningResult: 'clear' }, [{ code: 'X07', pointer: '/screeningResult' }]],
      ['an IE3R03 with documents', { ...rfs, documents: rfi.documents }, [{ code: 'X07', pointer: '/documents' }]],
      ['an IE3R02 with nothing', { messageType: 'IE3R02' }, [{ code: 'X01', pointer: '' }]],
      ['information as a number', { messageType: 'IE3R02', information: 42 }, [{ code: 'X06', pointer: '/information' }]],
      ['information too long', { messageType: 'IE3R02', information: 'x'.repeat(513) }, [{ code: '12', pointer: '/information' }]],
      ['blank information', { messageType: 'IE3R02', information: '  ' }, [{ code: '12', pointer: '/information' }]],
      ['no documents in the list', { messageType: 'IE3R02', documents: [] }, [{ code: '12', pointer: '/documents' }]],
      ['100 documents', { messageType: 'IE3R02', documents: Array.from({ length: 100 }, () => ({ type: 'N380', referenceNumber: 'INV' })) }, [{ code: 'X05', pointer: '/documents' }]],
      ['documents as an object', { messageType: 'IE3R02', documents: { type: 'N380', referenceNumber: 'INV' } }, [{ code: 'X06', pointer: '/documents' }]],
      ['a document that is a string', { messageType: 'IE3R02', documents: ['INV-1'] }, [{ code: 'X06', pointer: '/documents/0' }]],
      ['a document without its number', { messageType: 'IE3R02', documents: [{ type: 'N380' }] }, [{ code: 'X01', pointer: '/documents/0/referenceNumber' }]],
      ['a document type too long', { messageType: 'IE3R02', documents: [{ type: 'N3800', referenceNumber: 'INV' }] }, [{ code: '12', pointer: '/documents/0/type' }]],
      ['an unknown element in a document', { messageType: 'IE3R02', documents: [{ type: 'N380', referenceNumber: 'INV', url: 'http://x' }] }, [{ code: 'X07', pointer: '/documents/0/url' }]],
      ['an IE3R03 without result', { messageType: 'IE3R03', screeningMethods: ['XRY'] }, [{ code: 'X01', pointer: '/screeningResult' }]],
      ['an IE3R03 without methods', { messageType: 'IE3R03', screeningResult: 'clear' }, [{ code: 'X01', pointer: '/screeningMethods' }]],
      ['a result not in CL726', { ...rfs, screeningResult: 'SPX' }, [{ code: '12', pointer: '/screeningResult' }]],
      ['a method not in CL724', { ...rfs, screeningMethods: ['XRY', 'ABC'] }, [{ code: '12', pointer: '/screeningMethods/1' }]],
      ['a method twice', { ...rfs, screeningMethods: ['XRY', 'ETD', 'XRY'] }, [{ code: '12', pointer: '/screeningMethods/2' }]],
      ['a number among the methods', { ...rfs, screeningMethods: ['XRY', 7] }, [{ code: 'X06', pointer: '/screeningMethods/1' }]],
      ['no method in the list', { ...rfs, screeningMethods: [] }, [{ code: '12', pointer: '/screeningMethods' }]],
      ['ten methods', { ...rfs, screeningMethods: ['PHS', 'VCK', 'XRY', 'EDS', 'EDD', 'ETD', 'MDE', 'SIM', 'CMD', 'PHS'] }, [{ code: 'X05', pointer: '/screeningMethods' }]],
      ['a method as a string', { ...rfs, screeningMethods: 'XRY' }, [{ code: 'X06', pointer: '/screeningMethods' }]],
      ['Chinese in the additional information', { ...rfs, additionalInformation: '已安检' }, [{ code: '102', pointer: '/additionalInformation' }]],
      ['an emoji in a document number', { messageType: 'IE3R02', documents: [{ type: 'N380', referenceNumber: 'INV-1 📦' }] }, [{ code: '102', pointer: '/documents/0/referenceNumber' }]],
    ])('%s', (_what, body, expected) => {
      expect(codes(body)).toEqual(expected);
    });

    it('reports every error of a body, sorted by pointer', () => {
      expect(codes({ messageType: 'IE3R03', screeningResult: 7, screeningMethods: ['XRY', 7], extra: true })).toEqual([
        { code: 'X07', pointer: '/extra' },
        { code: 'X06', pointer: '/screeningMethods/1' },
        { code: 'X06', pointer: '/screeningResult' },
      ]);
    });
  });
});
