/**
 * crms's gRPC client of control-results (ics2.control_results.v1.ControlResultsService): the common risk criteria
 * statistics a campaign report is built from (GetCriteriaStatistics). It forwards the caller's own token: the
 * Commission reads every Member State's rows.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { controlResultsV1 } from '@ics2/contracts';
import { GrpcUnaryClient, SERVICE_CONFIG, type CallContext } from '@ics2/platform';
import type { CrmsConfig } from '../service.config';

@Injectable()
export class ControlResultsClient implements OnModuleDestroy {
  private readonly client: GrpcUnaryClient;

  constructor(@Inject(SERVICE_CONFIG) config: CrmsConfig) {
    this.client = new GrpcUnaryClient({
      proto: controlResultsV1.CONTROL_RESULTS_PROTO,
      service: controlResultsV1.CONTROL_RESULTS_SERVICE,
      address: config.CONTROL_RESULTS_GRPC_URL,
      codePrefix: 'CONTROL_RESULTS',
      name: 'control results',
      // Backtests and statistics over long periods can take a while.
      deadlineMs: 30_000,
    });
  }

  criteriaStatistics = (request: controlResultsV1.CriteriaStatisticsRequest, ctx: CallContext) =>
    this.client.call<controlResultsV1.CriteriaStatisticsReply>('GetCriteriaStatistics', request, ctx);

  onModuleDestroy(): void {
    this.client.close();
  }
}
