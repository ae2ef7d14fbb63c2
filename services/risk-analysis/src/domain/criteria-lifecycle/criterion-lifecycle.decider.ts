/**
 * A criterion's history (stream `criterion-<id>`): its versions, recorded in order, and which one is active (at
 * most one at a time; activating a version replaces the active one). A change is an event, so any past analysis is
 * explained by the criteria versions it names. Pure: who acts and when arrive in the command.
 */
import type { Command, Decider } from '@ics2/domain';
import type { Criterion, CriterionEvent } from '@ics2/contracts';
import { canonicalCriterion } from './canonical-criterion';

export type RecordCriterionVersion = Command<'RecordCriterionVersion', { readonly criterion: Criterion; readonly source: 'file' | 'grpc' | 'rif'; readonly by: string; readonly at: string }>;
export type ActivateCriterion = Command<'ActivateCriterion', { readonly version: number; readonly by: string; readonly at: string; readonly origin?: { readonly rifId: string } }>;
export type DeactivateCriterion = Command<'DeactivateCriterion', { readonly version: number; readonly by: string; readonly at: string; readonly reason?: string }>;
export type CriterionCommand = RecordCriterionVersion | ActivateCriterion | DeactivateCriterion;

export interface CriterionState {
  readonly versions: readonly Criterion[];
  readonly active: number | null;
  /** Someone activated or deactivated a version once: from then on, activation is theirs, not the files'. */
  readonly activationDecided: boolean;
}

export type CriterionRefusal =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'lifecycle'; readonly code: '12'; readonly reason: string; readonly pointer?: string };

const ownerName = (owner: Criterion['owner']): string => (owner.kind === 'member-state' ? owner.memberState : 'eu');

function decide(command: CriterionCommand, state: CriterionState): readonly CriterionEvent[] | CriterionRefusal {
  switch (command.type) {
    case 'RecordCriterionVersion': {
      const { criterion } = command.data;
      const existing = state.versions.find((v) => v.version === criterion.version);
      // Re-recording the same version with the same content (a restart seeding from files) is nothing new.
      if (existing) return canonicalCriterion(existing) === canonicalCriterion(criterion) ? [] : { kind: 'lifecycle', code: '12', reason: `version ${criterion.version} of ${criterion.id} exists with other content` };
      if (criterion.version !== state.versions.length + 1) return { kind: 'lifecycle', code: '12', reason: `the next version of ${criterion.id} is ${state.versions.length + 1}` };
      // A criterion keeps its owner: else a Member State could take over an EU-wide (or another's) criterion by
      // recording a version it owns, then switch it off for everyone.
      const first = state.versions[0];
      if (first && ownerName(first.owner) !== ownerName(criterion.owner)) {
        return { kind: 'lifecycle', code: '12', pointer: '/owner', reason: `${criterion.id} is owned by ${ownerName(first.owner)}: a new version keeps its owner` };
      }
      return [{ type: 'CriterionVersionRecorded', data: { criterion, source: command.data.source, recordedBy: command.data.by, recordedAt: command.data.at } }];
    }
    case 'ActivateCriterion': {
      const version = state.versions.find((v) => v.version === command.data.version);
      if (!version) return { kind: 'not-found' };
      if (state.active === command.data.version) return [];
      return [
        {
          type: 'CriterionActivated',
          data: {
            id: version.id,
            version: version.version,
            activatedBy: command.data.by,
            activatedAt: command.data.at,
            ...(command.data.origin ? { origin: command.data.origin } : version.origin ? { origin: version.origin } : {}),
          },
        },
      ];
    }
    case 'DeactivateCriterion': {
      const version = state.versions.find((v) => v.version === command.data.version);
      if (!version) return { kind: 'not-found' };
      if (state.active !== command.data.version) return [];
      return [
        {
          type: 'CriterionDeactivated',
          data: { id: version.id, version: version.version, deactivatedBy: command.data.by, deactivatedAt: command.data.at, ...(command.data.reason ? { reason: command.data.reason } : {}) },
        },
      ];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function evolve(state: CriterionState, event: CriterionEvent): CriterionState {
  switch (event.type) {
    case 'CriterionVersionRecorded':
      return { ...state, versions: [...state.versions, event.data.criterion] };
    case 'CriterionActivated':
      return { ...state, active: event.data.version, activationDecided: true };
    case 'CriterionDeactivated':
      return { ...state, active: state.active === event.data.version ? null : state.active, activationDecided: true };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const criterionLifecycleDecider: Decider<CriterionCommand, CriterionEvent, CriterionState, CriterionRefusal> = {
  decide,
  evolve,
  initialState: () => ({ versions: [], active: null, activationDecided: false }),
};
