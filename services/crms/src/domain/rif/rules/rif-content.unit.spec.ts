import { isRifHsCode } from './rif-content';
import { mayReadFeedbackOf } from './rif-access';
import { COMMISSION, DE, DE_COLLEAGUE, FR } from '../rif-events.test-harness';

describe('RIF goods HS codes', () => {
  it.each([
    ['93', true, 'a chapter'],
    ['9303', true, 'a heading'],
    ['930320', true, 'a subheading'],
    ['93032010', true, 'a CN code'],
    ['9303201000', true, 'a TARIC code'],
    ['9', false, 'one digit'],
    ['930', false, 'three digits'],
    ['93032', false, 'five digits'],
    ['77', false, 'the reserved chapter'],
    ['98', false, 'no such chapter'],
    ['00', false, 'chapter 00'],
    ['9303.20', false, 'not normalised'],
  ])('%s is %s (%s)', (code, ok) => expect(isRifHsCode(code)).toBe(ok));
});

describe('who reads which feedback', () => {
  it('the Commission and the author read all; a recipient reads its own', () => {
    expect(mayReadFeedbackOf(DE, COMMISSION, 'FR')).toBe(true);
    expect(mayReadFeedbackOf(DE, DE_COLLEAGUE, 'FR')).toBe(true);
    expect(mayReadFeedbackOf(DE, FR, 'FR')).toBe(true);
    expect(mayReadFeedbackOf(DE, FR, 'BE')).toBe(false);
    expect(mayReadFeedbackOf(COMMISSION, FR, 'BE')).toBe(false);
  });
});
