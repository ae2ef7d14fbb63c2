import { batchRetryPlan, failedOn, maxAttemptsOption } from './batch-retry';

const batch = [{ id: 'before-1' }, { id: 'before-2' }, { id: 'poison' }, { id: 'after' }];

describe('batchRetryPlan', () => {
  it('given no maxAttempts, when the handler threw on an event any number of times, then the events before it go as one batch and it is retried alone, never parked (the default)', () => {
    expect(batchRetryPlan(batch, null, undefined)).toEqual({ kind: 'batch' });
    expect(batchRetryPlan(batch, { eventId: 'elsewhere', attempts: 5 }, undefined)).toEqual({ kind: 'batch' });
    expect(batchRetryPlan(batch, { eventId: 'poison', attempts: 1 }, undefined)).toEqual({ kind: 'before-failing', count: 2 });
    expect(batchRetryPlan(batch.slice(2), { eventId: 'poison', attempts: 1_000_000 }, undefined)).toEqual({ kind: 'failing-alone', park: false });
  });

  it('given maxAttempts, when the handler has not thrown (or threw on no event of this batch), then the batch goes whole', () => {
    expect(batchRetryPlan(batch, null, 3)).toEqual({ kind: 'batch' });
    expect(batchRetryPlan(batch, { eventId: 'elsewhere', attempts: 5 }, 3)).toEqual({ kind: 'batch' });
  });

  it('given maxAttempts, when the handler threw on an event in the middle, then the events before it go as one batch', () => {
    expect(batchRetryPlan(batch, { eventId: 'poison', attempts: 1 }, 3)).toEqual({ kind: 'before-failing', count: 2 });
    expect(batchRetryPlan(batch, { eventId: 'poison', attempts: 7 }, 3)).toEqual({ kind: 'before-failing', count: 2 });
  });

  it('given maxAttempts 3, when the event it threw on is first, then it goes alone, parked on its next failure once it failed 3 times', () => {
    const fromPoison = batch.slice(2);
    expect(batchRetryPlan(fromPoison, { eventId: 'poison', attempts: 1 }, 3)).toEqual({ kind: 'failing-alone', park: false });
    expect(batchRetryPlan(fromPoison, { eventId: 'poison', attempts: 2 }, 3)).toEqual({ kind: 'failing-alone', park: false });
    expect(batchRetryPlan(fromPoison, { eventId: 'poison', attempts: 3 }, 3)).toEqual({ kind: 'failing-alone', park: true });
    expect(batchRetryPlan(fromPoison, { eventId: 'poison', attempts: 4 }, 3)).toEqual({ kind: 'failing-alone', park: true });
  });
});

describe('failedOn', () => {
  it('counts the attempts in a row on one event, and starts again at 1 on another', () => {
    expect(failedOn(null, 'poison')).toEqual({ eventId: 'poison', attempts: 1 });
    expect(failedOn({ eventId: 'poison', attempts: 2 }, 'poison')).toEqual({ eventId: 'poison', attempts: 3 });
    expect(failedOn({ eventId: 'before-1', attempts: 2 }, 'poison')).toEqual({ eventId: 'poison', attempts: 1 });
  });
});

describe('maxAttemptsOption', () => {
  it('takes unset or a positive integer and refuses anything else', () => {
    expect(maxAttemptsOption(undefined)).toBeUndefined();
    expect(maxAttemptsOption(1)).toBe(1);
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => maxAttemptsOption(bad)).toThrow('maxAttempts must be a positive integer');
  });
});
