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
export * from './lib/read-models/read-model-database';
export * from './lib/read-models/migrate-read-models';

// keyed feeds: per-key ordered items (inboxes, signal streams) with cursors that never skip or repeat
export * from './lib/feeds/keyed-feed.definition';
export * from './lib/feeds/keyed-feed.sequencer';
export * from './lib/feeds/keyed-feed.listener';
export * from './lib/feeds/keyed-feed.query';
export * from './lib/feeds/keyed-feed.reader';

// logging, metrics, health, shutdown
export { type PlatformLogger, createPlatformLogger } from './lib/logging/logger';
export * from './lib/metrics/platform-metrics';
export * from './lib/health/readiness-checks';
export * from './lib/health/database-connection';
export { ServingStatus, type HealthStatus } from './lib/health/serving-status';
export * from './lib/health/grpc-health.client';
export * from './lib/shutdown/shutdown-registry';
