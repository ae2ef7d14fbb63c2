import { batchRetryPlan, maxAttemptsOption } from './batch-retry';

describe('batchRetryPlan', () => {
  it('given no maxAttempts, when a batch has failed any number of times, then it is retried whole (forever, the default)', () => {
    expect(batchRetryPlan(0, undefined)).toBe('batch');
    expect(batchRetryPlan(1_000_000, undefined)).toBe('batch');
  });

  it('given maxAttempts 3, when the batch has failed fewer times, then it is retried whole', () => {
    expect(batchRetryPlan(0, 3)).toBe('batch');
    expect(batchRetryPlan(2, 3)).toBe('batch');
  });

  it('given maxAttempts 3, when the batch has failed 3 times or more, then its events go one at a time to find the one to park', () => {
    expect(batchRetryPlan(3, 3)).toBe('one-at-a-time');
    expect(batchRetryPlan(4, 3)).toBe('one-at-a-time');
  });
});

describe('maxAttemptsOption', () => {
  it('takes unset or a positive integer and refuses anything else', () => {
    expect(maxAttemptsOption(undefined)).toBeUndefined();
    expect(maxAttemptsOption(1)).toBe(1);
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => maxAttemptsOption(bad)).toThrow('maxAttempts must be a positive integer');
  });
});
