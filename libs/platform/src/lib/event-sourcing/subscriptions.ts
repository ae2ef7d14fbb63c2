/**
 * Starts a service's durable subscriptions with the platform's concerns attached: handler writes go through the
 * read-model database in the batch's transaction (with the checkpoint), failures are logged, lag is exported as
 * metrics, and each subscription stops after its current batch in the `stop` phase of shutdown. With tracing on,
 * each handled event gets a CONSUMER span (what the handler reads and appends nests under it) with the event's MRN.
 *
 * That span starts a trace of its own; it is not linked to the trace that appended the event. A link needs the
 * appender's trace context stored with the event, and events keep only the metadata the domain defines (ids,
 * correlation, actor, instants), hashed into the integrity chain: an observability id does not belong in the
 * audit record, and a replay years later would link to traces long deleted. The two traces meet on `ics2.mrn`
 * and on `ics2.event.id` (the append span lists the ids it wrote).
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import type { BatchFailure, EventStore, FailingEvent, ParkedEvent, RecordedEvent, RunningSubscription, SubscriptionOptions } from '@ics2/event-store';
import type { PlatformLogger } from '../logging/logger';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { PLATFORM_LOGGER } from '../platform.tokens';
import { ReadModelDatabase, type ReadModelTransaction } from '../read-models/read-model-database';
import { ShutdownRegistry } from '../shutdown/shutdown-registry';
import { PlatformTracing } from '../tracing/platform-tracing';
import { MRN_ATTRIBUTE, mrnOfCorrelation, mrnOfStream } from '../tracing/trace-attributes';
import { EVENT_STORE } from './event-sourcing.tokens';

export type ProjectionOptions = Omit<SubscriptionOptions<ReadModelTransaction>, 'transactions' | 'handle' | 'onError' | 'onRecovered' | 'onParked'> & {
  readonly handle: (event: RecordedEvent, tx: ReadModelTransaction) => Promise<void>;
};

interface WithLag {
  lag(): Promise<{ events: number; seconds: number }>;
}

/** A subscription of this instance that has not handled everything yet; `events: null` when it cannot tell. */
export interface SubscriptionBehind {
  readonly name: string;
  readonly events: number | null;
}

export interface CatchUpReport {
  readonly caughtUp: boolean;
  readonly behind: readonly SubscriptionBehind[];
}

const LAG_SAMPLE_MS = 5_000;

/** The event a failure or a parking is about, as log fields; positions are bigints, so strings in the JSON line. */
const logFieldsOf = (event: FailingEvent) => ({
  eventId: event.id,
  eventType: event.type,
  stream: event.streamId,
  position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
});

