/**
 * The trader door's gRPC client of risk-analysis (ics2.risk_analysis.v1.RiskAnalysisService): today only the
 * operators' answers to referrals (AnswerReferral, IE3R02 / IE3R03). Like CommonRepositoryClient, it forwards the
 * operator's own bearer token, so risk-analysis itself decides whose referral it is, and the request's correlation
 * id; a refusal comes back as risk-analysis's PlatformError, an unreachable service as `unavailable`
 * (GrpcUnaryClient, @ics2/platform).
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { riskAnalysisV1 } from '@ics2/contracts';
import { SERVICE_CONFIG } from '@ics2/platform';
import { GrpcUnaryClient, type CallContext } from '@ics2/platform';
import type { TraderInterfaceConfig } from '../service.config';

@Injectable()
export class RiskAnalysisClient implements OnModuleDestroy {
  private readonly client: GrpcUnaryClient;

  constructor(@Inject(SERVICE_CONFIG) config: TraderInterfaceConfig) {
    this.client = new GrpcUnaryClient({
      proto: riskAnalysisV1.RISK_ANALYSIS_PROTO,
      service: riskAnalysisV1.RISK_ANALYSIS_SERVICE,
      address: config.RISK_ANALYSIS_GRPC_URL,
      codePrefix: 'RISK_ANALYSIS',
      name: 'risk analysis',
    });
  }

  answerReferral = (request: riskAnalysisV1.AnswerReferralRequest, ctx: CallContext) => this.client.call<riskAnalysisV1.AnswerReferralReply>('AnswerReferral', request, ctx);

  onModuleDestroy(): void {
    this.client.close();
  }
}
