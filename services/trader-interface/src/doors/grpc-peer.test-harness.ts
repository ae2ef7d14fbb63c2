/**
 * For int tests of the trader door's gRPC clients: a real gRPC server (grpc-js Server, the service loaded from its
 * real .proto by proto-loader) standing in for a peer service that is not part of the test. It answers each call
 * with what the test scripts and records what arrived: the request as decoded from the wire, and the metadata the
 * door forwarded. Refusals carry the trailers the platform's gRPC filter writes (ics2-error-kind, -code,
 * -details-bin), so the client reads them exactly as it reads the real service's.
 */
import { join } from 'node:path';
import { loadPackageDefinition, Metadata, Server, ServerCredentials, status, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoRoot, type ErrorDetail, type ErrorKind } from '@ics2/platform';

/** One call as the peer received it. */
export interface ReceivedCall {
  readonly method: string;
  readonly request: Record<string, unknown>;
  readonly authorization: string | undefined;
  readonly correlationId: string | undefined;
}

/** What the peer answers: a reply, or a refusal. */
export type PeerAnswer = { readonly reply: object } | { readonly refuse: PeerRefusal };

export interface PeerRefusal {
  readonly code: status;
  readonly message: string;
  /** The platform's trailers; absent: a bare gRPC error, as a proxy or a crashing peer would give. */
  readonly kind?: ErrorKind;
  readonly errorCode?: string;
  readonly details?: readonly ErrorDetail[];
}

export interface GrpcPeer {
  readonly address: string;
  readonly calls: ReceivedCall[];
  close(): Promise<void>;
}

/** A refusal as the platform's GrpcExceptionFilter sends it. */
export const platformRefusal = (code: status, kind: ErrorKind, errorCode: string, message: string, details: readonly ErrorDetail[] = []): PeerAnswer => ({
  refuse: { code, kind, errorCode, message, details },
});

function toServiceError(refusal: PeerRefusal): Partial<ServiceError> {
  const metadata = new Metadata();
  if (refusal.kind) metadata.set('ics2-error-kind', refusal.kind);
  if (refusal.errorCode) metadata.set('ics2-error-code', refusal.errorCode);
  if (refusal.details?.length) metadata.set('ics2-error-details-bin', Buffer.from(JSON.stringify(refusal.details), 'utf8'));
  return { code: refusal.code, details: refusal.message, message: refusal.message, metadata };
}

/**
 * Starts `service` of `proto` (relative to proto/) on a free local port; `answer(method, request)` says what each
 * call gets. Methods `answer` is not asked about do not exist: only those in `methods` are served.
 */
export async function startGrpcPeer(
  proto: string,
  service: string,
  methods: readonly string[],
  answer: (method: string, request: Record<string, unknown>) => PeerAnswer | Promise<PeerAnswer>,
): Promise<GrpcPeer> {
  const definition = loadSync(join(protoRoot(), proto), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
  let node: unknown = loadPackageDefinition(definition);
  for (const part of service.split('.')) node = (node as GrpcObject)[part];
  const calls: ReceivedCall[] = [];
  const server = new Server();
  const first = (metadata: Metadata, key: string) => {
    const value = metadata.get(key)[0];
    return value === undefined ? undefined : String(value);
  };
  const implementation = Object.fromEntries(
    methods.map((method) => [
      method,
      (call: { request: Record<string, unknown>; metadata: Metadata }, callback: (error: Partial<ServiceError> | null, reply?: object) => void) => {
        calls.push({ method, request: call.request, authorization: first(call.metadata, 'authorization'), correlationId: first(call.metadata, 'x-correlation-id') });
        Promise.resolve(answer(method, call.request)).then(
          (outcome) => ('reply' in outcome ? callback(null, outcome.reply) : callback(toServiceError(outcome.refuse))),
          (e: unknown) => callback({ code: status.INTERNAL, details: String(e) }),
        );
      },
    ]),
  );
  server.addService((node as ServiceClientConstructor).service, implementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return {
    address: `127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}
