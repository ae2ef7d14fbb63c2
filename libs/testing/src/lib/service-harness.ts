/**
 * Boots a real service app for an int or e2e test (createServiceApp: both doors on free ports, the given
 * database, fresh signing keys) and mints tokens it accepts. A gRPC client over the service's real .proto calls
 * it like any Member State system or trader door would. `settled()` waits until its background work is done, for a
 * test that counts the whole store around a request.
 */
import { join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createServiceApp, generateSigningKeyPair, protoRoot, signToken, type Clock, type ServiceApp, type ServiceDefinition, type TokenRequest } from '@ics2/platform';
import { whenSettled, type SettleOptions } from './service-settled';

export const TEST_TOKEN_ISSUER = { issuer: 'ics2-test', audience: 'ics2' } as const;

export interface TestKeys {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

export const testKeys = (): TestKeys => generateSigningKeyPair();

export function mintToken(keys: TestKeys, request: Omit<TokenRequest, 'ttlSeconds'>): Promise<string> {
  return signToken({ ...request, ttlSeconds: 600 }, keys.privateKeyPem, TEST_TOKEN_ISSUER);
}

export interface TestServiceOptions {
  readonly databaseUrl?: string;
  readonly keys?: TestKeys;
  readonly env?: Readonly<Record<string, string>>;
  readonly clock?: Clock;
  /** Receives the spans when OTEL_* in `env` turn tracing on (an InMemorySpanExporter); see createServiceApp. */
  readonly spanExporter?: SpanExporter;
}

export interface TestService {
  readonly app: ServiceApp;
  readonly keys: TestKeys;
  token(request: Omit<TokenRequest, 'ttlSeconds'>): Promise<string>;
  /** Resolves once this service's subscriptions are caught up and the store is still (see whenSettled). */
  settled(options?: SettleOptions): Promise<void>;
  close(): Promise<void>;
}

/** Resolves once all these services (on one database) are quiet together: see whenSettled. */
export function settled(services: readonly TestService[], options?: SettleOptions): Promise<void> {
  return whenSettled(services.map((s) => s.app), options);
}

export async function startTestService(definition: ServiceDefinition, options: TestServiceOptions = {}): Promise<TestService> {
  const keys = options.keys ?? testKeys();
  const app = await createServiceApp(definition, {
    env: {
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: TEST_TOKEN_ISSUER.issuer,
      AUTH_AUDIENCE: TEST_TOKEN_ISSUER.audience,
      LOG_LEVEL: process.env['ICS2_TEST_LOG'] ?? 'silent',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
    host: '127.0.0.1',
    httpPort: 0,
    grpcPort: 0,
    clock: options.clock,
    spanExporter: options.spanExporter,
  });
  return { app, keys, token: (request) => mintToken(keys, request), settled: (settleOptions) => whenSettled([app], settleOptions), close: () => app.close() };
}

export function bearer(token: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** The outcome of a unary call: the reply, or the gRPC error with its code and ICS2 error trailers decoded. */
export type UnaryResult<R> =
  | { readonly ok: true; readonly reply: R }
  | { readonly ok: false; readonly code: number; readonly kind: string; readonly errorCode: string; readonly details: unknown[]; readonly message: string };

export interface TestGrpcClient {
  call<R>(method: string, request: object, metadata?: Metadata): Promise<UnaryResult<R>>;
  close(): void;
}

/** A client of `service` (fully qualified, e.g. ics2.common_repository.v1.FilingService) from `proto` under proto/. */
export function grpcClient(proto: string, service: string, address: string): TestGrpcClient {
  const definition = loadSync(join(protoRoot(), proto), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
  let node: unknown = loadPackageDefinition(definition);
  for (const part of service.split('.')) node = (node as Record<string, unknown>)[part];
  const Client = node as ServiceClientConstructor;
  const client = new Client(address, credentials.createInsecure()) as unknown as Record<string, (req: object, md: Metadata, cb: (err: ServiceError | null, reply: unknown) => void) => void> & { close(): void };
  return {
    call<R>(method: string, request: object, metadata = new Metadata()) {
      return new Promise<UnaryResult<R>>((resolve) => {
        client[method](request, metadata, (err, reply) => {
          if (!err) return resolve({ ok: true, reply: reply as R });
          const trailer = (key: string) => String(err.metadata?.get(key)[0] ?? '');
          const raw = err.metadata?.get('ics2-error-details-bin')[0];
          const details = raw ? (JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw)) as unknown[]) : [];
          resolve({ ok: false, code: err.code, kind: trailer('ics2-error-kind'), errorCode: trailer('ics2-error-code'), details, message: err.details });
        });
      });
    },
    close: () => client.close(),
  };
}
