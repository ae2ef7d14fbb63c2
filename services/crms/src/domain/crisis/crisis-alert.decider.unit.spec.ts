import { deciderSpec, refused } from '@ics2/testing';
import type { CrisisEvent } from '@ics2/contracts';
import { COMMISSION, DE } from '../rif/rif-events.test-harness';
import { crisisAlertDecider, type CrisisCommand } from './crisis-alert.decider';

const given = deciderSpec(crisisAlertDecider);
const AT = '2026-12-01T10:00:00.000Z';
const publish = (o: Partial<CrisisCommand['data']> = {}): CrisisCommand => ({
  type: 'PublishCrisisAlert',
  data: { alertId: 'CRISIS-EU-1', title: 'COVID-19', description: 'Prioritise PPE consignments', memberStates: 'all', by: COMMISSION, at: AT, ...o },
});
const published = (o: Partial<Extract<CrisisEvent, { type: 'CrisisAlertPublished' }>['data']> = {}): CrisisEvent => ({
  type: 'CrisisAlertPublished',
  data: { alertId: 'CRISIS-EU-1', title: 'COVID-19', description: 'Prioritise PPE consignments', memberStates: 'all', publishedBy: COMMISSION, publishedAt: AT, ...o },
});

describe('publish-crisis-alert', () => {
  it('is published by the Commission to every Member State', () => given([]).when(publish()).then([published()]));
  it('is published by a Member State to named ones, pointing at a RIF', () =>
    given([]).when(publish({ by: DE, memberStates: ['FR', 'BE'], rifId: 'RIF-DE-1' })).then([published({ publishedBy: DE, memberStates: ['FR', 'BE'], rifId: 'RIF-DE-1' })]));
  it('refuses recipients that are not right', () =>
    given([]).when(publish({ memberStates: ['FR', 'US'] })).then(refused({ kind: 'invalid', errors: [{ code: '12', pointer: '/memberStates/1', rule: 'MEMBER_STATE_UNKNOWN' }] })));
  it('refuses a Member State outside CRMS', () => given([]).when(publish({ by: { kind: 'member-state', memberState: 'US', userId: 'u' } })).then(refused({ kind: 'permission', rule: 'CRMS_NOT_PARTICIPANT' })));
  it('is published once', () => given([published()]).when(publish()).then(refused({ kind: 'conflict', rule: 'CRISIS_EXISTS' })));
});
