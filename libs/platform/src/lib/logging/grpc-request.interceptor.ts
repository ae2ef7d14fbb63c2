/**
 * A grpc-js server interceptor: the gRPC twin of the HTTP observer. It sits below Nest, so it sees every call,
 * including the ones a guard refuses, and the final status of streams. The correlation id is read from (or put
 * into) the call's metadata, so handlers find it there, and is sent back in the response headers and trailers.
 */
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
import type { PlatformLogger } from './logger';
import { recordRequest } from './request-log';

export function grpcRequestInterceptor(logger: PlatformLogger, metrics: PlatformMetrics): ServerInterceptor {
  return (method, call) => {
    const startedAt = process.hrtime.bigint();
    let context: RequestContext | undefined;
    let done = false;
    const finish = (code: GrpcStatus): void => {
      if (done) return;
      done = true;
      recordRequest(logger, metrics, { door: 'grpc', route: method.path, outcome: GrpcStatus[code] ?? String(code), startedAt, context });
    };

    const listener = new ServerListenerBuilder()
      .withOnReceiveMetadata((metadata: Metadata, next) => {
        const received = metadata.get(CORRELATION_HEADER)[0];
        context = attachRequestContext(metadata, { correlationId: correlationIdFrom(received) });
        metadata.set(CORRELATION_HEADER, context.correlationId);
        next(metadata);
      })
      .withOnCancel(() => finish(GrpcStatus.CANCELLED))
      .build();

    const responder = new ResponderBuilder()
      .withStart((next) => next(listener))
      .withSendMetadata((metadata, next) => {
        if (context) metadata.set(CORRELATION_HEADER, context.correlationId);
        next(metadata);
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
