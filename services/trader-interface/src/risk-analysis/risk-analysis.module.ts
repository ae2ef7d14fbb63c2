import { Global, Module } from '@nestjs/common';
import { RiskAnalysisClient } from './risk-analysis.client';

/** risk-analysis's gRPC door, for every trader door that needs it (global, like CommonRepositoryModule). */
@Global()
@Module({ providers: [RiskAnalysisClient], exports: [RiskAnalysisClient] })
export class RiskAnalysisModule {}
