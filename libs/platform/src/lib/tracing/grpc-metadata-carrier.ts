/** W3C trace context in gRPC metadata: `traceparent` and `tracestate` as ASCII metadata entries. */
import type { Metadata } from '@grpc/grpc-js';
import type { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

export const metadataGetter: TextMapGetter<Metadata> = {
  get(carrier, key) {
    const [value] = carrier.get(key);
    return typeof value === 'string' ? value : undefined;
  },
  keys: (carrier) => Object.keys(carrier.getMap()),
};

export const metadataSetter: TextMapSetter<Metadata> = {
  set: (carrier, key, value) => carrier.set(key, value),
};
