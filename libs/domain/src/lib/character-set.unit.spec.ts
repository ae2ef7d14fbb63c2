import { checkCharacterSet } from './character-set';

const codeOf = (text: string) => {
  const outcome = checkCharacterSet(text);
  return outcome.ok ? 'ok' : outcome.problem.code;
};

describe('character-set', () => {
  describe('accepts Latin, Greek and Cyrillic text with plain punctuation', () => {
    it.each([
      ['ASCII', "Men's cotton T-shirts, size M/L (100% cotton) #42 @ $5.00 & more; a_b=c+d? [x] {y} |z| ~ ^ `q` \\"],
      ['Latin-1 Supplement', 'Crème brûlée, Größe, Ñandú, Ø 12 mm, ½ kg, 20 °C, © ® £ ¥ × ÷ « » ¿¡'],
      ['Latin Extended-A and -B', 'Łódź, Škoda, Dvořák, Ğüneş, Ħamrun, Ǆ, Ș/ș Ț/ț'],
      ['Greek', 'Ελληνικά προϊόντα; Αθήνα'],
      ['Cyrillic', 'Москва, ул. Тверская № 7; Київ; Ђурђевак'],
      ['decomposed accents', 'Cre\u0300me'],
      ['typographic punctuation', '“quoted” ‘single’ – en — em … • ‰ € ≤ 5 ≥ 2 −3'],
      ['a no-break space', 'HS\u00a08471'],
      ['the empty string', ''],
    ])('%s', (_, text) => {
      expect(checkCharacterSet(text)).toEqual({ ok: true, value: text });
    });
  });

  describe('refuses everything else with code 102', () => {
    it.each([
      ['CJK ideographs', '电脑配件'],
      ['Japanese kana', 'カメラ'],
      ['Korean', '전자제품'],
      ['Arabic', 'قطع غيار'],
      ['Hebrew', 'חלקים'],
      ['Thai', 'อะไหล่'],
      ['Devanagari', 'पुर्जे'],
      ['Armenian', 'Երևան'],
      ['Georgian', 'თბილისი'],
      ['an emoji', 'Gift 🎁'],
      ['an emoji in the BMP', 'Sun ☀'],
      ['a flag', '🇫🇷'],
      ['a variation selector', '©\ufe0f'],
      ['a zero-width joiner', 'a\u200db'],
      ['a bidi override', 'abc\u202edef'],
      ['a soft hyphen (format character)', 'co\u00adoperation'],
      ['a tab', 'a\tb'],
      ['a line feed', 'a\nb'],
      ['a NUL', 'a\u0000b'],
      ['DEL', 'a\u007fb'],
      ['a C1 control', 'a\u0085b'],
      ['a line separator', 'a\u2028b'],
      ['private use', 'a\ue000b'],
      ['an unassigned code point', 'a\u0378b'],
      ['a lone surrogate', 'a\ud800b'],
      ['fullwidth Latin', 'ＡＢＣ'],
      ['fullwidth punctuation', 'abc！'],
      ['CJK punctuation', 'abc。'],
      ['box drawing', '┌─┐'],
      ['a trade mark sign (an emoji to Unicode)', 'Brand™'],
    ])('%s', (_, text) => {
      expect(codeOf(text)).toBe('102');
    });
  });
});
