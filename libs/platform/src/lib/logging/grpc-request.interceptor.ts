/**
 * A grpc-js server interceptor: the gRPC twin of the HTTP observer. It sits below Nest, so it sees every call,
 * including the ones a guard refuses, and the final status of streams. The correlation id is read from (or put
 * into) the call's metadata, so handlers find it there, and is sent back in the response headers and trailers.
 * With tracing on it opens the call's SERVER span (continuing the caller's `traceparent`), runs the handler inside
 * it and notes the MRN the request or the reply names; health checks are not traced.
 */
import { context as otelContext, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  Metadata,
  ResponderBuilder,
  ServerInterceptingCall,
  ServerListenerBuilder,
  status as GrpcStatus,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import { attachRequestContext, CORRELATION_HEADER, correlationIdFrom, type RequestContext } from '../request/request-context';
import { metadataGetter } from '../tracing/grpc-metadata-carrier';
import { PlatformTracing, type StartedSpan } from '../tracing/platform-tracing';
import { mrnIn, noteMrn } from '../tracing/trace-attributes';
import type { PlatformLogger } from './logger';
import { recordRequest } from './request-log';

// Server errors by the OpenTelemetry conventions for RPC: the caller's own mistakes (NOT_FOUND, INVALID_ARGUMENT...) are not.
const SERVER_ERRORS = new Set([GrpcStatus.UNKNOWN, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.UNIMPLEMENTED, GrpcStatus.INTERNAL, GrpcStatus.UNAVAILABLE, GrpcStatus.DATA_LOSS]);
const UNTRACED_PREFIX = '/grpc.health.v1.Health/';

export function grpcRequestInterceptor(logger: PlatformLogger, metrics: PlatformMetrics, tracing: PlatformTracing = PlatformTracing.disabled): ServerInterceptor {
  return (method, call) => {
    const startedAt = process.hrtime.bigint();
    let context: RequestContext | undefined;
    let traced: StartedSpan | undefined;
    let done = false;
    const finish = (code: GrpcStatus): void => {
      if (done) return;
      done = true;
      recordRequest(logger, metrics, { door: 'grpc', route: method.path, outcome: GrpcStatus[code] ?? String(code), startedAt, context });
      if (traced) {
        traced.span.setAttribute('rpc.grpc.status_code', code);
        if (SERVER_ERRORS.has(code)) traced.span.setStatus({ code: SpanStatusCode.ERROR });
        traced.span.end();
      }
    };
    // Every step after the metadata runs in the call's span, so the handler (started on half-close) does too.
    const inSpan = (step: () => void): void => (traced ? otelContext.with(traced.context, step) : step());

    const listener = new ServerListenerBuilder()
      .withOnReceiveMetadata((metadata: Metadata, next) => {
        const received = metadata.get(CORRELATION_HEADER)[0];
        context = attachRequestContext(metadata, { correlationId: correlationIdFrom(received) });
        metadata.set(CORRELATION_HEADER, context.correlationId);
        if (!method.path.startsWith(UNTRACED_PREFIX)) {
          const name = method.path.replace(/^\//, '');
          const [service, rpc] = name.split('/');
          const attributes = { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': rpc, 'ics2.correlation_id': context.correlationId };
          traced = tracing.startFromCarrier(name, { kind: SpanKind.SERVER, attributes }, metadata, metadataGetter);
        }
        inSpan(() => next(metadata));
      })
      .withOnReceiveMessage((message, next) => {
        noteMrn(traced?.span, mrnIn(message));
        inSpan(() => next(message));
      })
      .withOnReceiveHalfClose((next) => inSpan(next))
      .withOnCancel(() => finish(GrpcStatus.CANCELLED))
      .build();

    const responder = new ResponderBuilder()
      .withStart((next) => next(listener))
      .withSendMetadata((metadata, next) => {
        if (context) metadata.set(CORRELATION_HEADER, context.correlationId);
        next(metadata);
      })
      .withSendMessage((message, next) => {
        noteMrn(traced?.span, mrnIn(message));
        next(message);
      })
      .withSendStatus((status, next) => {
        const trailers = status.metadata ?? new Metadata();
        if (context) trailers.set(CORRELATION_HEADER, context.correlationId);
        finish(status.code);
        next({ ...status, metadata: trailers });
      })
      .build();

    return new ServerInterceptingCall(call, responder);
  };
}
