/**
 * A crisis alert over `crisis-<id>` (policy digest W8: "a crisis alert is opened in CRMS"): published once, by the
 * Commission or a Member State, to every Member State or to the named ones. [U] An alert is not edited or
 * withdrawn here: a correction is a new alert (CRMS2's crisis tool is not public).
 */
import type { Command, Decider } from '@ics2/domain';
import type { CrisisEvent, RifAuthor } from '@ics2/contracts';
import { conflict, denied, invalid, type CrmsRefusal } from '../crms.refusals';
import { recipientsErrors } from '../rules/member-state-list';
import { isCrmsParticipant } from '../rules/participants.table';

export type PublishCrisisAlert = Command<
  'PublishCrisisAlert',
  {
    readonly alertId: string;
    readonly title: string;
    readonly description: string;
    readonly memberStates: 'all' | readonly string[];
    readonly rifId?: string;
    readonly by: RifAuthor;
    readonly at: string;
  }
>;
export type CrisisCommand = PublishCrisisAlert;
export type CrisisState = { readonly status: 'none' } | { readonly status: 'published'; readonly alertId: string };

function decide(command: CrisisCommand, state: CrisisState): readonly CrisisEvent[] | CrmsRefusal {
  switch (command.type) {
    case 'PublishCrisisAlert': {
      const c = command.data;
      if (state.status !== 'none') return conflict('CRISIS_EXISTS');
      if (c.by.kind === 'member-state' && !isCrmsParticipant(c.by.memberState)) return denied('CRMS_NOT_PARTICIPANT');
      const errors = recipientsErrors(c.memberStates, '/memberStates');
      if (errors.length) return invalid(errors);
      return [
        {
          type: 'CrisisAlertPublished',
          data: { alertId: c.alertId, title: c.title, description: c.description, memberStates: c.memberStates, ...(c.rifId ? { rifId: c.rifId } : {}), publishedBy: c.by, publishedAt: c.at },
        },
      ];
    }
    default: {
      const unhandled: never = command.type;
      return unhandled;
    }
  }
}

function evolve(state: CrisisState, event: CrisisEvent): CrisisState {
  switch (event.type) {
    case 'CrisisAlertPublished':
      return { status: 'published', alertId: event.data.alertId };
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}

export const crisisAlertDecider: Decider<CrisisCommand, CrisisEvent, CrisisState, CrmsRefusal> = { decide, evolve, initialState: () => ({ status: 'none' }) };
