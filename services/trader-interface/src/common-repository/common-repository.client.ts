/**
 * The trader door's gRPC client of common-repository (ics2.common_repository.v1.FilingService). It forwards the
 * operator's own bearer token, so the repository authenticates the operator itself and shows it only its own
 * filings, and the request's correlation id. A refused call comes back as the repository's PlatformError (kind,
 * code, ICS2 items from the trailers); an unreachable repository as `unavailable` (GrpcUnaryClient, @ics2/platform).
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { commonRepositoryV1 } from '@ics2/contracts';
import { SERVICE_CONFIG } from '@ics2/platform';
import { GrpcUnaryClient, type CallContext } from '@ics2/platform';
import type { TraderInterfaceConfig } from '../service.config';

export type { CallContext } from '@ics2/platform';

@Injectable()
export class CommonRepositoryClient implements OnModuleDestroy {
  private readonly client: GrpcUnaryClient;

  constructor(@Inject(SERVICE_CONFIG) config: TraderInterfaceConfig) {
    this.client = new GrpcUnaryClient({
      proto: commonRepositoryV1.COMMON_REPOSITORY_PROTO,
      service: commonRepositoryV1.FILING_SERVICE,
      address: config.COMMON_REPOSITORY_GRPC_URL,
      codePrefix: 'COMMON_REPOSITORY',
      name: 'the common repository',
    });
  }

  registerFiling = (request: commonRepositoryV1.RegisterFilingRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.RegisterFilingReply>('RegisterFiling', request, ctx);
  amendFiling = (request: commonRepositoryV1.AmendFilingRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.AmendFilingReply>('AmendFiling', request, ctx);
  invalidateFiling = (request: commonRepositoryV1.InvalidateFilingRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.InvalidateFilingReply>('InvalidateFiling', request, ctx);
  notifyArrival = (request: commonRepositoryV1.NotifyArrivalRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.NotifyArrivalReply>('NotifyArrival', request, ctx);
  consultFiling = (request: commonRepositoryV1.ConsultFilingRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.ConsultFilingReply>('ConsultFiling', request, ctx);
  findFilings = (request: commonRepositoryV1.FindFilingsRequest, ctx: CallContext) => this.client.call<commonRepositoryV1.FindFilingsReply>('FindFilings', request, ctx);

  onModuleDestroy(): void {
    this.client.close();
  }
}
