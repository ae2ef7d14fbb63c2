/**
 * `risk-analysis.rif-profiles`: a RIF's risk profile activated in crms (RifProfileActivated, after its backtest)
 * becomes a live criterion here, recorded with source 'rif' and activated with the RIF as its origin; a RIF closed,
 * expired or withdrawn from live use deactivates it. Commands derive their ids from the crms event, so a
 * redelivery writes nothing; the catalogue rereads the criterion at once, and the criteria-changed processor
 * re-analyses the ENS still open as it does for any activation.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RifAuthor, RifEvent } from '@ics2/contracts';
import { systemActor } from '@ics2/domain';
import type { RecordedEvent } from '@ics2/event-store';
import { PLATFORM_LOGGER, Subscriptions, type PlatformLogger } from '@ics2/platform';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
import { RiskCommands } from '../doors/risk-commands';

export const RIF_PROFILES_SUBSCRIPTION = 'risk-analysis.rif-profiles';
const actor = systemActor('risk-analysis.rif-profiles');

const byWhom = (a: RifAuthor, rifId: string) => `crms:${rifId}:${a.kind === 'commission' ? 'commission' : a.memberState}/${a.userId}`;

@Injectable()
export class RifProfilesProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly commands: RiskCommands,
    private readonly catalogue: CriteriaCatalogue,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: RIF_PROFILES_SUBSCRIPTION, filter: { categories: ['rif'], eventTypes: ['RifProfileActivated', 'RifProfileDeactivated'] }, handle: (e) => this.handle(e) });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as RifEvent;
    if (event.type === 'RifProfileActivated') {
      const { criterion, rifId, activatedAt } = event.data;
      const by = byWhom(event.data.activatedBy, rifId);
      const at = new Date(activatedAt);
      const recordedVersion = await this.commands.criterion(criterion.id, { type: 'RecordCriterionVersion', data: { criterion, source: 'rif', by, at: activatedAt } }, `rif-${recorded.id}-record`, actor, at);
      if (recordedVersion.kind === 'refused') return this.refused(rifId, criterion.id, recordedVersion.refusal);
      const activated = await this.commands.criterion(criterion.id, { type: 'ActivateCriterion', data: { version: criterion.version, by, at: activatedAt, origin: { rifId } } }, `rif-${recorded.id}-activate`, actor, at);
      if (activated.kind === 'refused') return this.refused(rifId, criterion.id, activated.refusal);
      await this.catalogue.reload(criterion.id);
      return;
    }
    if (event.type === 'RifProfileDeactivated') {
      const { criterionId, version, rifId, deactivatedAt } = event.data;
      const at = new Date(deactivatedAt);
      const outcome = await this.commands.criterion(criterionId, { type: 'DeactivateCriterion', data: { version, by: byWhom(event.data.deactivatedBy, rifId), at: deactivatedAt, reason: `RIF ${rifId} no longer live` } }, `rif-${recorded.id}-deactivate`, actor, at);
      if (outcome.kind === 'refused') return this.refused(rifId, criterionId, outcome.refusal);
      await this.catalogue.reload(criterionId);
    }
  }

  // crms stamps the profile's identity and risk-analysis validated it before the RIF was published: a refusal here
  // is a contradiction between the two services' histories, for an operator to look at, not a reason to stall.
  private refused(rifId: string, criterionId: string, refusal: unknown): void {
    this.logger.error({ rifId, criterionId, refusal }, 'a RIF profile could not be applied to the criteria');
  }
}
