import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RunningSubscription,
  type SubscriptionOptions,
} from '@ics2/event-store';
import type { PlatformMetrics } from '../metrics/platform-metrics';

/** The adapter behind the port, with append latency and outcome in the service's metrics. Nothing else changes. */
export class InstrumentedEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly metrics: PlatformMetrics,
  ) {}

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const end = this.metrics.eventStoreAppendSeconds.startTimer();
    try {
      const result = await this.inner.append(streamId, events, expected);
      end({ outcome: 'ok' });
      return result;
    } catch (e) {
      end({ outcome: e instanceof WrongExpectedRevisionError || e instanceof IdempotencyConflictError ? 'conflict' : 'error' });
      throw e;
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe<Tx>(options: SubscriptionOptions<Tx>): Promise<RunningSubscription> {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
