import { ecommerceHouseFiling, sampleFiling } from '@ics2/testing';
import { NAME_CANDIDATE_DICE, nameSimilarity, nameTrigrams } from './name-similarity';
import { type NameHit, partyNameIndex } from './party-name-index';
import { subjectOf } from './criteria.test-harness';
import { nameTokens } from './text-normalisation';

const WATCHLIST = [
  'Zarkovian Import Export',
  'Harbor Gadgets',
  'Kowloon Bay Trading',
  'Rheinland Elektronik Handel',
  'Boris Volkov',
  'Yiwu Sunrise Toys Trading',
  'Guangzhou Baiyun Cosmetic',
  'Shenzhen Hongxing Explosives',
  'Holland Home Living',
  'Mikkel Jensen',
  'Trading International',
];

const dice = (a: readonly string[], b: readonly string[]) => {
  const [x, y] = [new Set(nameTrigrams(a)), new Set(nameTrigrams(b))];
  const shared = [...x].filter((gram) => y.has(gram)).length;
  return (2 * shared) / (x.size + y.size);
};

describe('party name index', () => {
  const parties = Array.from({ length: 60 }, (_, seed) => subjectOf(seed % 4 === 0 ? sampleFiling('F15', { seed }) : ecommerceHouseFiling(seed)))
    .flatMap((subject) => subject.houses.flatMap((house) => house.parties))
    .filter((party) => party.nameTokens.length > 0);

  describe('the rare-trigram prefix and the position filter', () => {
    it('find exactly the names a full comparison with every watchlist name finds', () => {
      const index = partyNameIndex(0);
      WATCHLIST.forEach((name) => index.add(name, 0.8));
      let found = 0;
      for (const party of parties) {
        const hits: NameHit[] = [];
        index.search(party, hits);
        const expected = WATCHLIST.map((name, entry) => ({ entry, tokens: nameTokens(name) }))
          .filter(({ tokens }) => dice(party.nameTokens, tokens) >= NAME_CANDIDATE_DICE && nameSimilarity(party.nameTokens, tokens) >= 0.8)
          .map(({ entry }) => entry);
        expect(hits.map((hit) => hit.entry).sort((x, y) => x - y)).toEqual(expected);
        found += hits.length;
      }
      expect(found).toBeGreaterThan(20);
    });
  });

  describe('the memo of names already searched', () => {
    it('gives the same hits as a search, for another party of the same name', () => {
      const remembering = partyNameIndex();
      const forgetting = partyNameIndex(0);
      WATCHLIST.forEach((name) => [remembering, forgetting].forEach((index) => index.add(name, 0.9)));
      for (const party of [...parties, ...parties]) {
        const [a, b]: NameHit[][] = [[], []];
        remembering.search(party, a);
        forgetting.search(party, b);
        expect(a).toEqual(b);
      }
    });
  });

  describe('one name listed twice, in other spellings', () => {
    it('is one entry, with the lower threshold', () => {
      const index = partyNameIndex();
      expect(index.add('Boris Volkov', 0.95)).toBe(index.add('BORIS VOLKOV', 0.85));
      expect(index.size).toBe(1);
      expect(index.listed(0)).toBe('Boris Volkov');
    });
  });
});
