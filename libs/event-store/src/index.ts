export * from './lib/expected-revision';
export * from './lib/recorded-event';
export * from './lib/store.errors';
export * from './lib/stream-names';
export { streamIdProblem } from './lib/stream-id-rules';
export * from './lib/event-store.port';
export * from './lib/subscription';
export * from './lib/one-at-a-time';
export * from './lib/bounded-all';
export * from './lib/integrity/canonical-json';
export * from './lib/integrity/hash-chain';
export * from './lib/postgres/service-login';
export * from './lib/postgres/migrate';
export * from './lib/postgres/postgres-event-store';
export * from './lib/postgres/postgres-partition';
export { isPostgresUnavailable } from './lib/postgres/postgres-errors';
export * from './lib/integrity/checkpoint-signer';
export * from './lib/integrity/signed-checkpoint';
export * from './lib/integrity/log-digest';
export type {
  CheckedCheckpoint,
  CheckpointSummary,
  CheckpointValue,
  CheckpointVerdict,
  CoverageSummary,
  IntegrityProblem,
  IntegrityProblemKind,
  LogHead,
  StreamHead,
  VerificationReport,
} from './lib/integrity/verification-report';
export * from './lib/integrity/verify';
export * from './lib/integrity/merkle-log';
export * from './lib/integrity/stream-heads';
export * from './lib/integrity/verification-report-json';
export * from './lib/integrity/audit-bundle';
export * from './lib/integrity/verify-bundle';
export * from './lib/integrity/integrity.errors';
export { MalformedDocumentError } from './lib/integrity/integrity-json';
export * from './lib/postgres/postgres-checkpointer';
export * from './lib/postgres/postgres-verify';
export * from './lib/postgres/postgres-verify-report';
export { proveInclusion, type EventInclusion, type ProveInclusionOptions, type StoreInclusionProofs } from './lib/postgres/postgres-inclusion';
export * from './lib/postgres/postgres-bundle';
export * from './lib/event-store.factory';
export * from './lib/kurrentdb/kurrentdb-event-store';
export type { KurrentClient } from './lib/kurrentdb/kurrentdb-client';
export { ForeignEventError } from './lib/kurrentdb/kurrentdb-mapping';
export { migrateKurrentDbSubscriptions } from './lib/kurrentdb/kurrentdb-processed';
export {
  startPostgresSubscription,
  type PostgresRunningSubscription,
  type PostgresSubscriptionOptions,
  type PostgresSubscriptionTuning,
} from './lib/postgres/postgres-subscription';
export { PartitionCountMismatchError, readCommittedCheckpoints, type CheckpointLag, type CommittedCheckpoint } from './lib/postgres/postgres-checkpoints';
export { readParkedEvents, type ParkedEventRecord } from './lib/postgres/postgres-parked-events';
export { PoolTransactionRunner } from './lib/postgres/postgres-transactions';
export { reservePoolConnections } from './lib/postgres/postgres-pool-reserve';
export { PostgresNotificationListener, type PostgresNotificationListenerOptions } from './lib/postgres/postgres-notification-listener';
export * from './lib/handle-command';
export * from './lib/postgres/postgres-audit-reads';
