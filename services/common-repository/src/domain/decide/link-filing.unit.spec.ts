import { completed, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered } from '@ics2/testing';
import type { FilingParties } from '@ics2/contracts';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const master = registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] }) });
const house1 = mrnOf(2);
const house2 = mrnOf(3);
const houseParties: FilingParties = { filedBy: 'FR555', declarant: 'FR555' };
const link = (otherMrn: string, houseDocument: string, otherLevel: 'master' | 'house' = 'house', otherFilingType = otherLevel === 'house' ? 'F22' : 'F21') => ({
  type: 'LinkFiling' as const,
  data: { otherMrn, otherLevel, otherFilingType, houseDocument, otherParties: houseParties, by: 'linking-key' as const, at: DEFAULTS.at },
});
const F22_GIVES = ['houseConsignments', 'consignor', 'consignee', 'goodsItems', 'goodsDescription', 'hsCode', 'packages', 'grossMass', 'routingOfConsignment'];

describe('link-filing', () => {
  describe('a master waiting for two houses', () => {
    it('links the first house and keeps waiting', () => {
      given([master]).when(link(house1, 'H-1')).then([linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1', parties: houseParties, supplies: F22_GIVES, awaiting: [] })]);
    });

    it('is complete when the last house is linked, naming every member filing', () => {
      given([master, linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1' })])
        .when(link(house2, 'H-2'))
        .then([
          linked({ linkedMrn: house2, linkedLevel: 'house', houseDocument: 'H-2', parties: houseParties, supplies: F22_GIVES, awaiting: [] }),
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
        .when(link(house1, 'H-1', 'house', 'F24'))
        .then([
          linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1', parties: houseParties, supplies: ['consignor', 'consignee', 'packages', 'grossMass', 'goodsDescription'], awaiting: [] }),
          completed({ phase: 'pre-loading', members: [DEFAULTS.mrn, house1] }),
        ]);
    });
  });

  describe('a master listing no houses (F13, completed by F17)', () => {
    it('is complete with its one partner filing', () => {
      const straight = registered({ filing: minimalFiling({ type: 'F13', houses: [] }) });
      given([straight])
        .when(link(house1, '', 'house', 'F17'))
        .then([
          linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: '', parties: houseParties, supplies: ['buyerAndSeller'], awaiting: [] }),
          completed({ phase: 'pre-arrival', members: [DEFAULTS.mrn, house1] }),
        ]);
    });
  });

  describe('a maritime master B/L (F12) whose house B/L is filed in two parts, F16 and F17', () => {
    const f12 = registered({ filing: minimalFiling({ type: 'F12', houses: ['HB-1'] }) });
    const goods = [...F22_GIVES, 'placeOfAcceptance', 'placeOfDelivery'];
    const f16Linked = linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'HB-1', parties: houseParties, supplies: goods, awaiting: ['buyerAndSeller'] });

    it('links the F16 and still awaits the buyer and seller', () => {
      given([f12]).when(link(house1, 'HB-1', 'house', 'F16')).then([f16Linked]);
    });

    it('is complete once the F17 gives the buyer and seller, naming both house filings', () => {
      given([f12, f16Linked])
        .when(link(house2, 'HB-1', 'house', 'F17'))
        .then([
          linked({ linkedMrn: house2, linkedLevel: 'house', houseDocument: 'HB-1', parties: houseParties, supplies: ['buyerAndSeller'], awaiting: [] }),
          completed({ phase: 'pre-arrival', members: [DEFAULTS.mrn, house1, house2] }),
        ]);
    });

    it('takes the F17 first just as well', () => {
      const f17Linked = linked({ linkedMrn: house2, linkedLevel: 'house', houseDocument: 'HB-1', parties: houseParties, supplies: ['buyerAndSeller'], awaiting: goods });
      given([f12]).when(link(house2, 'HB-1', 'house', 'F17')).then([f17Linked]);
      given([f12, f17Linked])
        .when(link(house1, 'HB-1', 'house', 'F16'))
        .then([
          linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'HB-1', parties: houseParties, supplies: goods, awaiting: [] }),
          completed({ phase: 'pre-arrival', members: [DEFAULTS.mrn, house2, house1] }),
        ]);
    });

    it('refuses a second F16 for the same house B/L', () => {
      given([f12, f16Linked]).when(link(house2, 'HB-1', 'house', 'F16')).then(refused({ kind: 'not-applicable', reason: `house document HB-1 is linked to ${house1}` }));
    });

    it('refuses a filing type that gives it nothing it awaits', () => {
      given([f12]).when(link(house1, 'HB-1', 'house', 'F22')).then(refused({ kind: 'not-applicable', reason: 'a F22 filing gives a F12 none of the data it awaits' }));
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

    it('is not linked to another house document of its master, one it does not carry (by hand): one consignment fills one house', () => {
      given([house, linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' })])
        .when({ ...link(DEFAULTS.mrn, 'H-2', 'master'), data: { ...link(DEFAULTS.mrn, 'H-2', 'master').data, by: 'manual' as const } })
        .then(refused({ kind: 'not-applicable', reason: `house document H-2 is not one this filing carries, and it is linked to ${DEFAULTS.mrn} as H-1` }));
    });

    it('carrying two houses of its master, is linked under each', () => {
      const both = registered({ mrn: house1, filing: minimalFiling({ type: 'F22', houses: ['H-1', 'H-2'] }) });
      given([both, linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' })])
        .when(link(DEFAULTS.mrn, 'H-2', 'master'))
        .then([linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-2', parties: houseParties })]);
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
