/**
 * The one line each request leaves, whichever door it came through, and its metrics. Identifiers only: never
 * a body, a header value or a token.
 */
import { describeActor } from '@ics2/domain';
import type { Door, PlatformMetrics } from '../metrics/platform-metrics';
import type { RequestContext } from '../request/request-context';
import type { PlatformLogger } from './logger';

export interface RequestOutcome {
  readonly door: Door;
  /** Route pattern, never the raw URL, so ids in paths do not explode metric labels. */
  readonly route: string;
  /** HTTP status code, or gRPC status name (`OK`, `UNAUTHENTICATED`...). */
  readonly outcome: string;
  readonly startedAt: bigint;
  readonly context: RequestContext | undefined;
}

// Probes hit these every few seconds; their lines are kept for debug level.
const PROBES = [/^GET \/health\//, /^GET \/metrics$/, /^\/grpc\.health\.v1\.Health\//];

export function recordRequest(logger: PlatformLogger, metrics: PlatformMetrics, request: RequestOutcome): void {
  const durationMs = Number(process.hrtime.bigint() - request.startedAt) / 1e6;
  metrics.observeRequest(request.door, request.route, request.outcome, durationMs / 1000);
  const principal = request.context?.principal;
  const line = {
    door: request.door,
    correlationId: request.context?.correlationId,
    caller: principal ? describeActor(principal.actor) : 'anonymous',
    route: request.route,
    outcome: request.outcome,
    durationMs: Math.round(durationMs * 10) / 10,
  };
  if (PROBES.some((p) => p.test(request.route))) logger.debug(line, 'request');
  else logger.info(line, 'request');
}
