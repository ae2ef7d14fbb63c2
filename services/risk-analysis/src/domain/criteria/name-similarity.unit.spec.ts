import { DEFAULT_NAME_THRESHOLD, jaroWinkler, nameSimilarity, nameTrigrams } from './name-similarity';
import { nameTokens, normalisedTokens } from './text-normalisation';

const score = (a: string, b: string) => nameSimilarity(nameTokens(a), nameTokens(b));

describe('name similarity', () => {
  describe('Jaro-Winkler', () => {
    it('gives the textbook values', () => {
      expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
      expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
      expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    });
    it('is 1 for equal words and 0 for words with no letter in common', () => {
      expect(jaroWinkler('volkov', 'volkov')).toBe(1);
      expect(jaroWinkler('abc', 'xyz')).toBe(0);
      expect(jaroWinkler('', 'abc')).toBe(0);
    });
  });

  describe('names that are the same name written differently', () => {
    it.each([
      ['a typo', 'Boris Volkov', 'Boris Volkav'],
      ['two typos', 'Obsidian Crescent Trading', 'Obsidian Cresent Tradng'],
      ['a transposition', 'Zarkovian Import Export', 'Zarkovain Import Export'],
      ['another word order', 'Boris Volkov', 'Volkov Boris'],
      ['accents', 'Boris Volkov', 'Borís Vólkov'],
      ['a legal form and punctuation', 'Harbour Gadgets', 'HARBOR GADGETS LTD.'],
      ['upper case and hyphens', 'Zarkovian Import Export', 'ZARKOVIAN IMPORT-EXPORT CO., LTD.'],
      ['letters NFKD keeps whole', 'Grosse Strasse Handel', 'Große Straße Handel'],
    ])('match above the default threshold: %s', (_case, listed, filed) => {
      expect(score(listed, filed)).toBeGreaterThanOrEqual(DEFAULT_NAME_THRESHOLD);
    });
  });

  describe('names of other parties', () => {
    it.each([
      ['unrelated', 'Zarkovian Import Export', 'Rheinland Elektronik Handel GmbH'],
      ['sharing one common word', 'Shenzhen Hongxing Explosives', 'Shenzhen Hongda Electronics Co., Ltd.'],
      ['a word missing', 'Kowloon Bay Trading', 'Kowloon Trading Ltd.'],
      ['the same first name', 'Mikkel Jensen', 'Mikkel Hansen'],
      ['short names sharing a word', 'Li Wei', 'Li Na'],
    ])('stay below the default threshold: %s', (_case, listed, filed) => {
      expect(score(listed, filed)).toBeLessThan(DEFAULT_NAME_THRESHOLD);
    });
  });

  it('is symmetric, and 0 for a name with no letters', () => {
    expect(score('Boris Volkov', 'Boris Volkav')).toBe(score('Boris Volkav', 'Boris Volkov'));
    expect(score('Boris Volkov', '--')).toBe(0);
  });

  describe('normalisation', () => {
    it('lower-cases, strips accents, drops apostrophes and splits on everything else', () => {
      expect(normalisedTokens("Men's CAFÉ-crème, 2×50 ml")).toEqual(['mens', 'cafe', 'creme', '2', '50', 'ml']);
    });
    it('gives plain ASCII text, split in one pass, the same words as any other text', () => {
      expect(normalisedTokens("MEN'S Cotton T-Shirts, 2 x 50ml")).toEqual(['mens', 'cotton', 't', 'shirts', '2', 'x', '50ml']);
      expect(normalisedTokens("Mén's Cötton T-Shirts, 2 x 50ml")).toEqual(normalisedTokens("MEN'S Cotton T-Shirts, 2 x 50ml"));
      expect(normalisedTokens('  --  ')).toEqual([]);
    });
    it('leaves legal forms out of names, unless nothing else is left', () => {
      expect(nameTokens('Spedizioni Rossi S.r.l.')).toEqual(['spedizioni', 'rossi']);
      expect(nameTokens('Shenzhen Hongda Electronics Co., Ltd.')).toEqual(['shenzhen', 'hongda', 'electronics']);
      expect(nameTokens('Co. Ltd.')).toEqual(['co', 'ltd']);
    });
    it('indexes names by padded token trigrams', () => {
      expect(nameTrigrams(['ivan'])).toEqual(['  i', ' iv', 'iva', 'van', 'an ']);
    });
  });
});
