/**
 * crms's gRPC client of risk-analysis (ics2.risk_analysis.v1.RiskAnalysisService): is a RIF's risk profile a valid
 * criterion (ValidateCriterion), and how many filings of a past period would it have hit (BacktestCriterion). It
 * forwards the caller's own token, so risk-analysis decides for itself who may ask.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { riskAnalysisV1 } from '@ics2/contracts';
import { GrpcUnaryClient, SERVICE_CONFIG, type CallContext } from '@ics2/platform';
import type { CrmsConfig } from '../service.config';

@Injectable()
export class RiskAnalysisClient implements OnModuleDestroy {
  private readonly client: GrpcUnaryClient;

  constructor(@Inject(SERVICE_CONFIG) config: CrmsConfig) {
    this.client = new GrpcUnaryClient({
      proto: riskAnalysisV1.RISK_ANALYSIS_PROTO,
      service: riskAnalysisV1.RISK_ANALYSIS_SERVICE,
      address: config.RISK_ANALYSIS_GRPC_URL,
      codePrefix: 'RISK_ANALYSIS',
      name: 'risk analysis',
      // Backtests and statistics over long periods can take a while.
      deadlineMs: 30_000,
    });
  }

  validateCriterion = (request: riskAnalysisV1.ValidateCriterionRequest, ctx: CallContext) => this.client.call<riskAnalysisV1.ValidateCriterionReply>('ValidateCriterion', request, ctx);
  backtestCriterion = (request: riskAnalysisV1.BacktestCriterionRequest, ctx: CallContext) => this.client.call<riskAnalysisV1.BacktestCriterionReply>('BacktestCriterion', request, ctx);

  onModuleDestroy(): void {
    this.client.close();
  }
}
