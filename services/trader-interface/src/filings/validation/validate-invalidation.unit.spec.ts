import { ValidationCodeId } from '@ics2/contracts';
import fc from 'fast-check';
import { validateInvalidation } from './validate-invalidation';
import { expectWellFormedAnswer, junk } from './validation-properties.test-harness';

describe('validate-invalidation (IE3Q04)', () => {
  it.each([[{}], [{ reason: 'Goods not shipped: booking cancelled by the consignor' }], [{ reason: 'Ακύρωση αποστολής' }], [{ reason: null }]])(
    'accepts %j',
    (body) => expect(validateInvalidation(body).ok).toBe(true),
  );

  it.each<[string, unknown, ValidationCodeId, string]>([
    ['a number as the reason', { reason: 42 }, 'X06', '/reason'],
    ['a reason of 513 characters', { reason: 'x'.repeat(513) }, '12', '/reason'],
    ['a reason of 5,000 characters', { reason: 'x'.repeat(5_000) }, '12', '/reason'],
    ['a reason in Chinese', { reason: '货物未发运' }, '102', '/reason'],
    ['a reason with an emoji', { reason: 'cancelled 🙈' }, '102', '/reason'],
    ['an unknown element', { reason: 'x', mrn: '25DE00000000004XT4' }, 'X07', '/mrn'],
    ['a __proto__ element', JSON.parse('{"__proto__":{"admin":true}}'), 'X07', '/__proto__'],
    ['an array body', ['cancelled'], 'X06', ''],
    ['a string body', 'cancelled', 'X06', ''],
    ['no body', undefined, 'X06', ''],
  ])('refuses %s', (_name, body, code, pointer) => {
    const result = validateInvalidation(body);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => ({ code: error.code, pointer: error.pointer }))).toContainEqual({ code, pointer });
  });

  it('answers any body with ok, or with coded errors pointing into it', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.dictionary(fc.constantFrom('reason', 'other', '__proto__'), junk, { maxKeys: 2 })), (body) =>
        expectWellFormedAnswer(body, validateInvalidation(body)),
      ),
      { numRuns: 500 },
    );
  });
});
