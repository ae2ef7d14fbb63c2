import type { Decider, Event } from '@ics2/domain';
import { deciderSpec, refused } from './decider-spec';

type Open = Event<'Open', { by: string }>;
type Opened = Event<'Opened', { by: string }>;
const door: Decider<Open, Opened, { open: boolean }, { reason: 'already-open' }> = {
  initialState: () => ({ open: false }),
  evolve: () => ({ open: true }),
  decide: (c, s) => (s.open ? { reason: 'already-open' } : c.data.by === 'nobody' ? [] : [{ type: 'Opened', data: { by: c.data.by } }]),
};
const given = deciderSpec(door);

describe('deciderSpec', () => {
  it('passes when decide returns exactly the expected events, and fails otherwise', () => {
    given([]).when({ type: 'Open', data: { by: 'ann' } }).then([{ type: 'Opened', data: { by: 'ann' } }]);
    expect(() => given([]).when({ type: 'Open', data: { by: 'ann' } }).then([{ type: 'Opened', data: { by: 'bob' } }])).toThrow();
    expect(() => given([]).when({ type: 'Open', data: { by: 'ann' } }).then(refused({ reason: 'already-open' }))).toThrow();
  });

  it('folds the given events before deciding, and tells a refusal from events', () => {
    given([{ type: 'Opened', data: { by: 'ann' } }]).when({ type: 'Open', data: { by: 'bob' } }).then(refused({ reason: 'already-open' }));
    expect(() => given([{ type: 'Opened', data: { by: 'ann' } }]).when({ type: 'Open', data: { by: 'bob' } }).then([])).toThrow();
  });

  it('thenNothingHappened holds only for an empty decision', () => {
    given([]).when({ type: 'Open', data: { by: 'nobody' } }).thenNothingHappened();
    expect(() => given([]).when({ type: 'Open', data: { by: 'ann' } }).thenNothingHappened()).toThrow();
  });
});
