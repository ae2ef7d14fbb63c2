/**
 * `common-repository.controls`: a Member State's decision to control (control-results' ControlDecided with
 * `control`) is noted on every filing of the ENS, so none of them can be amended from then on (ics2-reference
 * 11.3: the decision forces unloading and presentation of what was declared). One command per filing, its id
 * derived from the decision event's, so a redelivery writes nothing.
 *
 * The filings are the ENS's members as this repository now holds them (the head's stream), not the decision's
 * `members`: those come from the analysis, which may predate a house invalidated and refiled. The head is noted
 * first, and its members are taken from its state once noted: a house linked before that is among them, and one
 * linked after finds the head noted when it links (link-filings.handler.ts).
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ControlDecided } from '@ics2/contracts';
import { systemActor } from '@ics2/domain';
import type { RecordedEvent } from '@ics2/event-store';
import { Subscriptions } from '@ics2/platform';
import { currentEnsMembers } from '../domain/filing.state';
import { FilingCommands } from '../doors/filing-commands';

export const CONTROLS_SUBSCRIPTION = 'common-repository.controls';
const actor = systemActor('common-repository.controls');

@Injectable()
export class NoteControlProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly commands: FilingCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: CONTROLS_SUBSCRIPTION, filter: { categories: ['control'], eventTypes: ['ControlDecided'] }, partitions: 2, handle: (e) => this.handle(e) });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    const decided = recorded.data as ControlDecided['data'];
    if (!decided.control) return;
    const at = new Date(decided.decidedAt);
    const note = (mrn: string) =>
      this.commands.run({
        mrn,
        command: { type: 'NoteControl', data: { memberState: decided.user.memberState, source: `control-results:${decided.caseId}`, at: decided.decidedAt } },
        commandId: `control-${recorded.id}-${mrn}`,
        actor,
        at,
        causationId: recorded.id,
      });
    const head = await note(decided.mrn);
    for (const mrn of currentEnsMembers(head.state)) if (mrn !== decided.mrn) await note(mrn);
  }
}
