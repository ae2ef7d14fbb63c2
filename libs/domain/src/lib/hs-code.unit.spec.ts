import { hsChapter, HsCode, hsHeading, hsSubheading, isHsCode, parseHsCode } from './hs-code';

describe('hs-code', () => {
  it.each(['847130', '84713000', '8471300000', '010121', '970110'])('accepts %s', (raw) => {
    expect(parseHsCode(raw)).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['4 digits (a heading only)', '8471'],
    ['7 digits', '8471300'],
    ['12 digits', '847130000000'],
    ['a dot', '8471.30'],
    ['a space', '8471 30'],
    ['letters', '84713A'],
    ['chapter 00', '001234'],
    ['chapter 98', '981234'],
    ['reserved chapter 77', '770100'],
    ['a number, which loses leading zeros', 847130],
  ])('refuses %s with code 12', (_, raw) => {
    const outcome = parseHsCode(raw);
    expect(outcome.ok ? 'ok' : outcome.problem.code).toBe('12');
    expect(isHsCode(raw)).toBe(false);
  });

  it('reads chapter, heading and subheading from the left', () => {
    const code = '8471300000' as HsCode;
    expect([hsChapter(code), hsHeading(code), hsSubheading(code)]).toEqual(['84', '8471', '847130']);
  });
});
