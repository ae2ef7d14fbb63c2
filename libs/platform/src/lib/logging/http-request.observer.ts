/**
 * Express middleware in front of every HTTP route: gives the request its correlation id (echoed in the
 * response), and when the response is done logs the line and counts it. It runs before guards, so refusals
 * (401, 403, 404) are logged and counted too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { attachRequestContext, CORRELATION_HEADER, correlationIdFrom } from '../request/request-context';
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';
import type { PlatformLogger } from './logger';
import { recordRequest } from './request-log';

type ExpressRequest = IncomingMessage & { readonly baseUrl?: string; readonly route?: { readonly path?: unknown } };

function routeOf(req: ExpressRequest): string {
  const path = req.route?.path;
  return `${req.method ?? 'GET'} ${typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : '(unmatched)'}`;
}

export function httpRequestObserver(logger: PlatformLogger, metrics: PlatformMetrics, shutdown: ShutdownRegistry) {
  return (req: ExpressRequest, res: ServerResponse, next: () => void): void => {
    const startedAt = process.hrtime.bigint();
    const context = attachRequestContext(req, { correlationId: correlationIdFrom(req.headers[CORRELATION_HEADER]) });
    res.setHeader(CORRELATION_HEADER, context.correlationId);
    // While draining, ask keep-alive clients to reconnect, so they land on an instance that stays.
    if (shutdown.isShuttingDown) res.setHeader('connection', 'close');
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const outcome = res.writableFinished ? String(res.statusCode) : 'aborted';
      recordRequest(logger, metrics, { door: 'http', route: routeOf(req), outcome, startedAt, context });
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
