// The published language between services: event schemas, their upcasters, and the message shapes they carry.
export * from './lib/upcasting';
export * from './lib/ens/ens-filing';
export * from './lib/ens/ens-errors';
export * from './lib/ens/validation-codes.table';
export * from './lib/ens/ens-events';
export * from './lib/ens/arrival-notification';
export * as commonRepositoryV1 from './lib/grpc/common-repository.v1';
export * from './lib/risk/criterion';
export * from './lib/risk/risk-assessment';
export * from './lib/risk/risk-events';
export * from './lib/risk/screening-codes.table';
export * as riskAnalysisV1 from './lib/grpc/risk-analysis.v1';
export * from './lib/crms/rif-events';
export * from './lib/control/control-events';
export * as controlResultsV1 from './lib/grpc/control-results.v1';
export * as crmsV1 from './lib/grpc/crms.v1';
export * from './lib/audit/access-events';
export * as auditV1 from './lib/grpc/audit.v1';
