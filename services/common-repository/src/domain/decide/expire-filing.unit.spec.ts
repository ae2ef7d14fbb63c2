import { arrived, deciderSpec, DEFAULTS, housePresentationNoted, invalidated, linked, minimalFiling, mrnOf, presentationNoted, presented, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const expireAt = (at: string) => ({ type: 'ExpireFiling' as const, data: { at } });
const filedAt = '2026-01-01T00:00:00.000Z';

describe('expire-filing', () => {
  describe('200 days after filing, never presented', () => {
    it('invalidates the filing automatically', () => {
      given([registered({ at: filedAt })])
        .when(expireAt('2026-07-20T00:00:00.000Z'))
        .then([{ type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'expired', invalidatedAt: '2026-07-20T00:00:00.000Z' } }]);
    });

    it('expires an arrived but unpresented filing too', () => {
      expect((given([registered({ at: filedAt }), arrived()]).when(expireAt('2026-07-20T00:00:00.000Z')).decision() as unknown as unknown[]).length).toBe(1);
    });
  });

  describe('one millisecond before the 200 days', () => {
    it('does nothing', () => given([registered({ at: filedAt })]).when(expireAt('2026-07-19T23:59:59.999Z')).thenNothingHappened());
  });

  describe('after presentation, which stops the timer', () => {
    it('does nothing', () => given([registered({ at: filedAt }), arrived(), presented()]).when(expireAt('2027-01-01T00:00:00.000Z')).thenNothingHappened());
  });

  describe('a house whose master (the head of its ENS) was presented, which stops the timer too', () => {
    const house = [registered({ at: filedAt, filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'master', houseDocument: 'H-1' }), arrived()];
    it('does nothing', () => given([...house, presentationNoted({ mrn: DEFAULTS.mrn, headMrn: mrnOf(2) })]).when(expireAt('2027-01-01T00:00:00.000Z')).thenNothingHappened());
    it('is expired while its master is not presented', () =>
      given(house)
        .when(expireAt('2027-01-01T00:00:00.000Z'))
        .then([{ type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'expired', invalidatedAt: '2027-01-01T00:00:00.000Z' } }]));
  });

  describe('a master one of whose houses was presented, which stops the timer too', () => {
    const master = [registered({ at: filedAt, filing: minimalFiling({ type: 'F21', houses: ['H-1'] }) }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' })];
    it('does nothing', () => given([...master, housePresentationNoted({ houseMrn: mrnOf(2) })]).when(expireAt('2027-01-01T00:00:00.000Z')).thenNothingHappened());
    it('is expired while none of its houses is presented', () =>
      expect((given(master).when(expireAt('2027-01-01T00:00:00.000Z')).decision() as unknown as unknown[]).length).toBe(1));
  });

  describe('an invalidated filing', () => {
    it('does nothing', () => given([registered({ at: filedAt }), invalidated()]).when(expireAt('2027-01-01T00:00:00.000Z')).thenNothingHappened());
  });
});
