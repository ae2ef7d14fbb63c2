/**
 * Builds and starts one service instance: HTTP (express: health, metrics, the service's API) and gRPC (the
 * service's contracts plus grpc.health.v1) in one Nest hybrid app, with config, logging, auth, errors, health,
 * metrics and shutdown wired. Tests call it directly (port 0, their own env); `bootstrapService` adds the
 * process concerns (signals, exit codes).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { DestinationStream } from 'pino';
import { answerClientError } from '../errors/http-client-error';
import { grpcRequestInterceptor } from '../logging/grpc-request.interceptor';
import { httpRequestObserver } from '../logging/http-request.observer';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import type { Clock } from '../clock';
import { freePort } from './free-port';
import { createPlatformRuntime, PlatformRuntimeModule, type PlatformRuntime, type ServiceDefinition } from './platform-runtime';
import { HEALTH_PROTO, protoFile, protoRoot } from './proto-files';

export interface ServiceAppOptions {
  /** Defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Override HTTP_PORT / GRPC_PORT; 0 picks a free port (read it back from the result). */
  readonly httpPort?: number;
  readonly grpcPort?: number;
  /** Override LISTEN_HOST. */
  readonly host?: string;
  /** Where log lines go; stdout by default. */
  readonly logDestination?: DestinationStream;
  /** The service's clock (CLOCK); the system clock by default. Tests pass a ManualClock to move time. */
  readonly clock?: Clock;
  /**
   * Where spans go instead of the OTLP exporter (tests: the SDK's InMemorySpanExporter). Whether the service traces
   * is still decided by OTEL_* in `env`, so a test can also check that nothing is traced without them.
   */
  readonly spanExporter?: SpanExporter;
}

export interface ServiceApp {
  readonly app: INestApplication;
  readonly runtime: PlatformRuntime;
  readonly httpPort: number;
  readonly grpcPort: number;
  /** `http://host:port`, with 127.0.0.1 for a wildcard host. */
  readonly httpUrl: string;
  /** `host:port` for a gRPC client, with 127.0.0.1 for a wildcard host. */
  readonly grpcAddress: string;
  /** Readiness 503 and gRPC NOT_SERVING from now on, without closing anything yet. */
  beginShutdown(reason?: string): void;
  /** The whole graceful shutdown: drain, stop hooks, doors closed after in-flight requests, close hooks. Idempotent. */
  close(): Promise<void>;
}

@Module({})
class ServiceRootModule {}

type PackageDefinition = Record<string, unknown>;

/** Fully qualified service names in a loaded package definition (services carry methods with a `path`). */
function serviceNamesIn(definition: PackageDefinition): string[] {
  return Object.entries(definition)
    .filter(([, value]) => typeof value === 'object' && value !== null && Object.values(value).some((m) => typeof m === 'object' && m !== null && 'path' in m))
    .map(([name]) => name);
}

function grpcOptions(definition: ServiceDefinition, runtime: PlatformRuntime, url: string): GrpcOptions {
  const own = definition.grpc ?? { packages: [], protoPaths: [] };
  return {
    transport: Transport.GRPC,
    options: {
      url,
      package: ['grpc.health.v1', ...own.packages],
      protoPath: [protoFile(HEALTH_PROTO), ...own.protoPaths.map(protoFile)],
      // keepCase: proto field names (snake_case) are the wire contract; enums and 64-bit integers as strings.
      loader: { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] },
      // Wait for calls in flight when closing instead of cutting them.
      gracefulShutdown: true,
      channelOptions: { interceptors: [grpcRequestInterceptor(runtime.logger, runtime.metrics, runtime.tracing)] },
      onLoadPackageDefinition: (pkg: PackageDefinition) => runtime.servingStatus.addServiceNames(serviceNamesIn(pkg)),
    },
  };
}

const reachable = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/** Throws `ConfigError` for a wrong environment; any other start-up failure is logged, the app closed, the error rethrown. */
export async function createServiceApp(definition: ServiceDefinition, options: ServiceAppOptions = {}): Promise<ServiceApp> {
  const runtime = createPlatformRuntime(definition, options.env ?? process.env, options.logDestination, options.clock, options.spanExporter);
  const { config, logger } = runtime;
  const host = options.host ?? config.LISTEN_HOST;
  const requestedGrpcPort = options.grpcPort ?? config.GRPC_PORT;

  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(
      { module: ServiceRootModule, imports: [PlatformRuntimeModule.forRuntime(runtime), definition.module] },
      // abortOnError false: a wiring error must reach our handler (one log line, exit 1), not process.abort().
      // bodyParser off: the JSON parser below takes the configured limit and JSON only.
      { logger: new NestLoggerAdapter(logger), abortOnError: false, bodyParser: false },
    );
    app.use(httpRequestObserver(logger, runtime.metrics, runtime.shutdown, runtime.tracing));
    // JSON is application/json and any type with the +json suffix (RFC 6839), as doors that check the media type admit.
    (app as NestExpressApplication).useBodyParser('json', { limit: config.HTTP_BODY_LIMIT_BYTES, strict: false, type: ['application/json', 'application/*+json'] });
    definition.configureHttp?.(app, runtime);
    const grpcPort = requestedGrpcPort === 0 ? await freePort(host) : requestedGrpcPort;
    // inheritAppConfig: the global guard and filter apply to gRPC handlers too.
    app.connectMicroservice<GrpcOptions>(grpcOptions(definition, runtime, `${host}:${grpcPort}`), { inheritAppConfig: true });
    await app.init();
    await app.startAllMicroservices();
    await app.listen(options.httpPort ?? config.HTTP_PORT, host);
    const server = app.getHttpServer() as Server;
    // A request Node cannot parse (headers too large, malformed) is refused in the door's error body, not bare.
    server.on('clientError', answerClientError(runtime.httpErrorBody));
    // Idle kept-alive connections outlive a proxy's own idle timeout; the headers' deadline must exceed it too, or a
    // request on a connection idle that long is cut off before its headers are read.
    server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000;
    const httpPort = (server.address() as AddressInfo).port;
    const started = app;
    // Idempotent: a test's afterAll may close an app its last case already closed.
    let closing: Promise<void> | undefined;
    logger.info({ httpPort, grpcPort, host, eventStore: config.EVENT_STORE, database: runtime.database.isConfigured }, 'service started');
    return {
      app,
      runtime,
      httpPort,
      grpcPort,
      httpUrl: `http://${reachable(host)}:${httpPort}`,
      grpcAddress: `${reachable(host)}:${grpcPort}`,
      beginShutdown: (reason = 'requested') => runtime.shutdown.begin(reason),
      close: () => (closing ??= started.close()),
    };
  } catch (err) {
    logger.fatal({ err }, 'service failed to start');
    if (app) await app.close().catch(() => undefined);
    else await runtime.shutdown.runPhase('close'); // the pool was opened before Nest

    throw err;
  }
}
