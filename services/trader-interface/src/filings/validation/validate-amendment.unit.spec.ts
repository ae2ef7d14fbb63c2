import { validateAmendment } from './validate-amendment';
import { completeAirF20, edited, SENDER, set, VALID_FILINGS } from './validation-fixtures.test-harness';

describe('validate-amendment (IE3Axx)', () => {
  it.each(Object.entries(VALID_FILINGS))('accepts the %s fixture as a whole replacement filing', (_name, fixture) => {
    const body = fixture();
    expect(validateAmendment(body, { sender: SENDER })).toEqual({ ok: true, value: body });
  });

  it('applies the rules of a filing: an amendment sent by a stranger is refused with X03', () => {
    const result = validateAmendment(completeAirF20(), { sender: 'FR99988877766' });
    expect(result.ok ? [] : result.errors.map(({ code, pointer }) => ({ code, pointer }))).toEqual([
      { code: 'X03', pointer: '/declarant/identificationNumber' },
    ]);
  });

  it('applies the stop-word check to amended descriptions', () => {
    const body = edited(completeAirF20(), set('/consignmentMasterLevel/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods', 'various'));
    const result = validateAmendment(body, { sender: SENDER });
    expect(result.ok ? [] : result.errors.map(({ code }) => code)).toEqual(['100']);
  });
});
