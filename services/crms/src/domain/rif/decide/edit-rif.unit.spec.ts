import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { closed, COMMISSION, content, DE, DE_COLLEAGUE, drafted, edit, edited, expired, FR, published } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);
const better = content({ modusOperandi: 'split consignments under 22 EUR', recommendedMeasures: 'X-ray every parcel of chapter 95' });

describe('edit-rif', () => {
  describe('a draft, by its author', () => {
    it('replaces the content', () => given([drafted()]).when(edit(better)).then([edited(better)]));
    it('may be edited by any user of the author Member State', () => given([drafted()]).when(edit(better, DE_COLLEAGUE)).then([edited(better, DE_COLLEAGUE)]));
    it('records nothing when the content is the same', () => given([drafted()]).when(edit(content())).thenNothingHappened());
    it('refuses content that breaks the rules', () =>
      given([drafted()]).when(edit(content({ goods: [{ hsCode: '00' }] }))).then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/content/goods/0/hsCode', rule: 'HS_CODE' }] })));
  });

  describe('by another Member State or the Commission', () => {
    it('is not found: a draft is its author\'s alone', () => {
      given([drafted()]).when(edit(better, FR)).then(refused({ kind: 'not-found' }));
      given([drafted()]).when(edit(better, COMMISSION)).then(refused({ kind: 'not-found' }));
    });
    it('is refused to a recipient of the published RIF (it sees it)', () => given([drafted(), published()]).when(edit(better, FR)).then(refused({ kind: 'permission', rule: 'RIF_NOT_AUTHOR' })));
  });

  describe('once published, closed or expired', () => {
    it('is out of sequence', () => {
      given([drafted(), published()]).when(edit(better)).then(refused({ kind: 'lifecycle', rule: 'RIF_PUBLISHED' }));
      given([drafted(), closed()]).when(edit(better)).then(refused({ kind: 'lifecycle', rule: 'RIF_CLOSED' }));
      given([drafted(), published(), expired()]).when(edit(better)).then(refused({ kind: 'lifecycle', rule: 'RIF_EXPIRED' }));
    });
  });

  describe('an unknown RIF', () => {
    it('is not found', () => given([]).when(edit(better, DE)).then(refused({ kind: 'not-found' })));
  });
});
