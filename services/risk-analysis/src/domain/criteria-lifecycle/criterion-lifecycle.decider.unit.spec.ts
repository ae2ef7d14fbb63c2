import type { Criterion, CriterionEvent } from '@ics2/contracts';
import { deciderSpec, refused } from '@ics2/testing';
import { criterionLifecycleDecider } from './criterion-lifecycle.decider';

const given = deciderSpec(criterionLifecycleDecider);
const at = '2026-12-01T10:00:00.000Z';
const criterion = (version: number, score = 40): Criterion => ({
  id: 'eu-sec-900',
  version,
  title: 'Pyrotechnics by air',
  riskArea: 'security',
  phases: ['pre-loading'],
  validFrom: '2026-01-01T00:00:00.000Z',
  owner: { kind: 'eu' },
  score,
  condition: { kind: 'hsPrefix', prefixes: ['3604'] },
});
const recorded = (version: number, score = 40): CriterionEvent => ({ type: 'CriterionVersionRecorded', data: { criterion: criterion(version, score), source: 'grpc', recordedBy: 'admin:a1', recordedAt: at } });
const activated = (version: number): CriterionEvent => ({ type: 'CriterionActivated', data: { id: 'eu-sec-900', version, activatedBy: 'admin:a1', activatedAt: at } });
const record = (version: number, score = 40) => ({ type: 'RecordCriterionVersion' as const, data: { criterion: criterion(version, score), source: 'grpc' as const, by: 'admin:a1', at } });

describe('criterion lifecycle', () => {
  describe('recording versions', () => {
    it('records version 1 of a new criterion, then 2', () => {
      given([]).when(record(1)).then([recorded(1)]);
      given([recorded(1)]).when(record(2, 60)).then([recorded(2, 60)]);
    });
    it('refuses a gap in the versions', () => given([recorded(1)]).when(record(3)).then(refused({ kind: 'lifecycle', code: '12', reason: 'the next version of eu-sec-900 is 2' })));
    it('refuses a new version with another owner, so no one takes over a criterion by versioning it', () => {
      const asDe = { ...record(2), data: { ...record(2).data, criterion: { ...criterion(2), owner: { kind: 'member-state' as const, memberState: 'DE' } } } };
      given([recorded(1)]).when(asDe).then(refused({ kind: 'lifecycle', code: '12', pointer: '/owner', reason: 'eu-sec-900 is owned by eu: a new version keeps its owner' }));
    });
    it('records the same version with the same content as nothing new, and refuses other content', () => {
      given([recorded(1)]).when(record(1)).thenNothingHappened();
      given([recorded(1)]).when(record(1, 99)).then(refused({ kind: 'lifecycle', code: '12', reason: 'version 1 of eu-sec-900 exists with other content' }));
    });
  });

  describe('activation', () => {
    it('activates a recorded version, once; activating another replaces it', () => {
      given([recorded(1)]).when({ type: 'ActivateCriterion', data: { version: 1, by: 'admin:a1', at } }).then([activated(1)]);
      given([recorded(1), activated(1)]).when({ type: 'ActivateCriterion', data: { version: 1, by: 'admin:a1', at } }).thenNothingHappened();
      const state = given([recorded(1), recorded(2), activated(1), activated(2)]).state();
      expect(state.active).toBe(2);
    });
    it('refuses a version that does not exist', () => given([recorded(1)]).when({ type: 'ActivateCriterion', data: { version: 2, by: 'admin:a1', at } }).then(refused({ kind: 'not-found' })));
    it('deactivates the active version only', () => {
      given([recorded(1), activated(1)])
        .when({ type: 'DeactivateCriterion', data: { version: 1, by: 'admin:a1', at, reason: 'superseded by RIF' } })
        .then([{ type: 'CriterionDeactivated', data: { id: 'eu-sec-900', version: 1, deactivatedBy: 'admin:a1', deactivatedAt: at, reason: 'superseded by RIF' } }]);
      given([recorded(1)]).when({ type: 'DeactivateCriterion', data: { version: 1, by: 'admin:a1', at } }).thenNothingHappened();
    });
  });
});
