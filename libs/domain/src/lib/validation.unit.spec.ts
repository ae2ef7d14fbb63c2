import { invalid, valid, Validated, VALIDATION_CODES } from './validation';

describe('validation', () => {
  it('wraps a value that passed its checks', () => {
    expect(valid(42)).toEqual({ ok: true, value: 42 });
  });

  it('carries a CL723 code and a reason for a value that failed', () => {
    expect(invalid('12', 'not an EORI')).toEqual({ ok: false, problem: { code: '12', reason: 'not an EORI' } });
  });

  it('narrows on ok, so a caller reads either the value or the problem', () => {
    const read = (outcome: Validated<number>): number | string => (outcome.ok ? outcome.value : outcome.problem.code);
    expect(read(valid(1))).toBe(1);
    expect(read(invalid('102', 'not Latin'))).toBe('102');
  });

  it('names the CL723 codes the project uses', () => {
    expect(VALIDATION_CODES).toEqual({ incorrectValue: '12', outOfSequence: '92', dataQuality: '100', characterSet: '102' });
  });
});
