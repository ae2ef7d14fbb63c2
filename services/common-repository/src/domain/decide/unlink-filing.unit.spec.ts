import { arrived, completed, completenessPending, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, registered } from '@ics2/testing';
import type { EnsEvent } from '@ics2/contracts';
import { filingDecider } from '../filing.decider';
import { evolve } from '../filing.evolve';
import { initialFilingState, type FilingState } from '../filing.state';

const given = deciderSpec(filingDecider);
const master = registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] }) });
const [house1, house2] = [mrnOf(2), mrnOf(3)];
const links = [linked({ linkedMrn: house1, linkedLevel: 'house', houseDocument: 'H-1' }), linked({ linkedMrn: house2, linkedLevel: 'house', houseDocument: 'H-2' })];
const unlink = (otherMrn: string) => ({ type: 'UnlinkFiling' as const, data: { otherMrn, reason: 'partner-invalidated' as const, at: DEFAULTS.at } });
const unlinked = (o: { mrn?: string; unlinkedMrn: string; houseDocuments: string[] }): EnsEvent => ({
  type: 'EnsFilingUnlinked',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, unlinkedMrn: o.unlinkedMrn, houseDocuments: o.houseDocuments, reason: 'partner-invalidated', unlinkedAt: DEFAULTS.at },
});
const stateOf = (events: readonly EnsEvent[]): FilingState => events.reduce(evolve, initialFilingState());

describe('unlink-filing', () => {
  describe('a complete master one of whose houses was invalidated', () => {
    const history = [master, completenessPending({ missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-2' }] }), ...links, completed({ members: [DEFAULTS.mrn, house1, house2] })];

    it('releases that link by an event, and is pending completeness again (IE3N02 / IE3N11 again)', () => {
      given(history)
        .when(unlink(house1))
        .then([unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }), completenessPending({ missing: [{ houseDocument: 'H-1' }] })]);
    });

    it('names the expected filer the master gives for the house it misses again', () => {
      const filing = minimalFiling({ type: 'F21', houses: ['H-1', 'H-2'] });
      const withFiler = {
        ...filing,
        consignmentMasterLevel: {
          ...filing.consignmentMasterLevel!,
          consignmentHouseLevel: filing.consignmentMasterLevel!.consignmentHouseLevel!.map((h, i) => (i === 0 ? { ...h, supplementaryDeclarant: { identificationNumber: 'NL000000001' } } : h)),
        },
      };
      given([registered({ filing: withFiler }), ...history.slice(1)])
        .when(unlink(house1))
        .then([unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }), completenessPending({ missing: [{ houseDocument: 'H-1', expectedFiler: 'NL000000001' }] })]);
    });

    it('awaits the house document again and is pending completeness, so a refiled house completes it anew', () => {
      const after = stateOf([...history, unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] })]);
      expect(after).toMatchObject({ status: 'pending-completeness', missing: ['H-1'], completedPhases: [], linked: [expect.objectContaining({ mrn: house2 })] });
      const refiled = mrnOf(9);
      const [, done] = given([...history, unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] })])
        .when({ type: 'LinkFiling', data: { otherMrn: refiled, otherLevel: 'house', otherFilingType: 'F22', houseDocument: 'H-1', otherParties: { filedBy: 'FR555', declarant: 'FR555' }, by: 'linking-key', at: DEFAULTS.at } })
        .decision() as readonly EnsEvent[];
      expect(done).toEqual(completed({ members: [DEFAULTS.mrn, house2, refiled] }));
    });
  });

  describe('an arrived master one of whose houses was invalidated (before presentation)', () => {
    const history = [
      master,
      completenessPending({ missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-2' }] }),
      ...links,
      completed({ members: [DEFAULTS.mrn, house1, house2] }),
      arrived(),
    ];
    const released = [...history, unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] })];

    it('is pending completeness again, and says so, its goods still arrived', () => {
      given(history)
        .when(unlink(house1))
        .then([unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }), completenessPending({ missing: [{ houseDocument: 'H-1' }] })]);
      expect(stateOf(released)).toMatchObject({ status: 'arrived', missing: ['H-1'], completedPhases: [], consistency: null });
    });

    it('is completed again by the refiled house, so the ENS that arrived is analysed with it', () => {
      const refiled = mrnOf(9);
      const [, done] = given(released)
        .when({ type: 'LinkFiling', data: { otherMrn: refiled, otherLevel: 'house', otherFilingType: 'F22', houseDocument: 'H-1', otherParties: { filedBy: 'FR555', declarant: 'FR555' }, by: 'linking-key', at: DEFAULTS.at } })
        .decision() as readonly EnsEvent[];
      expect(done).toEqual(completed({ members: [DEFAULTS.mrn, house2, refiled] }));
      expect(stateOf([...released, done]).status).toBe('arrived');
    });
  });

  describe('a pending master one of whose linked houses was invalidated', () => {
    it('is noted pending again, naming every house it misses', () => {
      given([master, completenessPending({ missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-2' }] }), links[0]])
        .when(unlink(house1))
        .then([unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }), completenessPending({ missing: [{ houseDocument: 'H-2' }, { houseDocument: 'H-1' }] })]);
    });
  });

  describe('a master whose half of a link was released because the house refused it (a race)', () => {
    it('releases it and notes nothing: the house was never a member, the earlier IE3N02 still holds', () => {
      given([master, completenessPending({ missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-2' }] }), links[0]])
        .when({ ...unlink(house1), data: { ...unlink(house1).data, reason: 'partner-refused' as const } })
        .then([{ ...unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }), data: { ...unlinked({ unlinkedMrn: house1, houseDocuments: ['H-1'] }).data, reason: 'partner-refused' } } as EnsEvent]);
    });
  });

  describe('a house whose master was invalidated', () => {
    const house = registered({ mrn: house1, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) });
    const history = [house, linked({ mrn: house1, linkedMrn: DEFAULTS.mrn, linkedLevel: 'master', houseDocument: 'H-1' }), completed({ mrn: house1, members: [DEFAULTS.mrn, house1] })];

    it('waits for a master again', () => {
      given(history).when(unlink(DEFAULTS.mrn)).then([unlinked({ mrn: house1, unlinkedMrn: DEFAULTS.mrn, houseDocuments: ['H-1'] })]);
      expect(stateOf([...history, unlinked({ mrn: house1, unlinkedMrn: DEFAULTS.mrn, houseDocuments: ['H-1'] })])).toMatchObject({ status: 'registered', linked: [], completedPhases: [] });
    });
  });

  describe('nothing to release', () => {
    it('is nothing new for a filing not linked to it, or one that was invalidated itself', () => {
      given([master, links[0]]).when(unlink(house2)).thenNothingHappened();
      given([master, links[0], { type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'requested', invalidatedAt: DEFAULTS.at } }]).when(unlink(house1)).thenNothingHappened();
    });
  });
});
