/**
 * Express middleware in front of every HTTP route: gives the request its correlation id (echoed in the
 * response), and when the response is done logs the line and counts it. It runs before guards, so refusals
 * (401, 403, 404) are logged and counted too. With tracing on it also opens the request's SERVER span (continuing
 * the caller's `traceparent`) and runs the rest of the request inside it; probes and scrapes are not traced.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context as otelContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { attachRequestContext, CORRELATION_HEADER, correlationIdFrom } from '../request/request-context';
import type { ShutdownRegistry } from '../shutdown/shutdown-registry';
import { PlatformTracing } from '../tracing/platform-tracing';
import { mrnIn, noteMrn } from '../tracing/trace-attributes';
import type { PlatformLogger } from './logger';
import { recordRequest } from './request-log';

type ExpressRequest = IncomingMessage & { readonly baseUrl?: string; readonly route?: { readonly path?: unknown }; readonly params?: Record<string, unknown> };

function routeOf(req: ExpressRequest): string {
  const path = req.route?.path;
  return `${req.method ?? 'GET'} ${typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : '(unmatched)'}`;
}

const UNTRACED = /^\/(health\/|metrics(?:$|\?))/;

const headerGetter = {
  get: (carrier: IncomingMessage, key: string) => {
    const value = carrier.headers[key];
    return Array.isArray(value) ? value[0] : value;
  },
  keys: (carrier: IncomingMessage) => Object.keys(carrier.headers),
};

export function httpRequestObserver(logger: PlatformLogger, metrics: PlatformMetrics, shutdown: ShutdownRegistry, tracing: PlatformTracing = PlatformTracing.disabled) {
  return (req: ExpressRequest, res: ServerResponse, next: () => void): void => {
    const startedAt = process.hrtime.bigint();
    const context = attachRequestContext(req, { correlationId: correlationIdFrom(req.headers[CORRELATION_HEADER]) });
    res.setHeader(CORRELATION_HEADER, context.correlationId);
    // While draining, ask keep-alive clients to reconnect, so they land on an instance that stays.
    if (shutdown.isShuttingDown) res.setHeader('connection', 'close');
    const traced = UNTRACED.test(req.url ?? '/') ? undefined : tracing.startFromCarrier(
      req.method ?? 'GET',
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': (req.url ?? '/').split('?')[0], 'ics2.correlation_id': context.correlationId } },
      req,
      headerGetter,
    );
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const outcome = res.writableFinished ? String(res.statusCode) : 'aborted';
      const route = routeOf(req);
      recordRequest(logger, metrics, { door: 'http', route, outcome, startedAt, context });
      if (traced) {
        const { span } = traced;
        span.updateName(route);
        if (req.route) span.setAttribute('http.route', route.slice(route.indexOf(' ') + 1));
        span.setAttribute('http.response.status_code', res.statusCode);
        noteMrn(span, mrnIn(req.params));
        if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    };
    res.once('finish', record);
    res.once('close', record);
    if (!traced) return next();
    // Body parsing resumes from the socket's own events: bind them, or the handler would run outside the span.
    otelContext.bind(traced.context, req);
    otelContext.bind(traced.context, res);
    otelContext.with(traced.context, next);
  };
}
