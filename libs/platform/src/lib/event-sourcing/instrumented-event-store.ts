import {
  IdempotencyConflictError,
  PostgresEventStore,
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
import { context, SpanKind, type Attributes } from '@opentelemetry/api';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { tracingOf } from '../tracing/platform-tracing';
import { MRN_ATTRIBUTE, mrnOfCorrelation, mrnOfStream } from '../tracing/trace-attributes';

// Enough to find the append of an event a subscriber handled (by ics2.event.id) without unbounded attributes.
const TRACED_EVENT_IDS = 100;

/** A span under the traced request or subscription this call serves; none outside one (polling, start-up). */
function inStoreSpan<T>(operation: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  const tracing = tracingOf();
  if (!tracing) return work();
  return tracing.inSpan(`event-store ${operation}`, { kind: SpanKind.CLIENT, attributes: { 'db.operation.name': operation, ...attributes } }, context.active(), work);
}

/**
 * The adapter behind the port, with append latency and outcome in the service's metrics and, in a traced request
 * or subscription, a span per append and read carrying the stream and the MRN. Nothing else changes.
 */
export class InstrumentedEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly metrics: PlatformMetrics,
  ) {}

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const mrn = events.map((e) => mrnOfCorrelation(e.metadata.correlationId)).find(Boolean) ?? mrnOfStream(streamId);
    const attributes: Attributes = {
      'ics2.stream': streamId,
      'ics2.event.count': events.length,
      'ics2.event.types': [...new Set(events.map((e) => e.type))],
      'ics2.event.ids': events.slice(0, TRACED_EVENT_IDS).map((e) => e.id),
      ...(mrn ? { [MRN_ATTRIBUTE]: mrn } : {}),
    };
    return inStoreSpan('append', attributes, async () => {
      const end = this.metrics.eventStoreAppendSeconds.startTimer();
      try {
        const result = await this.inner.append(streamId, events, expected);
        end({ outcome: 'ok' });
        return result;
      } catch (e) {
        const conflict = e instanceof WrongExpectedRevisionError || e instanceof IdempotencyConflictError;
        end({ outcome: conflict ? 'conflict' : 'error' });
        throw e;
      }
    });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const mrn = mrnOfStream(streamId);
    return inStoreSpan('readStream', { 'ics2.stream': streamId, ...(mrn ? { [MRN_ATTRIBUTE]: mrn } : {}) }, () => this.inner.readStream(streamId, options));
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return inStoreSpan('readAll', {}, () => this.inner.readAll(options));
  }

  subscribe<Tx>(options: SubscriptionOptions<Tx>): Promise<RunningSubscription> {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The PostgreSQL adapter behind the service's store, for what only it keeps (hash chains, checkpoints); else undefined. */
export function postgresStoreOf(store: EventStore): PostgresEventStore | undefined {
  const inner = store instanceof InstrumentedEventStore ? store.inner : store;
  return inner instanceof PostgresEventStore ? inner : undefined;
}
