/** Runs risk and criterion commands through the event store's one command path with their deciders and envelopes. */
import { Inject, Injectable } from '@nestjs/common';
import { RISK_SCHEMA_VERSIONS, type CriterionEvent, type RiskEvent } from '@ics2/contracts';
import type { Actor } from '@ics2/domain';
import { criterionStream, handleCommand, riskStream, type CommandOutcome, type EventStore } from '@ics2/event-store';
import { EVENT_STORE } from '@ics2/platform';
import { criterionLifecycleDecider, type CriterionCommand, type CriterionRefusal, type CriterionState } from '../domain/criteria-lifecycle/criterion-lifecycle.decider';
import type { RiskCommand } from '../domain/risk/risk.commands';
import { actorOfRiskEvent } from '../domain/risk/risk.actors';
import { riskDecider } from '../domain/risk/risk.decider';
import type { RiskRefusal } from '../domain/risk/risk.refusals';
import type { RiskState } from '../domain/risk/risk.state';

export type RiskOutcome = CommandOutcome<RiskEvent, RiskState, RiskRefusal>;
export type CriterionOutcome = CommandOutcome<CriterionEvent, CriterionState, CriterionRefusal>;

const schemaVersionOf = (type: string) => RISK_SCHEMA_VERSIONS[type as keyof typeof RISK_SCHEMA_VERSIONS] ?? 1;

@Injectable()
export class RiskCommands {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  risk(mrn: string, command: RiskCommand, commandId: string, actor: Actor, at: Date, causationId?: string): Promise<RiskOutcome> {
    // An automatic completion the command sets off is the engine's act, not the sender's (risk.actors.ts).
    return handleCommand(this.store, riskStream(mrn), riskDecider, { command, commandId, actor, occurredAt: at.toISOString(), correlationId: mrn, causationId }, { schemaVersionOf, actorOf: actorOfRiskEvent });
  }

  criterion(id: string, command: CriterionCommand, commandId: string, actor: Actor, at: Date): Promise<CriterionOutcome> {
    return handleCommand(this.store, criterionStream(id), criterionLifecycleDecider, { command, commandId, actor, occurredAt: at.toISOString(), correlationId: id }, { schemaVersionOf });
  }

  /** The risk stream's state as the decider sees it (replies and queries on one ENS). */
  async riskState(mrn: string): Promise<RiskState> {
    return (await this.store.readStream(riskStream(mrn))).reduce((s, e) => riskDecider.evolve(s, { type: e.type, data: e.data } as RiskEvent), riskDecider.initialState());
  }
}
