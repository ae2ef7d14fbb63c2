/**
 * The trader door's gRPC client of common-repository (ics2.common_repository.v1.FilingService). It forwards the
 * operator's own bearer token, so the repository authenticates the operator itself and shows it only its own
 * filings, and the request's correlation id. A refused call comes back as the repository's PlatformError (kind,
 * code, ICS2 items from the trailers); an unreachable repository as `unavailable`.
 */
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { credentials, loadPackageDefinition, Metadata, status, type Client, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { commonRepositoryV1 } from '@ics2/contracts';
import { ERROR_KINDS, PlatformError, protoRoot, SERVICE_CONFIG, type ErrorDetail, type ErrorKind } from '@ics2/platform';
import type { TraderInterfaceConfig } from '../service.config';

/** What each call carries from the HTTP request. */
export interface CallContext {
  readonly authorization: string;
  readonly correlationId?: string;
}

type Unary = (request: object, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, reply: unknown) => void) => void;

const DEADLINE_MS = 10_000;

@Injectable()
export class CommonRepositoryClient implements OnModuleDestroy {
  private readonly client: Client & Record<string, Unary>;

  constructor(@Inject(SERVICE_CONFIG) config: TraderInterfaceConfig) {
    const definition = loadSync(join(protoRoot(), commonRepositoryV1.COMMON_REPOSITORY_PROTO), {
      keepCase: true,
      enums: String,
      longs: String,
      defaults: true,
      oneofs: true,
      includeDirs: [protoRoot()],
    });
    let node: unknown = loadPackageDefinition(definition);
    for (const part of commonRepositoryV1.FILING_SERVICE.split('.')) node = (node as Record<string, unknown>)[part];
    const FilingService = node as ServiceClientConstructor;
    // Round robin: behind a headless Service the name resolves to every replica, and each call picks the next one.
    this.client = new FilingService(config.COMMON_REPOSITORY_GRPC_URL, credentials.createInsecure(), {
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
    }) as unknown as Client & Record<string, Unary>;
  }

  registerFiling = (request: commonRepositoryV1.RegisterFilingRequest, ctx: CallContext) => this.call<commonRepositoryV1.RegisterFilingReply>('RegisterFiling', request, ctx);
  amendFiling = (request: commonRepositoryV1.AmendFilingRequest, ctx: CallContext) => this.call<commonRepositoryV1.AmendFilingReply>('AmendFiling', request, ctx);
  invalidateFiling = (request: commonRepositoryV1.InvalidateFilingRequest, ctx: CallContext) => this.call<commonRepositoryV1.InvalidateFilingReply>('InvalidateFiling', request, ctx);
  notifyArrival = (request: commonRepositoryV1.NotifyArrivalRequest, ctx: CallContext) => this.call<commonRepositoryV1.NotifyArrivalReply>('NotifyArrival', request, ctx);
  consultFiling = (request: commonRepositoryV1.ConsultFilingRequest, ctx: CallContext) => this.call<commonRepositoryV1.ConsultFilingReply>('ConsultFiling', request, ctx);
  findFilings = (request: commonRepositoryV1.FindFilingsRequest, ctx: CallContext) => this.call<commonRepositoryV1.FindFilingsReply>('FindFilings', request, ctx);

  onModuleDestroy(): void {
    this.client.close();
  }

  private call<R>(method: string, request: object, ctx: CallContext): Promise<R> {
    const metadata = new Metadata();
    metadata.set('authorization', ctx.authorization);
    if (ctx.correlationId) metadata.set('x-correlation-id', ctx.correlationId);
    return new Promise<R>((resolve, reject) => {
      this.client[method](request, metadata, { deadline: new Date(Date.now() + DEADLINE_MS) }, (error, reply) => (error ? reject(toPlatformError(error)) : resolve(reply as R)));
    });
  }
}

function toPlatformError(error: ServiceError): PlatformError {
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
    return new PlatformError('unavailable', 'COMMON_REPOSITORY.UNAVAILABLE', 'the common repository cannot be reached; retry later');
  }
  return new PlatformError('unavailable', 'COMMON_REPOSITORY.FAILED', 'the common repository could not answer; retry later', [], { cause: error });
}
