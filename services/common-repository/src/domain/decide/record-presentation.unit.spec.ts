import { arrived, deciderSpec, DEFAULTS, invalidated, minimalFiling, presented, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const present = (office = 'DE004700', memberState = 'DE') => ({
  type: 'RecordPresentation' as const,
  data: { office, presentedAt: '2026-12-02T08:00:00.000Z', memberState },
});

describe('record-presentation', () => {
  describe('air goods that arrived', () => {
    it('are presented', () => {
      given([registered(), arrived()])
        .when(present())
        .then([{ type: 'EnsFilingPresented', data: { mrn: DEFAULTS.mrn, office: 'DE004700', presentedAt: '2026-12-02T08:00:00.000Z', memberState: 'DE' } }]);
    });
  });

  describe('air goods not yet arrived', () => {
    it('are refused: arrival first, for air and sea', () => {
      given([registered()]).when(present()).then(refused({ kind: 'lifecycle', errors: [{ code: '92', pointer: '', description: 'air goods must be arrived before they are presented' }] }));
    });
  });

  describe('road goods', () => {
    it('are presented without an arrival notification', () => {
      const [event] = given([registered({ filing: minimalFiling({ type: 'F50' }) })]).when(present()).decision() as unknown as { type: string }[];
      expect(event.type).toBe('EnsFilingPresented');
    });
  });

  describe('at an office of another Member State', () => {
    it('is refused', () => {
      given([registered(), arrived()]).when(present('FR000123', 'DE')).then(refused({ kind: 'lifecycle', errors: [{ code: '12', pointer: '/office', description: 'the office is not in DE' }] }));
    });
  });

  describe('twice', () => {
    it('does nothing the second time', () => given([registered(), arrived(), presented()]).when(present()).thenNothingHappened());
  });

  describe('goods already presented, at another office', () => {
    const already = refused({ kind: 'lifecycle' as const, errors: [{ code: '92', pointer: '', description: 'the goods were already presented' }] });
    it('of the same Member State: refused with 92', () => given([registered(), arrived(), presented()]).when(present('DE004701')).then(already));
    it('of another Member State: refused with 92', () => given([registered(), arrived(), presented()]).when(present('FR000123', 'FR')).then(already));
    it("named by another Member State as the first office: refused, that office is not in it", () =>
      given([registered(), arrived(), presented()]).when(present('DE004700', 'FR')).then(refused({ kind: 'lifecycle', errors: [{ code: '12', pointer: '/office', description: 'the office is not in FR' }] })));
  });

  describe('an invalidated filing', () => {
    it('is refused with 92', () => given([registered(), invalidated()]).when(present()).then(refused({ kind: 'lifecycle', errors: [{ code: '92', pointer: '', description: 'the filing is invalidated' }] })));
  });

  describe('an unknown MRN', () => {
    it('is not found', () => given([]).when(present()).then(refused({ kind: 'not-found' })));
  });
});