@Injectable()
export class Subscriptions {
  private readonly running = new Map<string, RunningSubscription>();
  private lagTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: PlatformMetrics,
    private readonly shutdown: ShutdownRegistry,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    @Optional() private readonly readModels?: ReadModelDatabase,
    @Optional() private readonly tracing: PlatformTracing = PlatformTracing.disabled,
  ) {}

  /** Starts one subscription replica; resolves once it runs. A name runs at most once per instance. */
  async start(options: ProjectionOptions): Promise<RunningSubscription> {
    if (this.running.has(options.name)) throw new Error(`subscription ${options.name} is already running`);
    if (!this.readModels) throw new Error(`subscription ${options.name} needs read models: EventSourcingModule.forService({ readModels })`);
    const log = this.logger.child({ subscription: options.name });
    // One connection per partition this replica may hold (all of them, when it runs alone), for its batches.
    const release = this.readModels.reserveConnections(options.partitions ?? 1);
    let subscription: RunningSubscription;
    try {
      subscription = await this.store.subscribe<ReadModelTransaction>({
        ...options,
        handle: this.tracing.enabled ? this.traced(options.name, options.handle) : options.handle,
        transactions: this.readModels,
        onError: (err, partition, failure) => this.failed(options.name, log, err, partition, failure),
        onRecovered: (partition) => {
          this.metrics.subscriptionFailedAttempts.set({ subscription: options.name, partition: String(partition) }, 0);
          log.info({ partition }, 'subscription partition handles batches again');
        },
        onParked: (parked) => this.parked(options.name, log, parked),
      });
    } catch (e) {
      release();
      throw e;
    }
    this.running.set(options.name, subscription);
    this.shutdown.register(`subscription ${options.name}`, async () => {
      await subscription.stop();
      release();
      this.running.delete(options.name);
      this.sampleLagSoon();
    });
    log.info({ partitions: options.partitions ?? 1, concurrency: options.concurrency ?? 1, maxAttempts: options.maxAttempts ?? 'unlimited', readModelPool: this.readModels.poolSize }, 'subscription started');
    this.sampleLagSoon();
    return subscription;
  }

  /** Logs a failed batch with the event it stopped at, and exports the partition's consecutive failures. */
  private failed(name: string, log: PlatformLogger, err: unknown, partition: number, failure: BatchFailure | undefined): void {
    if (partition < 0 || !failure) {
      log.error({ err, partition }, 'subscription failed; retrying');
      return;
    }
    this.metrics.subscriptionFailedAttempts.set({ subscription: name, partition: String(partition) }, failure.attempts);
    const { event, attempts } = failure;
    const at = event && logFieldsOf(event);
    const message = event
      ? `subscription batch failed at event ${event.id} (${event.type} in ${event.streamId}); retrying`
      : 'subscription batch failed; retrying';
    log.error({ err, partition, attempts, ...at }, message);
  }

  /** A parked event is a read-model row that now differs from a replay: an error line and a counter to alert on. */
  private parked(name: string, log: PlatformLogger, parked: ParkedEvent): void {
    this.metrics.subscriptionParkedEventsTotal.inc({ subscription: name });
    const { event, attempts, partition, error } = parked;
    log.error(
      { err: error, partition, attempts, ...logFieldsOf(event) },
      `subscription parked event ${event.id} (${event.type} in ${event.streamId}) after ${attempts} failed attempts; handling the events after it`,
    );
  }

  private traced(name: string, handle: ProjectionOptions['handle']): ProjectionOptions['handle'] {
    return (event, tx) => {
      const mrn = mrnOfCorrelation(event.metadata.correlationId) ?? mrnOfStream(event.streamId);
      const attributes = {
        'ics2.subscription': name,
        'ics2.event.id': event.id,
        'ics2.event.type': event.type,
        'ics2.stream': event.streamId,
        'ics2.correlation_id': event.metadata.correlationId,
        ...(mrn ? { [MRN_ATTRIBUTE]: mrn } : {}),
      };
      return this.tracing.inSpan(`${name} ${event.type}`, { kind: SpanKind.CONSUMER, attributes }, ROOT_CONTEXT, () => handle(event, tx));
    };
  }

  /**
   * Whether every subscription this instance runs has handled every event of the partitions it holds: lag 0 as
   * lag() counts it (after the checkpoint, within the filter and the partition). The checkpoint commits with the
   * handler's writes, so a batch still running counts as behind. A partition whose checkpoint is not loaded yet, or
   * a subscription that cannot tell its lag, counts as behind too: "caught up" must never be a guess.
   */
  async caughtUp(): Promise<CatchUpReport> {
    const lags = await Promise.all(
      [...this.running].map(async ([name, s]): Promise<SubscriptionBehind> => {
        const withLag = s as Partial<WithLag>;
        if (typeof withLag.lag !== 'function') return { name, events: null };
        // lag() leaves out a partition with no checkpoint yet: it would read as caught up before it even began.
        if (s.status().partitions.some((p) => p.checkpoint === null)) return { name, events: null };
        return { name, events: (await withLag.lag()).events };
      }),
    );
    const behind = lags.filter((l) => l.events !== 0);
    return { caughtUp: behind.length === 0, behind };
  }

  /** Samples every running subscription's lag now (also done every few seconds while any runs). */
  async sampleLag(): Promise<void> {
    await Promise.all(
      [...this.running].map(async ([name, s]) => {
        const withLag = s as Partial<WithLag>;
        if (typeof withLag.lag !== 'function') return;
        try {
          const lag = await withLag.lag();
          this.metrics.subscriptionLagEvents.set({ subscription: name }, lag.events);
          this.metrics.subscriptionLagSeconds.set({ subscription: name }, lag.seconds);
        } catch (err) {
          this.logger.debug({ err, subscription: name }, 'subscription lag not sampled');
        }
      }),
    );
  }

  private sampleLagSoon(): void {
    if (this.running.size === 0) {
      if (this.lagTimer) clearInterval(this.lagTimer);
      this.lagTimer = null;
      return;
    }
    if (this.lagTimer) return;
    this.lagTimer = setInterval(() => void this.sampleLag(), LAG_SAMPLE_MS);
    this.lagTimer.unref();
  }
}
