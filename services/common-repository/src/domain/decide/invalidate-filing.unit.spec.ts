import type { EnsEvent } from '@ics2/contracts';
import { arrived, deciderSpec, DEFAULTS, housePresentationNoted, invalidated, linked, minimalFiling, mrnOf, presentationNoted, presented, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const invalidate = (by: string = DEFAULTS.declarant) => ({ type: 'InvalidateFiling' as const, data: { messageId: 'inv-1', by, at: DEFAULTS.at } });
const rejectedWith = (description: string): EnsEvent[] => [
  { type: 'EnsInvalidationRejected', data: { mrn: DEFAULTS.mrn, messageId: 'inv-1', errors: [{ code: '92', pointer: '', description }], rejectedAt: DEFAULTS.at, requestedBy: DEFAULTS.declarant } },
];

describe('invalidate-filing', () => {
  describe('before presentation', () => {
    it('invalidates the filing (IE3R07)', () => {
      given([registered()])
        .when(invalidate())
        .then([{ type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'requested', messageId: 'inv-1', invalidatedAt: DEFAULTS.at, requestedBy: DEFAULTS.declarant } }]);
    });

    it('invalidates an arrived filing too', () => {
      const [event] = given([registered(), arrived()]).when(invalidate()).decision() as unknown as { type: string }[];
      expect(event.type).toBe('EnsFilingInvalidated');
    });
  });

  describe('after presentation', () => {
    it('rejects with IE3N01 code 92', () => given([registered(), arrived(), presented()]).when(invalidate()).then(rejectedWith('the goods were presented: the filing can no longer be invalidated')));
  });

  describe('a house whose master (the head of its ENS) was presented', () => {
    const house = [registered({ filing: minimalFiling({ type: 'F22', houses: ['H-1'] }) }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'master', houseDocument: 'H-1' }), arrived()];
    it('rejects with IE3N01 code 92, as a presented filing', () =>
      given([...house, presentationNoted({ mrn: DEFAULTS.mrn, headMrn: mrnOf(2) })])
        .when(invalidate())
        .then(rejectedWith('the goods were presented: the filing can no longer be invalidated')));
    it('is invalidated while its master is not presented', () => {
      const [event] = given(house).when(invalidate()).decision() as unknown as { type: string }[];
      expect(event.type).toBe('EnsFilingInvalidated');
    });
  });

  describe('a master one of whose houses was presented', () => {
    const master = [registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1'] }) }), linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' })];
    it('rejects with IE3N01 code 92, as a presented filing (it would release the presented house)', () =>
      given([...master, housePresentationNoted({ houseMrn: mrnOf(2) })])
        .when(invalidate())
        .then(rejectedWith('the goods were presented: the filing can no longer be invalidated')));
    it('is invalidated while none of its houses is presented', () => {
      const [event] = given(master).when(invalidate()).decision() as unknown as { type: string }[];
      expect(event.type).toBe('EnsFilingInvalidated');
    });
  });

  describe('twice', () => {
    it('rejects the second with code 92', () => given([registered(), invalidated()]).when(invalidate()).then(rejectedWith('the filing is already invalidated')));
  });

  describe('by an operator who is not a party (the carrier included)', () => {
    it('refuses as not found', () => {
      given([registered()]).when(invalidate('IT999999999')).then(refused({ kind: 'not-found' }));
      given([registered()]).when(invalidate(DEFAULTS.carrier)).then(refused({ kind: 'not-found' }));
    });
  });
});
