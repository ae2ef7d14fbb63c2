import { arrived, completed, completenessPending, controlNoted, invalidated, linked, minimalFiling, mrnOf, presented, registered, rejected, responsibilityAssigned } from '@ics2/testing';
import type { EnsEvent } from '@ics2/contracts';
import { evolve } from './filing.evolve';
import { initialFilingState, type FilingState } from './filing.state';

const fold = (events: EnsEvent[]): FilingState => events.reduce(evolve, initialFilingState());

describe('filing evolve', () => {
  it('starts a master as registered, missing the houses it lists', () => {
    expect(fold([registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] }) })])).toMatchObject({ status: 'registered', missing: ['H-1', 'H-2'], linked: [] });
  });

  it('has a complete filing miss nothing', () => {
    expect(fold([registered({ filing: minimalFiling({ type: 'F20' }) })])).toMatchObject({ missing: [] });
  });

  it('walks a master through pending completeness, linking and completion', () => {
    const master = registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1'] }) });
    const pending = fold([master, responsibilityAssigned({ rms: 'DE', ims: ['BE'] }), completenessPending({ missing: [{ houseDocument: 'H-1' }] })]);
    expect(pending).toMatchObject({ status: 'pending-completeness', responsibleMemberState: 'DE', involvedMemberStates: ['BE'], pendingNoted: true });
    const done = fold([master, completenessPending({ missing: [{ houseDocument: 'H-1' }] }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' }), completed()]);
    expect(done).toMatchObject({ status: 'complete', missing: [], completedPhases: ['pre-arrival'], linked: [{ mrn: mrnOf(2), houseDocument: 'H-1', level: 'house' }] });
  });

  it('keeps arrived and presented instants, and the control flag', () => {
    expect(fold([registered(), arrived({ at: '2026-12-02T00:00:00.000Z' }), controlNoted(), presented({ at: '2026-12-03T00:00:00.000Z' })])).toMatchObject({
      status: 'presented',
      arrival: { arrivedAt: '2026-12-02T00:00:00.000Z' },
      presentedAt: '2026-12-03T00:00:00.000Z',
      controlNoted: true,
    });
  });

  it('ends in invalidated or rejected', () => {
    expect(fold([registered(), invalidated({ at: '2026-12-05T00:00:00.000Z' })])).toMatchObject({ status: 'invalidated', invalidatedAt: '2026-12-05T00:00:00.000Z' });
    expect(fold([registered(), rejected()])).toMatchObject({ status: 'rejected' });
  });

  it('a completion recorded after arrival does not move the filing back', () => {
    expect(fold([registered(), arrived(), completed()])).toMatchObject({ status: 'arrived', completedPhases: ['pre-arrival'] });
  });

  it('never mutates the state it is given', () => {
    const before = fold([registered()]);
    const frozen = JSON.stringify(before);
    evolve(before, linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'HAWB-1' }));
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
