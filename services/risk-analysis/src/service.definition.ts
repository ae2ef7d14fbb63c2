import { auditV1, riskAnalysisV1 } from '@ics2/contracts';
import type { ServiceDefinition } from '@ics2/platform';
import { AppModule } from './app.module';
import { riskAnalysisConfig } from './service.config';

/** How the platform starts risk-analysis: main.ts and the tests share it. */
export const definition: ServiceDefinition = {
  name: 'risk-analysis',
  module: AppModule,
  grpc: { packages: [riskAnalysisV1.RISK_ANALYSIS_PACKAGE, auditV1.AUDIT_PACKAGE], protoPaths: [riskAnalysisV1.RISK_ANALYSIS_PROTO, auditV1.AUDIT_SOURCE_PROTO] },
  config: riskAnalysisConfig,
};
