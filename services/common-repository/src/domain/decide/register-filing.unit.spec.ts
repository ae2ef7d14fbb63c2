import { completed, deciderSpec, DEFAULTS, minimalFiling, mrnOf, refused, registered, responsibilityAssigned } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const register = (filing = minimalFiling(), filedBy: string = DEFAULTS.declarant) => ({
  type: 'RegisterFiling' as const,
  data: { mrn: DEFAULTS.mrn, filing, filedBy, at: DEFAULTS.at },
});

describe('register-filing', () => {
  describe('a complete dataset (F20, pre-loading and pre-arrival)', () => {
    it('registers it, assigns the responsible Member State, and completes it for both risk-analysis phases', () => {
      const filing = minimalFiling({ type: 'F20', routing: ['CN', 'BE', 'DE'] });
      given([])
        .when(register(filing))
        .then([
          registered({ filing }),
          responsibilityAssigned({ rms: 'DE', ims: ['BE'] }),
          completed({ phase: 'pre-loading' }),
          completed({ phase: 'pre-arrival' }),
        ]);
    });
  });

  describe('a master-level partial filing (F21) listing two house waybills', () => {
    it('registers it without completing it: the houses are awaited', () => {
      const filing = minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] });
      given([]).when(register(filing)).then([registered({ filing }), responsibilityAssigned()]);
    });
  });

  describe('a house-level partial filing (F22)', () => {
    it('records the linking key it names and waits to be linked', () => {
      const filing = minimalFiling({ type: 'F22', houses: ['H-1'] });
      const [event] = given([]).when(register(filing)).decision() as unknown as ReturnType<typeof registered>[];
      expect(event.data.linkingKey).toEqual({ masterDocument: DEFAULTS.masterDocument, carrier: DEFAULTS.carrier, houseDocuments: ['H-1'] });
      expect(event.data.level).toBe('house');
    });
  });

  describe('a filing lodged by a representative', () => {
    it('records the representative as the person filing and the declarant as party', () => {
      const filing = minimalFiling({ type: 'F20', representative: 'FR111111111' });
      const [event] = given([]).when(register(filing, 'FR111111111')).decision() as unknown as ReturnType<typeof registered>[];
      expect(event.data.parties).toEqual({ filedBy: 'FR111111111', declarant: DEFAULTS.declarant, representative: 'FR111111111', carrier: DEFAULTS.carrier });
    });
  });

  describe('an MRN that is registered already', () => {
    it('is not registered again', () => {
      given([registered()]).when(register()).then(refused({ kind: 'not-applicable', reason: 'the MRN is registered already' }));
    });
  });

  describe('the responsible Member State', () => {
    it('follows the office of first entry, whatever the routing', () => {
      const filing = minimalFiling({ type: 'F20', office: 'FR000123', routing: ['US', 'DE', 'FR'] });
      const events = given([]).when(register(filing)).decision() as unknown as { type: string; data: unknown }[];
      expect(events[1]).toEqual({ type: 'EnsResponsibilityAssigned', data: expect.objectContaining({ mrn: DEFAULTS.mrn, responsibleMemberState: 'FR', involvedMemberStates: ['DE'] }) });
    });
  });

  it('uses MRNs that carry a valid check digit in tests', () => expect(mrnOf(1)).toMatch(/^26DE[0-9A-Z]{12}T\d$/));
});
