/**
 * Everything a service instance needs before Nest starts: validated config, logger, metrics registry,
 * shutdown and readiness registries, database pool, token verifier. Built outside Nest so that a config error
 * stops the process before any framework output, and so signal handlers can reach the shutdown registry.
 */
import { Global, Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { DestinationStream } from 'pino';
import type { CheckpointSigner } from '@ics2/event-store';
import { TokenVerifier } from '../auth/token-verifier';
import type { Failure } from '../errors/error-status.table';
import { CLOCK, systemClock, type Clock } from '../clock';
import { loadVerificationKey } from '../auth/verification-key';
import { defineConfig, mergeConfig, type ConfigDefinition } from '../config/config-schema';
import { platformConfig, type PlatformConfig } from '../config/platform.config';
import { DatabaseConnection } from '../health/database-connection';
import { loadCheckpointSigningKey, loadTrustedCheckpointKeys } from '../event-sourcing/checkpoint-signing-key';
import { ReadinessChecks } from '../health/readiness-checks';
import { ServingStatus } from '../health/serving-status';
import { createPlatformLogger, type PlatformLogger } from '../logging/logger';
import { PlatformMetrics } from '../metrics/platform-metrics';
import { PLATFORM_CONFIG, PLATFORM_LOGGER, PLATFORM_RUNTIME, SERVICE_CONFIG, SERVICE_NAME } from '../platform.tokens';
import { ShutdownRegistry } from '../shutdown/shutdown-registry';
import { PlatformTracing } from '../tracing/platform-tracing';
import { tracingSettings } from '../tracing/tracing.config';

export interface ServiceDefinition<C extends object = object> {
  /** Default SERVICE_NAME: log field, metrics label, gRPC health name. */
  readonly name: string;
  /** The service's root module; it imports `PlatformModule`. */
  readonly module: Type<unknown>;
  /** The service's own gRPC contracts; grpc.health.v1 is always served. */
  readonly grpc?: {
    readonly packages: readonly string[];
    /** Relative to the workspace's `proto/` folder, or absolute. */
    readonly protoPaths: readonly string[];
  };
  /** The service's own variables, validated with the platform's in one pass. */
  readonly config?: ConfigDefinition<C>;
  /**
   * The body of an HTTP error answer, for a service whose callers expect their own error language (the trader API
   * answers in ICS2's IE3N99 / IE3N01). Default: `{ error: { kind, code, message, details?, correlationId } }`.
   * The status always comes from the platform's table.
   */
  readonly httpErrorBody?: (failure: Failure, correlationId: string | undefined) => unknown;
  /** Called once before the doors open, for what only this service's HTTP door needs (its OpenAPI document). */
  readonly configureHttp?: (app: INestApplication, runtime: PlatformRuntime) => void;
}

export interface PlatformRuntime {
  readonly serviceName: string;
  readonly config: PlatformConfig;
  readonly serviceConfig: object;
  readonly logger: PlatformLogger;
  readonly metrics: PlatformMetrics;
  readonly shutdown: ShutdownRegistry;
  readonly readiness: ReadinessChecks;
  readonly database: DatabaseConnection;
  readonly tokenVerifier: TokenVerifier;
  readonly servingStatus: ServingStatus;
  /** Present when CHECKPOINT_SIGNING_KEY_FILE is set: this instance signs integrity checkpoints. */
  readonly checkpointSigner: CheckpointSigner | undefined;
  /** PEM public keys of earlier signing keys (CHECKPOINT_TRUSTED_KEYS_FILE), for key rotation. */
  readonly trustedCheckpointKeys: readonly string[];
  readonly clock: Clock;
  /** Spans of this instance; `PlatformTracing.disabled` unless OTEL_* configure tracing. */
  readonly tracing: PlatformTracing;
  readonly httpErrorBody: ((failure: Failure, correlationId: string | undefined) => unknown) | undefined;
}

/** Throws `ConfigError` (one line) when the environment is wrong. */
export function createPlatformRuntime(
  definition: ServiceDefinition,
  env: Readonly<Record<string, string | undefined>>,
  logDestination?: DestinationStream,
  clock: Clock = systemClock,
  spanExporter?: SpanExporter,
): PlatformRuntime {
  const own = definition.config ?? defineConfig({});
  const all = mergeConfig(platformConfig, own).parse(env);
  const config = Object.fromEntries(Object.keys(platformConfig.schema).map((k) => [k, all[k as keyof typeof all]])) as PlatformConfig;
  const serviceConfig = Object.fromEntries(Object.keys(own.schema).map((k) => [k, all[k as keyof typeof all]]));
  const key = loadVerificationKey(config);
  const checkpointSigner = loadCheckpointSigningKey(config.CHECKPOINT_SIGNING_KEY_FILE);
  const trustedCheckpointKeys = loadTrustedCheckpointKeys(config.CHECKPOINT_TRUSTED_KEYS_FILE);

  const serviceName = config.SERVICE_NAME ?? definition.name;
  // Before the logger, like every other variable: a wrong OTEL_* value is a config error too.
  const traceSettings = tracingSettings(env, serviceName);
  const logger = createPlatformLogger({ service: serviceName, level: config.LOG_LEVEL, destination: logDestination });
  // A single hook may use half the shutdown budget, so one stuck hook cannot eat all of it.
  const shutdown = new ShutdownRegistry(logger, Math.min(10_000, config.SHUTDOWN_TIMEOUT_MS / 2));
  const tracing = PlatformTracing.start(traceSettings, logger, spanExporter);
  // Registered first, so it runs last (close hooks run last registered first): the final requests' spans go too.
  if (tracing.enabled) shutdown.register('tracing', () => tracing.shutdown(), { phase: 'close' });
  const readiness = new ReadinessChecks(shutdown);
  const database = new DatabaseConnection({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, applicationName: serviceName }, logger);
  database.attach(readiness, shutdown);
  return {
    serviceName,
    config,
    serviceConfig,
    logger,
    metrics: new PlatformMetrics(serviceName),
    shutdown,
    readiness,
    database,
    tokenVerifier: new TokenVerifier(key, { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, cacheSeconds: config.AUTH_TOKEN_CACHE_SECONDS }),
    servingStatus: new ServingStatus(readiness, shutdown, [serviceName]),
    checkpointSigner,
    trustedCheckpointKeys,
    clock,
    tracing,
    httpErrorBody: definition.httpErrorBody,
  };
}

/** Hands the runtime's objects to Nest's injector, for the whole app. */
@Global()
@Module({})
export class PlatformRuntimeModule {
  static forRuntime(runtime: PlatformRuntime): DynamicModule {
    const providers = [
      { provide: PLATFORM_RUNTIME, useValue: runtime },
      { provide: CLOCK, useValue: runtime.clock },
      { provide: SERVICE_NAME, useValue: runtime.serviceName },
      { provide: PLATFORM_CONFIG, useValue: runtime.config },
      { provide: SERVICE_CONFIG, useValue: runtime.serviceConfig },
      { provide: PLATFORM_LOGGER, useValue: runtime.logger },
      { provide: PlatformMetrics, useValue: runtime.metrics },
      { provide: ShutdownRegistry, useValue: runtime.shutdown },
      { provide: ReadinessChecks, useValue: runtime.readiness },
      { provide: DatabaseConnection, useValue: runtime.database },
      { provide: TokenVerifier, useValue: runtime.tokenVerifier },
      { provide: ServingStatus, useValue: runtime.servingStatus },
      { provide: PlatformTracing, useValue: runtime.tracing },
    ];
    return { module: PlatformRuntimeModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}
