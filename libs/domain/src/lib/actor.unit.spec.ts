import { describeActor, systemActor } from './actor';

describe('actor', () => {
  it('renders each kind of actor as a short identifier, never a name', () => {
    expect(describeActor({ kind: 'trader', eori: 'DE123456789012345' })).toBe('trader:DE123456789012345');
    expect(describeActor({ kind: 'member-state', memberState: 'FR', userId: 'u-17' })).toBe('member-state:FR/u-17');
    expect(describeActor({ kind: 'auditor', userId: 'a1' })).toBe('auditor:a1');
    expect(describeActor({ kind: 'admin', userId: 'root' })).toBe('admin:root');
    expect(describeActor(systemActor('risk-analysis'))).toBe('system:risk-analysis');
  });
});
