/**
 * Runs a filing command through the event store's one command path (handleCommand) with this service's decider,
 * schema versions and envelope: the MRN as correlation id, the caller as actor.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ENS_SCHEMA_VERSIONS, type EnsEvent, type EnsEventType } from '@ics2/contracts';
import type { Actor } from '@ics2/domain';
import { ensStream, handleCommand, type CommandOutcome, type EventStore } from '@ics2/event-store';
import { EVENT_STORE } from '@ics2/platform';
import type { FilingCommand } from '../domain/filing.commands';
import { filingDecider } from '../domain/filing.decider';
import type { FilingRefusal } from '../domain/filing.refusals';
import type { FilingState } from '../domain/filing.state';

export interface FilingCommandRun {
  readonly mrn: string;
  readonly command: FilingCommand;
  /** Stable for retries: the operator's message id, or an id derived from what the command is about. */
  readonly commandId: string;
  readonly actor: Actor;
  readonly at: Date;
  readonly causationId?: string | null;
  readonly newStream?: boolean;
}

export type FilingOutcome = CommandOutcome<EnsEvent, FilingState, FilingRefusal>;

const stateAfter = (history: readonly EnsEvent[]): FilingState => history.reduce(filingDecider.evolve, filingDecider.initialState());

@Injectable()
export class FilingCommands {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  run(run: FilingCommandRun): Promise<FilingOutcome> {
    return handleCommand(
      this.store,
      ensStream(run.mrn),
      filingDecider,
      { command: run.command, commandId: run.commandId, actor: run.actor, occurredAt: run.at.toISOString(), correlationId: run.mrn, causationId: run.causationId },
      { schemaVersionOf: (type) => ENS_SCHEMA_VERSIONS[type as EnsEventType], newStream: run.newStream },
    );
  }

  /**
   * What `run` would decide now, appending nothing: the refusal, or null. Linking checks both filings with it
   * before writing either half of a link.
   */
  async refusalOf(mrn: string, command: FilingCommand): Promise<Extract<FilingOutcome, { kind: 'refused' }> | null> {
    const history = await this.history(mrn);
    const state = stateAfter(history);
    const decision = filingDecider.decide(command, state);
    return Array.isArray(decision) ? null : { kind: 'refused', refusal: decision as FilingRefusal, state, lastRevision: history.length - 1 };
  }

  /** The filing's state as the decider sees it now. */
  async stateOf(mrn: string): Promise<FilingState> {
    return stateAfter(await this.history(mrn));
  }

  /** The stream's events as the decider reads them (replies to a replayed command are rebuilt from them). */
  async history(mrn: string): Promise<EnsEvent[]> {
    return (await this.store.readStream(ensStream(mrn))).map((e) => ({ type: e.type, data: e.data }) as EnsEvent);
  }
}
