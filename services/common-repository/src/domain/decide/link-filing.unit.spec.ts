import { completed, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered } from '@ics2/testing';
import type { FilingParties } from '@ics2/contracts';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const master = registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] }) });
const house1 = mrnOf(2);
const house2 = mrnOf(3);
const houseParties: FilingParties = { filedBy: 'FR555', declarant: 'FR555' };
const link = (otherMrn: string, houseDocument: string, otherLevel: 'master' | 'house' = 'house') => ({
  type: 'LinkFiling' as const,
  data: { otherMrn, otherLevel, houseDocument, otherParties: houseParties, by: 'linking-key' as const, at: DEFAULTS.at },
});

describe('link-filing', () => {
  describe('a master waiting for two houses', () => {
    it('links the first house and keeps waiting', () => {
      given([master]).when(link(house1, 'H-1')).then([linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1', parties: houseParties })]);
    });

    it('is complete when the last house is linked, naming every member filing', () => {
      given([master, linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1' })])
        .when(link(house2, 'H-2'))
        .then([
          linked({ linkedMrn: house2, linkedLevel: 'house', houseDocument: 'H-2', parties: houseParties }),
          completed({ phase: 'pre-arrival', members: [DEFAULTS.mrn, house1, house2] }),
        ]);
    });

    it('refuses a house document it does not list', () => {
      given([master]).when(link(house1, 'H-9')).then(refused({ kind: 'not-applicable', reason: 'house document "H-9" is not expected' }));
    });

    it('links the same house twice as nothing new', () => {
      given([master, linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1' })]).when(link(house1, 'H-1')).thenNothingHappened();
    });

    it('refuses a second filing for a house document already linked', () => {
      given([master, linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1' })])
        .when(link(house2, 'H-1'))
        .then(refused({ kind: 'not-applicable', reason: `house document H-1 is linked to ${house1}` }));
    });
  });

  describe('a PLACI master (F23) completed by its houses', () => {
    it('is complete for pre-loading analysis', () => {
      const placi = registered({ filing: minimalFiling({ type: 'F23', houses: ['H-1'] }) });
      given([placi])
        .when(link(house1, 'H-1'))
        .then([
          linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1', parties: houseParties }),
          completed({ phase: 'pre-loading', members: [DEFAULTS.mrn, house1] }),
        ]);
    });
  });

  describe('a master listing no houses (F13, completed by F17)', () => {
    it('is complete with its one partner filing', () => {
      const straight = registered({ filing: minimalFiling({ type: 'F13', houses: [] }) });
      const [, done] = given([straight]).when(link(house1, '')).decision() as unknown as { type: string }[];
      expect(done.type).toBe('EnsFilingCompleted');
    });
  });

  describe('a house filing', () => {
    const house = registered({ mrn: house1, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) });

    it('links to its master', () => {
      given([house]).when(link(DEFAULTS.mrn, 'H-1', 'master')).then([linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1', parties: houseParties })]);
    });

    it('never links to a second master', () => {
      given([house, linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' })])
        .when(link(mrnOf(7), 'H-1', 'master'))
        .then(refused({ kind: 'not-applicable', reason: `house document H-1 is linked to ${DEFAULTS.mrn}` }));
    });
  });

  describe('an invalidated filing', () => {
    it('is not linked', () => {
      given([master, { type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'requested', invalidatedAt: DEFAULTS.at } }])
        .when(link(house1, 'H-1'))
        .then(refused({ kind: 'not-applicable', reason: 'the filing is invalidated' }));
    });
  });
});
