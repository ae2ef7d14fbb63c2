/**
 * `risk-analysis.signals`: every risk event into the Member State signal streams, signals and checkpoint in one
 * transaction, the work shared by partition among replicas (per-stream order is what the projection needs; a
 * Member State's order across streams comes from its counter row, see keyed-feed.sequencer.ts in the platform).
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RunningSubscription } from '@ics2/event-store';
import { Subscriptions } from '@ics2/platform';
import { SIGNAL_CATEGORIES } from './signal-rules.table';
import { projectSignals } from './signals.projection';

export const SIGNALS_SUBSCRIPTION = 'risk-analysis.signals';
/** Fixed: the checkpoints are kept per partition, and a different count is refused at start. */
export const SIGNALS_PARTITIONS = 4;

@Injectable()
export class SignalsSubscription implements OnApplicationBootstrap {
  private running: RunningSubscription | undefined;

  constructor(private readonly subscriptions: Subscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = await this.subscriptions.start({ name: SIGNALS_SUBSCRIPTION, filter: { categories: SIGNAL_CATEGORIES }, partitions: SIGNALS_PARTITIONS, handle: projectSignals });
  }

  /** Resolves once every event in the log when called is in the signal streams (tests, rebuild tooling). */
  caughtUp(): Promise<void> {
    if (!this.running) return Promise.reject(new Error(`${SIGNALS_SUBSCRIPTION} is not running`));
    return this.running.caughtUp();
  }
}
