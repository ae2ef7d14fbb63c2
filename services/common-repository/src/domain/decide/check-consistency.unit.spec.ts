import { completed, completenessPending, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered } from '@ics2/testing';
import type { EnsEvent, EnsFiling } from '@ics2/contracts';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const base = minimalFiling({ type: 'F21', houses: ['H-1'] });
// The master's own figure for the house: 10 kg.
const masterFiling: EnsFiling = {
  ...base,
  consignmentMasterLevel: { ...base.consignmentMasterLevel!, consignmentHouseLevel: [{ transportDocumentHouseLevel: { documentNumber: 'H-1', type: 'N703' }, totalGrossMass: 10 }] },
};
const houseMrn = mrnOf(2);
const placiMrn = mrnOf(3);
const complete = [registered({ filing: masterFiling }), linked({ linkedMrn: houseMrn, linkedLevel: 'house', houseDocument: 'H-1' }), completed({ members: [DEFAULTS.mrn, houseMrn] })];
const summary = (grossMass: number, packages: number, consignor = 'Shenzhen Widgets Ltd') => ({ houseDocument: 'H-1', grossMass, packages, consignor, consignee: 'Anna Schmidt' });
const check = (houseMass: number, placiMass?: number) => ({
  type: 'CheckConsistency' as const,
  data: {
    houses: [{ mrn: houseMrn, summary: summary(houseMass, 2), ...(placiMass === undefined ? {} : { placi: { mrn: placiMrn, summary: summary(placiMass, 2) } }) }],
    at: DEFAULTS.at,
  },
});

describe('check-consistency', () => {
  describe('houses that agree with the master and with their PLACI data', () => {
    it('is ok', () => {
      given(complete).when(check(10, 10)).then([{ type: 'EnsConsistencyChecked', data: { mrn: DEFAULTS.mrn, outcome: 'ok', differences: [], checkedAt: DEFAULTS.at } }]);
    });
  });

  describe('a house heavier in its pre-arrival filing than in its PLACI filing', () => {
    it('is flagged with the difference and both MRNs', () => {
      given(complete)
        .when(check(10, 8))
        .then([
          {
            type: 'EnsConsistencyChecked',
            data: {
              mrn: DEFAULTS.mrn,
              outcome: 'flagged',
              differences: [{ element: 'grossMass', houseDocument: 'H-1', values: [{ mrn: placiMrn, value: 8 }, { mrn: houseMrn, value: 10 }] }],
              checkedAt: DEFAULTS.at,
            },
          },
        ]);
    });
  });

  describe('a house whose filing differs from the master figure', () => {
    it('is flagged', () => {
      const [event] = given(complete).when(check(12)).decision() as unknown as { data: { outcome: string; differences: unknown[] } }[];
      expect(event.data.outcome).toBe('flagged');
      expect(event.data.differences).toEqual([{ element: 'grossMass', houseDocument: 'H-1', values: [{ mrn: DEFAULTS.mrn, value: 10 }, { mrn: houseMrn, value: 12 }] }]);
    });
  });

  describe('rounding within tolerance', () => {
    it('is ok', () => {
      const [event] = given(complete).when(check(10.005, 10)).decision() as unknown as { data: { outcome: string } }[];
      expect(event.data.outcome).toBe('ok');
    });
  });

  describe('a master not yet complete', () => {
    it('is not checked', () => given([registered({ filing: masterFiling })]).when(check(10)).then(refused({ kind: 'not-applicable', reason: 'the ENS is not complete' })));
  });

  describe('a master checked already', () => {
    it('is checked once', () => {
      given([...complete, { type: 'EnsConsistencyChecked', data: { mrn: DEFAULTS.mrn, outcome: 'ok', differences: [], checkedAt: DEFAULTS.at } }]).when(check(10)).thenNothingHappened();
    });

    it('is checked again after an amendment changed the figures, recording the new outcome', () => {
      const recheck = { ...check(10, 8), data: { ...check(10, 8).data, recheck: true } };
      const [event] = given([...complete, { type: 'EnsConsistencyChecked', data: { mrn: DEFAULTS.mrn, outcome: 'ok', differences: [], checkedAt: DEFAULTS.at } }])
        .when(recheck)
        .decision() as unknown as { type: string; data: { outcome: string } }[];
      expect([event.type, event.data.outcome]).toEqual(['EnsConsistencyChecked', 'flagged']);
    });
  });
  describe('a straight B/L (F13) completed by its F17, whichever was filed first', () => {
    const straight = minimalFiling({ type: 'F13', houses: [] });
    const f13: EnsFiling = { ...straight, consignmentMasterLevel: { ...straight.consignmentMasterLevel!, consignmentHouseLevel: [{ totalGrossMass: 10 }] } };
    const joined = [linked({ linkedMrn: houseMrn, linkedLevel: 'house', houseDocument: '', supplies: ['buyerAndSeller'], awaiting: [] }), completed({ members: [DEFAULTS.mrn, houseMrn] })];
    const f17Check = { type: 'CheckConsistency' as const, data: { houses: [{ mrn: houseMrn, summary: { houseDocument: '', grossMass: 12.5, packages: null, consignor: null, consignee: null } }], at: DEFAULTS.at } };
    const flagged: EnsEvent = {
      type: 'EnsConsistencyChecked',
      data: {
        mrn: DEFAULTS.mrn,
        outcome: 'flagged',
        differences: [{ element: 'grossMass', houseDocument: '', values: [{ mrn: DEFAULTS.mrn, value: 10 }, { mrn: houseMrn, value: 12.5 }] }],
        checkedAt: DEFAULTS.at,
      },
    };

    it('is flagged the same when the F13 came first (pending completeness until the F17)', () =>
      given([registered({ filing: f13 }), completenessPending({ missing: [{ houseDocument: '' }] }), ...joined]).when(f17Check).then([flagged]));

    it('is flagged the same when the F17 came first (linked on the F13\'s registration, never pending)', () =>
      given([registered({ filing: f13 }), ...joined]).when(f17Check).then([flagged]));

    it('is flagged when the F17 names a house B/L of its own: the F13 has no other consignment to compare it with', () => {
      const named = { ...f17Check, data: { ...f17Check.data, houses: [{ mrn: houseMrn, summary: { ...f17Check.data.houses[0].summary, houseDocument: 'HBL-7' } }] } };
      const [event] = given([registered({ filing: f13 }), ...joined]).when(named).decision() as unknown as { data: { outcome: string; differences: unknown[] } }[];
      expect(event.data.outcome).toBe('flagged');
      expect(event.data.differences).toEqual([{ element: 'grossMass', houseDocument: 'HBL-7', values: [{ mrn: DEFAULTS.mrn, value: 10 }, { mrn: houseMrn, value: 12.5 }] }]);
    });
  });
});
