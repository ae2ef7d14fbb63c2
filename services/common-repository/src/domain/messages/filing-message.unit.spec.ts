import { minimalFiling } from '@ics2/testing';
import { parseFilingMessage, senderError } from './filing-message';

/** A house-level filing whose second house names another master document or carrier than its first. */
function twoMasters(element: 'transportDocumentMasterLevel' | 'carrier', value: object) {
  const filing = minimalFiling({ type: 'F22', houses: ['H-1', 'H-2'] });
  const [first, second] = filing.consignmentHouseLevel!;
  return { ...filing, consignmentHouseLevel: [first, { ...second, [element]: value }] };
}

describe('filing message at the repository door', () => {
  it('takes a filing whose type, LRN, declarant and office it can read', () => {
    const filing = minimalFiling({ type: 'F21' });
    expect(parseFilingMessage(JSON.stringify(filing))).toEqual({ ok: true, value: filing });
  });

  it.each([
    ['not JSON', '{', 'X06', ''],
    ['an array', '[]', 'X06', ''],
    ['no LRN', JSON.stringify({ ...minimalFiling(), lrn: undefined }), '12', '/lrn'],
    ['an unknown type', JSON.stringify({ ...minimalFiling(), specificCircumstanceIndicator: 'F99' }), '12', '/specificCircumstanceIndicator'],
    ['a declarant without EORI', JSON.stringify({ ...minimalFiling(), declarant: { name: 'x' } }), '12', '/declarant/identificationNumber'],
    ['a bad office', JSON.stringify({ ...minimalFiling(), customsOfficeOfFirstEntry: { referenceNumber: 'XX' } }), '12', '/customsOfficeOfFirstEntry/referenceNumber'],
    ['houses of the wrong JSON type', JSON.stringify({ ...minimalFiling({ type: 'F22' }), consignmentHouseLevel: {} }), 'X06', '/consignmentHouseLevel'],
    ['a master without its houses', JSON.stringify({ ...minimalFiling(), consignmentMasterLevel: {} }), 'X01', '/consignmentMasterLevel/consignmentHouseLevel'],
    ['houses of two master documents', JSON.stringify(twoMasters('transportDocumentMasterLevel', { documentNumber: '176-99999990', type: 'N741' })), '12', '/consignmentHouseLevel/1/transportDocumentMasterLevel/documentNumber'],
    ['houses of two carriers', JSON.stringify(twoMasters('carrier', { identificationNumber: 'NL222222222' })), '12', '/consignmentHouseLevel/1/carrier/identificationNumber'],
  ])('refuses %s with a coded error', (_what, json, code, pointer) => {
    expect(parseFilingMessage(json)).toEqual({ ok: false, errors: [expect.objectContaining({ code, pointer })] });
  });

  it('takes a house-level filing whose houses share one master document and carrier', () => {
    const filing = minimalFiling({ type: 'F22', houses: ['H-1', 'H-2'] });
    expect(parseFilingMessage(JSON.stringify(filing))).toEqual({ ok: true, value: filing });
  });

  it('accepts the declarant or its representative as sender, nobody else', () => {
    const filing = minimalFiling({ declarant: 'DE1', representative: 'FR2' });
    expect(senderError(filing, 'DE1')).toBeNull();
    expect(senderError(filing, 'FR2')).toBeNull();
    expect(senderError(filing, 'IT3')).toMatchObject({ code: 'X03' });
  });
});
