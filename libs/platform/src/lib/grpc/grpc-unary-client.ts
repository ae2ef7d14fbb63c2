/**
 * What every gRPC client of a peer service does, written once: load the service from its real .proto under proto/,
 * balance calls round robin, forward the caller's own bearer token and the request's correlation id (and any other
 * metadata the door forwards, such as the stated purpose), give each call a deadline, and turn a refused call back
 * into the peer's PlatformError (kind, code, ICS2 items from the trailers `ics2-error-kind`, `ics2-error-code`,
 * `ics2-error-details-bin`, which the platform's gRPC filter writes). A peer that cannot be reached, or fails
 * without saying why, is `unavailable` (503: retry later).
 */
import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, status, type Client, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoRoot } from '../bootstrap/proto-files';
import { ERROR_KINDS, PlatformError, type ErrorDetail, type ErrorKind } from '../errors/platform-error';
import { traceOutgoingGrpcCall } from '../tracing/outgoing-grpc-call';

/** What each call carries from the request it serves. */
export interface CallContext {
  readonly authorization: string;
  readonly correlationId?: string;
  /** Further metadata to forward as is, e.g. `x-ics2-purpose`. */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface GrpcPeer {
  /** The .proto file, relative to proto/. */
  readonly proto: string;
  /** The fully qualified service, e.g. `ics2.risk_analysis.v1.RiskAnalysisService`. */
  readonly service: string;
  /** `host:port`, or `dns:///name:port` (every replica behind a headless Service). */
  readonly address: string;
  /** The prefix of the codes of an unreachable or failing peer: `<prefix>.UNAVAILABLE`, `<prefix>.FAILED`. */
  readonly codePrefix: string;
  /** The peer in a sentence: "the common repository cannot be reached". */
  readonly name: string;
  /** Per call; 10 s unless said otherwise. */
  readonly deadlineMs?: number;
}

type Unary = (request: object, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, reply: unknown) => void) => void;

const DEFAULT_DEADLINE_MS = 10_000;

export class GrpcUnaryClient {
  private readonly client: Client & Record<string, Unary>;
  private readonly deadlineMs: number;

  constructor(private readonly peer: GrpcPeer) {
    const definition = loadSync(join(protoRoot(), peer.proto), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
    let node: unknown = loadPackageDefinition(definition);
    for (const part of peer.service.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'function') throw new Error(`${peer.proto} defines no service ${peer.service}`);
    const Service = node as ServiceClientConstructor;
    // Round robin: behind a headless Service the name resolves to every replica, and each call picks the next one.
    this.client = new Service(peer.address, credentials.createInsecure(), {
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    }) as unknown as Client & Record<string, Unary>;
    this.deadlineMs = peer.deadlineMs ?? DEFAULT_DEADLINE_MS;
  }

  call<R>(method: string, request: object, ctx: CallContext): Promise<R> {
    const metadata = new Metadata();
    metadata.set('authorization', ctx.authorization);
    if (ctx.correlationId) metadata.set('x-correlation-id', ctx.correlationId);
    for (const [key, value] of Object.entries(ctx.metadata ?? {})) metadata.set(key, value);
    // In a traced request: a CLIENT span and `traceparent`, so the peer's spans join this trace.
    const trace = traceOutgoingGrpcCall(this.peer.service, method, request, metadata);
    return new Promise<R>((resolve, reject) => {
      this.client[method](request, metadata, { deadline: new Date(Date.now() + this.deadlineMs) }, (error, reply) => {
        trace.end(error, reply);
        if (error) reject(toPlatformError(error, this.peer));
        else resolve(reply as R);
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

/** The peer's own refusal when its trailers say what it was; otherwise the peer is unavailable. */
export function toPlatformError(error: ServiceError, peer: Pick<GrpcPeer, 'codePrefix' | 'name'>): PlatformError {
  const trailer = (key: string): string | undefined => {
    const value = error.metadata?.get(key)[0];
    return value === undefined ? undefined : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  };
  const kind = trailer('ics2-error-kind');
  if (kind && (ERROR_KINDS as readonly string[]).includes(kind)) {
    const raw = trailer('ics2-error-details-bin');
    const details = raw ? (JSON.parse(raw) as ErrorDetail[]) : [];
    return new PlatformError(kind as ErrorKind, trailer('ics2-error-code') ?? 'GRPC', error.details, details);
  }
  if (error.code === status.UNAVAILABLE || error.code === status.DEADLINE_EXCEEDED) {
    return new PlatformError('unavailable', `${peer.codePrefix}.UNAVAILABLE`, `${peer.name} cannot be reached; retry later`);
  }
  return new PlatformError('unavailable', `${peer.codePrefix}.FAILED`, `${peer.name} could not answer; retry later`, [], { cause: error });
}
