import { involvedInEns } from './involved-member-states';

describe('the Member States involved in an ENS', () => {
  it("are every filing's involved ones and a member's own responsible one, not the ENS's responsible one, sorted, each once", () => {
    const master = { responsibleMemberState: 'DE', involvedMemberStates: ['BE', 'NL'] };
    const house = { responsibleMemberState: 'FR', involvedMemberStates: ['IT', 'DE', 'BE'] };
    expect(involvedInEns('DE', [master, house])).toEqual(['BE', 'FR', 'IT', 'NL']);
  });
  it('leave out a filing whose responsibility is not recorded yet', () => {
    expect(involvedInEns('DE', [{ responsibleMemberState: null, involvedMemberStates: [] }])).toEqual([]);
  });
});
