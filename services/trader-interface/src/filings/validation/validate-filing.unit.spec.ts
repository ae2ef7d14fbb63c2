import { MAX_ERRORS } from './error-list';
import { comparePointers } from './json-pointer';
import { ENS_MRN, SENDER, VALID_FILINGS, completeAirF20, edited, masterAirF21, remove, set } from './validation-fixtures.test-harness';
import { validateFiling } from './validate-filing';

describe('validate-filing (IE3Fxx)', () => {
  describe('a valid filing', () => {
    it.each(Object.entries(VALID_FILINGS))('accepts the %s fixture, answering the filing as sent', (_name, fixture) => {
      const body = fixture();
      const result = validateFiling(body, { sender: SENDER });
      expect(result).toEqual({ ok: true, value: body });
    });

    it('accepts a filing lodged by the representative', () => {
      const body = edited(completeAirF20(), set('/representative', { identificationNumber: 'DE5550001112223', status: '2' }));
      expect(validateFiling(body, { sender: 'DE5550001112223' }).ok).toBe(true);
    });

    it('accepts the rest of a split consignment naming its previous MRN', () => {
      const body = edited(completeAirF20(), set('/splitConsignment', { splitConsignmentIndicator: '1', previousMrn: ENS_MRN }));
      expect(validateFiling(body, { sender: SENDER }).ok).toBe(true);
    });

    it('treats a member whose value is null as absent', () => {
      const body = edited(masterAirF21(), set('/representative', null), set('/reEntryIndicator', null));
      const result = validateFiling(body, { sender: SENDER });
      expect(result).toEqual({ ok: true, value: masterAirF21() });
    });
  });

  describe('a filing with errors in several layers', () => {
    it('reports only the first failing layer: a wrong type hides a bad code and a stop word', () => {
      const body = edited(
        completeAirF20(),
        set('/lrn', 7),
        set('/customsOfficeOfFirstEntry/referenceNumber', 'US000001'),
        set('/consignmentMasterLevel/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods', 'gift'),
      );
      const result = validateFiling(body, { sender: SENDER });
      expect(result.ok ? [] : result.errors.map(({ code, pointer }) => ({ code, pointer }))).toEqual([{ code: 'X06', pointer: '/lrn' }]);
    });

    it('reports every error of the failing layer, sorted by pointer', () => {
      const body = edited(
        completeAirF20(),
        set('/representative', { identificationNumber: SENDER, status: '2' }),
        set('/consignmentMasterLevel/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods', 'samples'),
        remove('/consignmentMasterLevel/consignmentHouseLevel/0/consignor'),
      );
      const result = validateFiling(body, { sender: SENDER });
      expect(result.ok ? [] : result.errors.map(({ code, pointer }) => ({ code, pointer }))).toEqual([
        { code: 'X01', pointer: '/consignmentMasterLevel/consignmentHouseLevel/0/consignor' },
        { code: '100', pointer: '/consignmentMasterLevel/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods' },
        { code: '12', pointer: '/representative/identificationNumber' },
      ]);
    });

    it(`stops at ${MAX_ERRORS} errors, sorted by pointer`, () => {
      const body = masterAirF21(500);
      for (const house of body.consignmentMasterLevel?.consignmentHouseLevel ?? []) delete (house as { transportDocumentHouseLevel?: unknown }).transportDocumentHouseLevel;
      const result = validateFiling(body, { sender: SENDER });
      const pointers = result.ok ? [] : result.errors.map((error) => error.pointer);
      expect(pointers).toHaveLength(MAX_ERRORS);
      expect([...pointers].sort(comparePointers)).toEqual(pointers);
      expect(pointers[0]).toBe('/consignmentMasterLevel/consignmentHouseLevel/0/transportDocumentHouseLevel');
    });
  });

  describe('injection strings', () => {
    it('keeps them as data in free-text elements, where Latin text is allowed', () => {
      const body = edited(completeAirF20(), set('/declarant/name', "Robert'); DROP TABLE filings;--"), set('/lrn', '<script>x</script>'));
      expect(validateFiling(body, { sender: SENDER })).toEqual({ ok: true, value: body });
    });
  });
});
