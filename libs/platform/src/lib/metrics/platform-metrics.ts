/**
 * Prometheus metrics of one service instance, in a registry of its own (never prom-client's global one) so that
 * tests can run several apps in one process. Other code injects `PlatformMetrics` and uses the metric objects:
 *
 *   const end = metrics.eventStoreAppendSeconds.startTimer(); ...; end({ outcome: 'ok' });
 *   metrics.subscriptionLagEvents.set({ subscription: 'common-repository.read-models' }, lag);
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Door = 'http' | 'grpc';

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class PlatformMetrics {
  readonly registry = new Registry();

  /** Requests by door (http|grpc), route (`GET /health/live`, `/pkg.Service/Method`) and outcome (HTTP status or gRPC code name). */
  readonly requestsTotal = new Counter({
    name: 'ics2_requests_total',
    help: 'Requests handled, by door, route and outcome',
    labelNames: ['door', 'route', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly requestDurationSeconds = new Histogram({
    name: 'ics2_request_duration_seconds',
    help: 'Request latency in seconds, by door, route and outcome',
    labelNames: ['door', 'route', 'outcome'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  /** Time of one `EventStore.append`, labelled by outcome (`ok`, `conflict`, `error`). */
  readonly eventStoreAppendSeconds = new Histogram({
    name: 'ics2_event_store_append_seconds',
    help: 'Event store append latency in seconds, by outcome',
    labelNames: ['outcome'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  /** How many events a subscription is behind the head of the log. */
  readonly subscriptionLagEvents = new Gauge({
    name: 'ics2_subscription_lag_events',
    help: 'Events between a subscription checkpoint and the head of the log',
    labelNames: ['subscription'] as const,
    registers: [this.registry],
  });

  /** Age of the oldest event a subscription has not yet handled. */
  readonly subscriptionLagSeconds = new Gauge({
    name: 'ics2_subscription_lag_seconds',
    help: 'Seconds between now and the recording of the next event a subscription has to handle',
    labelNames: ['subscription'] as const,
    registers: [this.registry],
  });

  /**
   * Failed attempts in a row of a subscription partition held by this instance: above 0 it is retrying, and a value
   * that keeps climbing is a partition stuck on one event (the error log names it). Back to 0 once a batch commits.
   */
  readonly subscriptionFailedAttempts = new Gauge({
    name: 'ics2_subscription_failed_attempts',
    help: 'Consecutive failed attempts of a subscription partition since its last committed batch',
    labelNames: ['subscription', 'partition'] as const,
    registers: [this.registry],
  });

  /** Events a subscription parked (skipped after `maxAttempts`): each one is a read-model row that differs from a replay. */
  readonly subscriptionParkedEventsTotal = new Counter({
    name: 'ics2_subscription_parked_events_total',
    help: 'Events a subscription parked after its handler kept failing on them',
    labelNames: ['subscription'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(door: Door, route: string, outcome: string, seconds: number): void {
    const labels = { door, route, outcome };
    this.requestsTotal.inc(labels);
    this.requestDurationSeconds.observe(labels, seconds);
  }
}
