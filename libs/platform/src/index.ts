// @ics2/platform: the NestJS kit every service starts with. Import from here only, never from deeper paths.

// start a service
export * from './lib/bootstrap/bootstrap-service';
export * from './lib/bootstrap/create-service-app';
export { type PlatformRuntime, type ServiceDefinition } from './lib/bootstrap/platform-runtime';
export { protoRoot } from './lib/bootstrap/proto-files';
export * from './lib/platform.module';
export * from './lib/platform.tokens';

// time
export * from './lib/clock';

// configuration
export * from './lib/config/config-fields';
export * from './lib/config/config-schema';
export * from './lib/config/platform.config';

// authentication
export * from './lib/auth/auth.decorators';
export { AuthGuard } from './lib/auth/auth.guard';
export * from './lib/auth/principal';
export * from './lib/auth/token-signing';
export * from './lib/auth/token-verifier';
export * from './lib/auth/verification-key';
export { correlationIdOf, principalOf, CORRELATION_HEADER, type RequestContext } from './lib/request/request-context';

// errors
export * from './lib/errors/platform-error';
export * from './lib/errors/error-status.table';

// event sourcing and read models
export * from './lib/event-sourcing/event-sourcing.tokens';
export * from './lib/event-sourcing/event-sourcing.module';
export * from './lib/event-sourcing/subscriptions';
export { IntegrityCheckpointer } from './lib/event-sourcing/integrity-checkpointer';
export { loadTrustedCheckpointKeys } from './lib/event-sourcing/checkpoint-signing-key';
export { postgresStoreOf } from './lib/event-sourcing/instrumented-event-store';
export * from './lib/read-models/read-model-database';
export * from './lib/read-models/revisioned-rows';
export * from './lib/read-models/migrate-read-models';

// replay: a read model rebuilt from the events in a scratch database, compared row by row with the live one
export * from './lib/read-models/replay/read-model-catalogue';
export * from './lib/read-models/replay/replay-report';
export { type ColumnDifference, type DifferenceKind, type RowDifference } from './lib/read-models/replay/merge-compare';
export { replayAll, replayReadModel, replayService, type ReplayConnections, type ReplayOptions, type ReplaySettings } from './lib/read-models/replay/replay-read-model';
export { SCRATCH_DATABASE_PREFIX } from './lib/read-models/replay/scratch-database';
export * from './lib/read-models/replay/replay-command-line';

// keyed feeds: per-key ordered items (inboxes, signal streams) with cursors that never skip or repeat
export * from './lib/feeds/keyed-feed.definition';
export * from './lib/feeds/keyed-feed.sequencer';
export * from './lib/feeds/keyed-feed.listener';
export * from './lib/feeds/keyed-feed.query';
export * from './lib/feeds/keyed-feed.reader';

// gRPC clients of peer services
export * from './lib/grpc/grpc-unary-client';

// the audit door's sources: access log, stated purpose, state as of an instant, deliveries
export * from './lib/audit/access-log';
export * from './lib/audit/purpose';
export * from './lib/audit/audit-source';
export * from './lib/audit/audit-source.module';

// tracing (OpenTelemetry): on when OTEL_* configure it; doors, gRPC clients, the event store and subscriptions make spans
export { PlatformTracing, tracingOf } from './lib/tracing/platform-tracing';
export { tracingSettings, type TracingSettings } from './lib/tracing/tracing.config';
export { traceOutgoingGrpcCall, type OutgoingCallTrace } from './lib/tracing/outgoing-grpc-call';
export { MRN_ATTRIBUTE, noteMrn } from './lib/tracing/trace-attributes';

// logging, metrics, health, shutdown
export { type PlatformLogger, createPlatformLogger } from './lib/logging/logger';
export * from './lib/metrics/platform-metrics';
export * from './lib/health/readiness-checks';
export * from './lib/health/database-connection';
export { ServingStatus, type HealthStatus } from './lib/health/serving-status';
export * from './lib/health/grpc-health.client';
export * from './lib/shutdown/shutdown-registry';
