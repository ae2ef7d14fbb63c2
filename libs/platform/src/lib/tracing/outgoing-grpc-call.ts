/**
 * What a gRPC client does around one unary call, so the callee's spans join the caller's trace: a CLIENT span
 * under the active one, `traceparent` in the call's metadata, and the MRN the request or the reply names, also on
 * the span of the request being served (a filing's POST learns its MRN from the reply). Outside a traced request
 * or subscription it does nothing, and neither does it with tracing off.
 *
 *   const trace = traceOutgoingGrpcCall('ics2.common_repository.v1.FilingService', 'RegisterFiling', request, metadata);
 *   client.RegisterFiling(request, metadata, options, (error, reply) => { trace.end(error, reply); ... });
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Metadata } from '@grpc/grpc-js';
import { metadataSetter } from './grpc-metadata-carrier';
import { injectTraceContext, tracingOf } from './platform-tracing';
import { mrnIn, noteMrn } from './trace-attributes';

export interface OutgoingCallTrace {
  /** Once, when the call settles: `error` with its gRPC status code, or the reply. */
  end(error: { readonly code: number } | null, reply?: unknown): void;
}

const NOT_TRACED: OutgoingCallTrace = { end: () => undefined };

export function traceOutgoingGrpcCall(service: string, method: string, request: unknown, metadata: Metadata): OutgoingCallTrace {
  const tracing = tracingOf();
  const started = tracing?.startSpan(`${service}/${method}`, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method } });
  if (!started) return NOT_TRACED;
  const { span } = started;
  const served = trace.getSpan(context.active());
  const asked = mrnIn(request);
  noteMrn(span, asked);
  noteMrn(served, asked);
  injectTraceContext(started.context, metadata, metadataSetter);
  let ended = false;
  return {
    end(error, reply) {
      if (ended) return;
      ended = true;
      span.setAttribute('rpc.grpc.status_code', error ? error.code : 0);
      if (error) span.setStatus({ code: SpanStatusCode.ERROR });
      else {
        const answered = mrnIn(reply);
        noteMrn(span, answered);
        noteMrn(served, answered);
      }
      span.end();
    },
  };
}
