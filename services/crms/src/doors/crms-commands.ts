/** Runs RIF, campaign and crisis-alert commands through the event store's one command path with their deciders. */
import { Inject, Injectable } from '@nestjs/common';
import { CRMS_SCHEMA_VERSIONS, type CrisisEvent, type PcaEvent, type RifEvent } from '@ics2/contracts';
import type { Actor } from '@ics2/domain';
import { crisisStream, eventIdFor, handleCommand, pcaStream, rifStream, type CommandOutcome, type EventStore } from '@ics2/event-store';
import { EVENT_STORE } from '@ics2/platform';
import type { CrmsRefusal } from '../domain/crms.refusals';
import { crisisAlertDecider, type CrisisCommand, type CrisisState } from '../domain/crisis/crisis-alert.decider';
import { campaignDecider, type CampaignCommand, type CampaignState } from '../domain/pca/campaign.decider';
import type { RifCommand } from '../domain/rif/rif.commands';
import { rifDecider } from '../domain/rif/rif.decider';
import type { RifState } from '../domain/rif/rif.state';

export type RifOutcome = CommandOutcome<RifEvent, RifState, CrmsRefusal>;
export type CampaignOutcome = CommandOutcome<PcaEvent, CampaignState, CrmsRefusal>;
export type CrisisOutcome = CommandOutcome<CrisisEvent, CrisisState, CrmsRefusal>;

/** Who sends a command, and its id: a retry with the same id is answered from the events it produced then. */
export interface Sender {
  readonly commandId: string;
  readonly actor: Actor;
  readonly at: Date;
}

const schemaVersionOf = (type: string) => CRMS_SCHEMA_VERSIONS[type as keyof typeof CRMS_SCHEMA_VERSIONS] ?? 1;

@Injectable()
export class CrmsCommands {
  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {}

  rif(rifId: string, command: RifCommand, sender: Sender): Promise<RifOutcome> {
    return handleCommand(this.store, rifStream(rifId), rifDecider, { ...this.envelope(rifId, sender), command }, { schemaVersionOf });
  }

  campaign(campaignId: string, command: CampaignCommand, sender: Sender): Promise<CampaignOutcome> {
    return handleCommand(this.store, pcaStream(campaignId), campaignDecider, { ...this.envelope(campaignId, sender), command }, { schemaVersionOf });
  }

  crisis(alertId: string, command: CrisisCommand, sender: Sender): Promise<CrisisOutcome> {
    return handleCommand(this.store, crisisStream(alertId), crisisAlertDecider, { ...this.envelope(alertId, sender), command }, { schemaVersionOf });
  }

  /** The RIF as the decider sees it (a door's question before it calls another service). */
  async rifState(rifId: string): Promise<RifState> {
    return (await this.store.readStream(rifStream(rifId))).reduce((s, e) => rifDecider.evolve(s, { type: e.type, data: e.data } as RifEvent), rifDecider.initialState());
  }

  async campaignState(campaignId: string): Promise<CampaignState> {
    return (await this.store.readStream(pcaStream(campaignId))).reduce((s, e) => campaignDecider.evolve(s, { type: e.type, data: e.data } as PcaEvent), campaignDecider.initialState());
  }

  /**
   * The events a command recorded when it was first handled, or undefined: a door that checks a rule before it asks
   * another service answers a retry from these first, as the first request may have changed what the rule says (a
   * final report issued, a RIF closed since) and the retry is owed the first answer, not a refusal.
   */
  async recordedBy<E extends RifEvent | PcaEvent>(streamId: string, commandId: string): Promise<readonly E[] | undefined> {
    const history = await this.store.readStream(streamId);
    const first = history.findIndex((e) => e.id === eventIdFor(commandId, 0));
    if (first < 0) return undefined;
    const events: E[] = [];
    for (let i = first; i < history.length && history[i].id === eventIdFor(commandId, i - first); i++) events.push({ type: history[i].type, data: history[i].data } as E);
    return events;
  }

  private envelope(correlationId: string, sender: Sender) {
    return { commandId: sender.commandId, actor: sender.actor, occurredAt: sender.at.toISOString(), correlationId };
  }
}
