import { checkGoodsDescription, FILLER_WORDS, GOODS_DESCRIPTION_MAX_LENGTH, STOP_PHRASES } from './goods-description';

const codeOf = (raw: unknown) => {
  const outcome = checkGoodsDescription(raw);
  return outcome.ok ? 'ok' : outcome.problem.code;
};

describe('goods-description', () => {
  describe('accepts a description that says what the goods are', () => {
    it.each([
      "Men's cotton T-shirts",
      'Lithium-ion batteries for laptops',
      'Spare parts for diesel engines',
      'Said to contain cotton shirts',
      'Gifts: wooden toys',
      'Used tyres for passenger cars',
      'TVs',
      'Βαμβακερά μπλουζάκια',
      'Хлопковые футболки',
      'Kaffee, geröstet, entkoffeiniert',
    ])('%s', (text) => {
      expect(checkGoodsDescription(text)).toEqual({ ok: true, value: text });
    });

    it('trims surrounding spaces', () => {
      expect(checkGoodsDescription('  Ceramic tiles  ')).toEqual({ ok: true, value: 'Ceramic tiles' });
    });
  });

  describe('refuses with code 100 a description made only of stop words', () => {
    it.each([
      'Gift',
      'gifts',
      'parts and accessories',
      'VARIOUS SAMPLES',
      'General cargo',
      'FAK',
      'Freight of all kinds',
      'Said to contain: goods',
      'STC 10 pallets',
      'Spare parts',
      'misc.',
      'Miscellaneous items',
      'Personal effects',
      'Consolidated',
      'Merchandise, 12 pcs',
      'Stuff',
      'new and used products',
      'as per invoice',
    ])('%s', (text) => {
      expect(codeOf(text)).toBe('100');
    });
  });

  describe('refuses with code 100 a description too short to mean anything', () => {
    it.each(['', '   ', 'ab', 'TV', '123456', '10 x 20', '---'])('%p', (text) => {
      expect(codeOf(text)).toBe('100');
    });
  });

  it('refuses a forbidden character with code 102 before judging the meaning', () => {
    expect(codeOf('电脑配件')).toBe('102');
    expect(codeOf('Gift 🎁')).toBe('102');
  });

  it('refuses a description over the maximum length, or a non-string, with code 12', () => {
    expect(codeOf('a'.repeat(GOODS_DESCRIPTION_MAX_LENGTH + 1))).toBe('12');
    expect(codeOf('Ceramic tiles '.repeat(36).slice(0, GOODS_DESCRIPTION_MAX_LENGTH))).toBe('ok');
    expect(codeOf(42)).toBe('12');
    expect(codeOf(null)).toBe('12');
  });

  it('keeps its lists in normalised form: lower case, single spaces, no duplicates', () => {
    for (const list of [STOP_PHRASES, FILLER_WORDS]) {
      expect(list.every((entry) => /^[a-z]+( [a-z]+)*$/.test(entry))).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
    expect(STOP_PHRASES.filter((phrase) => FILLER_WORDS.includes(phrase))).toEqual([]);
  });
});
