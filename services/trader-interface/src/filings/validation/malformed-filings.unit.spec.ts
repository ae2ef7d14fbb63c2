import { MALFORMED_FILINGS } from './malformed-filings.test-harness';
import { validateFiling } from './validate-filing';

describe('validate-filing (IE3Fxx): malformed filings', () => {
  it('has at least 100 cases', () => expect(MALFORMED_FILINGS.length).toBeGreaterThanOrEqual(100));

  it.each(MALFORMED_FILINGS.map((row) => [row.name, row] as const))('refuses %s', (_name, row) => {
    const result = validateFiling(row.body(), { sender: row.sender });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map(({ code, pointer }) => ({ code, pointer }));
    expect(errors).toContainEqual(row.expected);
  });
});
