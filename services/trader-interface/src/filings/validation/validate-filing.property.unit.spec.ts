import fc from 'fast-check';
import { validateAmendment } from './validate-amendment';
import { validateFiling } from './validate-filing';
import { applyMutation, expectWellFormedAnswer, jsonMutation, junk, mutation } from './validation-properties.test-harness';
import { SENDER, VALID_FILINGS } from './validation-fixtures.test-harness';

const fixtures = Object.values(VALID_FILINGS);

describe('validate-filing (IE3Fxx): any body', () => {
  it('answers every mutation of a valid filing with ok, or with sorted coded errors pointing into the body', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.oneof(mutation, jsonMutation), { minLength: 1, maxLength: 3 }), (which, changes) => {
        const body = fixtures[which]() as unknown as Record<string, unknown>;
        for (const change of changes) applyMutation(body, change);
        const result = validateFiling(body, { sender: SENDER });
        expectWellFormedAnswer(body, result);
        expect(validateFiling(body, { sender: SENDER })).toEqual(result); // deterministic
      }),
      { numRuns: 1_500 },
    );
  });

  it('answers junk bodies with coded errors and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.dictionary(fc.string(), junk)), (body) => {
        const result = validateFiling(body, { sender: SENDER });
        expectWellFormedAnswer(body, result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validate-amendment (IE3Axx): any body', () => {
  it('answers mutations of a valid filing like a filing', () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), mutation, (which, change) => {
        const body = fixtures[which]() as unknown as Record<string, unknown>;
        applyMutation(body, change);
        const result = validateAmendment(body, { sender: SENDER });
        expectWellFormedAnswer(body, result);
        expect(result).toEqual(validateFiling(body, { sender: SENDER }));
      }),
      { numRuns: 300 },
    );
  });
});
