import { LIFECYCLE } from './lifecycle.table';
import { notAmendable } from './amendable-elements.table';

describe('lifecycle table', () => {
  it('refuses amendment and invalidation once presented (92), never before', () => {
    for (const command of ['AmendFiling', 'InvalidateFiling'] as const) {
      expect(LIFECYCLE[command].presented).toMatchObject({ code: '92' });
      for (const open of ['registered', 'pending-completeness', 'complete', 'arrived'] as const) expect(LIFECYCLE[command][open]).toBe('ok');
    }
  });
  it('lets an arrival be notified once', () => {
    expect(LIFECYCLE.RecordArrival.complete).toBe('ok');
    expect(LIFECYCLE.RecordArrival.arrived).toMatchObject({ code: '92' });
  });
  it('answers every state for every command', () => {
    const states = ['registered', 'pending-completeness', 'complete', 'arrived', 'presented', 'invalidated', 'rejected'];
    for (const row of Object.values(LIFECYCLE)) expect(Object.keys(row).sort()).toEqual([...states].sort());
  });
});

describe('amendable elements table', () => {
  it('protects the linking key of every house, at any index', () => {
    expect(notAmendable('/consignmentHouseLevel/17/transportDocumentHouseLevel/documentNumber')).toBe(true);
    expect(notAmendable('/consignmentMasterLevel/consignmentHouseLevel/0/transportDocumentHouseLevel')).toBe(true);
  });
  it('lets goods data be amended', () => {
    expect(notAmendable('/consignmentMasterLevel/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods')).toBe(false);
    expect(notAmendable('/lrnX')).toBe(false);
  });
});
