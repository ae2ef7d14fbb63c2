/** Runs control commands through the event store's one command path with the control-case decider. */
import { Inject, Injectable } from '@nestjs/common';
import { CONTROL_SCHEMA_VERSIONS, type ControlEvent } from '@ics2/contracts';
import type { Actor } from '@ics2/domain';
import { controlStream, handleCommand, type CommandOutcome, type EventStore } from '@ics2/event-store';
import { EVENT_STORE } from '@ics2/platform';
import type { ControlCommand } from '../domain/control-case.commands';
import { controlCaseDecider } from '../domain/control-case.decider';
import type { ControlRefusal } from '../domain/control-case.refusals';
import type { ControlState } from '../domain/control-case.state';

export type ControlOutcomeOfCommand = CommandOutcome<ControlEvent, ControlState, ControlRefusal>;

const schemaVersionOf = (type: string) => CONTROL_SCHEMA_VERSIONS[type as ControlEvent['type']] ?? 1;

@Injectable()
export class ControlCommands {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  run(mrn: string, command: ControlCommand, commandId: string, actor: Actor, at: Date, causationId?: string): Promise<ControlOutcomeOfCommand> {
    return handleCommand(this.store, controlStream(mrn), controlCaseDecider, { command, commandId, actor, occurredAt: at.toISOString(), correlationId: mrn, causationId }, { schemaVersionOf });
  }

  /** The control stream's state as the decider sees it (GetCase reads the facts, not a projection). */
  async state(mrn: string): Promise<ControlState> {
    return (await this.store.readStream(controlStream(mrn))).reduce((s, e) => controlCaseDecider.evolve(s, { type: e.type, data: e.data } as ControlEvent), controlCaseDecider.initialState());
  }
}
