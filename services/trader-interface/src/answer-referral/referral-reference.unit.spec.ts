import { mrnOf } from '@ics2/testing';
import { mrnOfReferralReference } from './referral-reference';

const MRN = mrnOf(1);

describe('referral reference', () => {
  it.each([`${MRN}-R1`, `${MRN}-R12`, `${MRN}-R999999`])('%s belongs to its MRN', (reference) => {
    expect(mrnOfReferralReference(reference)).toBe(MRN);
  });

  const wrongCheckDigit = `${MRN.slice(0, 17)}${(Number(MRN[17]) + 1) % 10}`;
  it.each([
    ['no number', `${MRN}-R`],
    ['number 0', `${MRN}-R0`],
    ['a leading zero', `${MRN}-R01`],
    ['seven digits', `${MRN}-R1000000`],
    ['lower case', `${MRN.toLowerCase()}-R1`],
    ['another separator', `${MRN}/R1`],
    ['an MRN alone', MRN],
    ['a wrong check digit', `${wrongCheckDigit}-R1`],
    ['the MRN of an arrival (procedure N)', `${mrnOf(9, true)}-R1`],
    ['trailing text', `${MRN}-R1 `],
    ['empty', ''],
  ])('is not a reference: %s', (_what, reference) => {
    expect(mrnOfReferralReference(reference)).toBeNull();
  });
});
