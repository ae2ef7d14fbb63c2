/**
 * `risk-analysis.intake`: an ENS complete for a phase (the head's EnsFilingCompleted: pre-loading once the 7+1
 * data are in, pre-arrival once the ENS is) is analysed, and again when it completes with other members (the decider
 * compares them with the analysis's); an amendment of any member re-analyses the ENS it belongs
 * to; the consistency check of a linked ENS (EnsConsistencyChecked on the head's stream), which the common
 * repository records in an append after the completion's, so the analysis may have read the ENS before it, re-analyses
 * the ENS when it changes what the criteria find (the decider compares the hits); a member unlinked from the ENS (EnsFilingUnlinked on the head's stream: a house invalidated) leaves the open
 * analyses naming it awaiting the ENS's completion. Partitioned, and within a partition several ENS at once (each stream's events still in order): each ENS's
 * events come from its own streams, read from the store when analysed, so an analysis is mostly waiting.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EnsEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import { SERVICE_CONFIG, Subscriptions } from '@ics2/platform';
import type { RiskAnalysisConfig } from '../service.config';
import { AnalyseFilingHandler } from './analyse-filing.handler';
import { latestCompletions } from './ens-snapshot';

export const INTAKE_SUBSCRIPTION = 'risk-analysis.intake';

@Injectable()
export class AnalyseFilingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly handler: AnalyseFilingHandler,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: INTAKE_SUBSCRIPTION,
      filter: { categories: ['ens'], eventTypes: ['EnsFilingCompleted', 'EnsFilingAmended', 'EnsFilingUnlinked', 'EnsConsistencyChecked'] },
      partitions: this.config.INTAKE_PARTITIONS,
      concurrency: this.config.INTAKE_CONCURRENCY,
      batchSize: 50,
      handle: (event) => this.handle(event),
    });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as EnsEvent;
    if (event.type === 'EnsFilingCompleted') {
      // Each member records the completion; the head's event starts the analysis.
      if (event.data.members[0] !== event.data.mrn) return;
      await this.handler.analyse(event.data.mrn, event.data.members, event.data.phase, 'ens-complete', recorded.id);
      return;
    }
    if (event.type === 'EnsFilingUnlinked') {
      // Recorded on both sides of the link: the master's names its house, heading the ENS analysed on risk-<master>;
      // a house's names its master and heads none (an empty risk stream: nothing written).
      await this.handler.noteUnlinked(event.data.mrn, event.data.unlinkedMrn, recorded.id);
      return;
    }
    if (event.type === 'EnsConsistencyChecked') {
      const head = await this.handler.filing(event.data.mrn);
      // The ENS this master heads as it stands, in each phase it completed; a check on no head's stream starts nothing.
      for (const completion of head ? latestCompletions(head) : []) {
        if (completion.members[0] === event.data.mrn) await this.handler.analyse(event.data.mrn, completion.members, completion.phase, 'consistency-checked', recorded.id);
      }
      return;
    }
    if (event.type === 'EnsFilingAmended') {
      const amended = await this.handler.filing(event.data.mrn);
      // The ENS as it stands: analysing an earlier completion too would re-analyse with a house since invalidated.
      for (const completion of amended ? latestCompletions(amended) : []) {
        await this.handler.analyse(completion.members[0], completion.members, completion.phase, 'amendment', recorded.id);
      }
    }
  }
}
