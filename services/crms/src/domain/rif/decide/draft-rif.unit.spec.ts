import { deciderSpec, refused } from '@ics2/testing';
import { rifDecider } from '../rif.decider';
import { AT, COMMISSION, content, DE, draft, drafted, profile, RIF_ID, withProfile } from '../rif-events.test-harness';

const given = deciderSpec(rifDecider);

describe('draft-rif', () => {
  describe('by a Member State risk unit', () => {
    it('records a draft of its Member State', () => given([]).when(draft()).then([drafted()]));
    it('records a draft carrying a risk profile with the RIF as its origin', () =>
      given([]).when(draft({ content: withProfile() })).then([drafted({ content: withProfile() })]));
  });

  describe('by the Commission', () => {
    it('records an EU-wide draft, its profile owned by the EU', () => {
      const eu = content({ riskProfile: profile({}, COMMISSION) });
      given([]).when(draft({ by: COMMISSION, content: eu })).then([{ type: 'RifDrafted', data: { rifId: RIF_ID, author: COMMISSION, content: eu, draftedAt: AT } }]);
    });
  });

  describe('by a Member State that does not take part in CRMS', () => {
    it('is refused', () => given([]).when(draft({ by: { kind: 'member-state', memberState: 'US', userId: 'u-1' } })).then(refused({ kind: 'permission', rule: 'CRMS_NOT_PARTICIPANT' })));
  });

  describe('under an id already used', () => {
    it('is refused as a conflict', () => given([drafted()]).when(draft()).then(refused({ kind: 'conflict', rule: 'RIF_EXISTS' })));
  });

  describe('with content that breaks the rules', () => {
    it('names every problem with its pointer and records nothing', () =>
      given([])
        .when(
          draft({
            content: content({
              category: 'weather' as never,
              validTo: '2026-11-30T00:00:00.000Z',
              countries: { origin: ['CN', 'XX'], destination: ['EL'] },
              goods: [{ hsCode: '3603' }, { hsCode: '7712' }, { hsCode: '36030' }, {}],
              operators: [{ eori: 'DE12345' }, { eori: 'de-1', country: 'ZZ' }, {}],
            }),
          }),
        )
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/content/category', rule: 'RIF_CATEGORY' },
              { code: '12', pointer: '/content/validTo', rule: 'RIF_VALIDITY_RANGE' },
              { code: '12', pointer: '/content/countries/origin/1', rule: 'COUNTRY_CODE' },
              { code: '12', pointer: '/content/countries/destination/0', rule: 'COUNTRY_CODE' },
              { code: '12', pointer: '/content/goods/1/hsCode', rule: 'HS_CODE' },
              { code: '12', pointer: '/content/goods/2/hsCode', rule: 'HS_CODE' },
              { code: '12', pointer: '/content/goods/3', rule: 'RIF_GOODS_EMPTY' },
              { code: '12', pointer: '/content/operators/1/eori', rule: 'EORI' },
              { code: '12', pointer: '/content/operators/1/country', rule: 'COUNTRY_CODE' },
              { code: '12', pointer: '/content/operators/2', rule: 'RIF_OPERATOR_EMPTY' },
            ],
          }),
        ));

    it('refuses a profile without the identity crms gives it', () =>
      given([])
        .when(draft({ content: content({ riskProfile: profile({ id: 'eu-sec-001', version: 2, owner: { kind: 'eu' }, origin: { rifId: 'RIF-FR-OTHER' } }) }) }))
        .then(
          refused({
            kind: 'invalid',
            errors: [
              { code: '12', pointer: '/content/riskProfile/id', rule: 'PROFILE_ID' },
              { code: '12', pointer: '/content/riskProfile/version', rule: 'PROFILE_VERSION' },
              { code: '12', pointer: '/content/riskProfile/owner', rule: 'PROFILE_OWNER' },
              { code: '12', pointer: '/content/riskProfile/origin', rule: 'PROFILE_ORIGIN' },
            ],
          }),
        ));

    it('refuses a Member State RIF whose profile another Member State owns', () =>
      given([])
        .when(draft({ by: DE, content: content({ riskProfile: profile({ owner: { kind: 'member-state', memberState: 'FR' } }) }) }))
        .then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/content/riskProfile/owner', rule: 'PROFILE_OWNER' }] })));
  });
});
