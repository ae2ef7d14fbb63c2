/** The variables every service reads. A service adds its own with `mergeConfig(platformConfig, defineConfig(...))`. */
import { integer, oneOf, optional, port, string, url } from './config-fields';
import { defineConfig, type ConfigDefinition, type ConfigIssue, type ConfigOf } from './config-schema';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const platformSchema = {
  /** Defaults to the name the service passes to `bootstrapService`. */
  SERVICE_NAME: optional(string({ pattern: /^[a-z][a-z0-9-]{0,62}$/, expected: 'a lower-case name of letters, digits and dashes' })),
  /** Interface both doors bind to; 0.0.0.0 so a container is reachable, 127.0.0.1 for a laptop. */
  LISTEN_HOST: string({ default: '0.0.0.0', pattern: /^[\w.:-]+$/, expected: 'a host name or IP address' }),
  HTTP_PORT: port({ default: 8080 }),
  GRPC_PORT: port({ default: 50051 }),
  LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  /** The application role's login; optional until a service reads or writes the database. */
  DATABASE_URL: optional(url({ protocols: ['postgres:', 'postgresql:'], secret: true })),
  DATABASE_POOL_MAX: integer({ min: 1, max: 200, default: 10 }),
  EVENT_STORE: oneOf(['postgres', 'kurrentdb'], { default: 'postgres' }),
  KURRENTDB_URL: optional(
    string({
      pattern: /^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/,
      expected: 'a KurrentDB connection string (kurrentdb://host:2113?tls=false, esdb://...)',
      secret: true,
    }),
  ),
  AUTH_PUBLIC_KEY: optional(string({ pattern: /-----BEGIN PUBLIC KEY-----/, expected: 'a PEM public key (-----BEGIN PUBLIC KEY-----)' })),
  AUTH_PUBLIC_KEY_FILE: optional(string({ expected: 'the path of a PEM public key file' })),
  AUTH_JWKS_URL: optional(url({ protocols: ['https:', 'http:'] })),
  AUTH_ISSUER: optional(string()),
  AUTH_AUDIENCE: optional(string()),
  /** Seconds a verified bearer token is trusted without checking its signature again (capped by its exp); 0: every request. */
  AUTH_TOKEN_CACHE_SECONDS: integer({ min: 0, max: 3_600, default: 60 }),
  /** Largest HTTP request body, in bytes: bigger bodies get 413 before any parsing. 16 MB holds a large master filing. */
  HTTP_BODY_LIMIT_BYTES: integer({ min: 1_024, max: 256 * 1024 * 1024, default: 16 * 1024 * 1024 }),
  /**
   * How long an idle kept-alive HTTP connection stays open. Longer than the idle timeout of what sits in front (60 s
   * for common load balancers and ingress controllers), so the door never closes a connection the proxy or client
   * is just reusing: Node's 5 s default makes such a request fail with no answer, or a proxy's 502.
   */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer({ min: 1_000, max: 240_000, default: 65_000 }),
  /** Connections of the event store's own pool; each running subscription also holds two (LISTEN, partition leases). */
  EVENT_STORE_POOL_MAX: integer({ min: 2, max: 200, default: 20 }),
  /**
   * The largest append the event store takes, in bytes as the port counts them (libs/event-store, "Append size");
   * unset: the adapter's default (KurrentDB: the server's 1,048,576; PostgreSQL: none). With KurrentDB, the server's
   * MaxAppendSize, so an append it would refuse is refused, coded, before it is sent.
   */
  EVENT_STORE_MAX_APPEND_BYTES: optional(integer({ min: 1_024, max: 2_147_483_647 })),
  /** Ed25519 private key (PKCS#8 PEM) of the integrity checkpointer; only the instances that sign get it. */
  CHECKPOINT_SIGNING_KEY_FILE: optional(string({ expected: 'the path of an Ed25519 private key PEM file' })),
  /** Public keys (PEM, one or more in the file) of earlier checkpoint signing keys: after a key rotation the
   *  checkpointer extends checkpoints those keys signed. */
  CHECKPOINT_TRUSTED_KEYS_FILE: optional(string({ expected: 'the path of a file of PEM public keys' })),
  /** Time between two signed checkpoints over the global log. */
  CHECKPOINT_INTERVAL_MS: integer({ min: 100, max: 86_400_000, default: 60_000 }),
  /**
   * With nothing new appended, the checkpointer signs the last checkpoint again once it is this old (a heartbeat),
   * so that the newest signature shows the store was vouched for lately. Unset: 5 × CHECKPOINT_INTERVAL_MS, half
   * the audit door's default coverage rule (AUDIT_MAX_UNCOVERED_MS).
   */
  CHECKPOINT_HEARTBEAT_MS: optional(integer({ min: 100, max: 86_400_000 })),
  /** How long readiness reports 503 before the doors close, so load balancers stop sending traffic first. */
  SHUTDOWN_DRAIN_MS: integer({ min: 0, max: 120_000, default: 0 }),
  /** A shutdown that takes longer is cut short with exit code 1. */
  SHUTDOWN_TIMEOUT_MS: integer({ min: 1_000, max: 600_000, default: 15_000 }),
};

export type PlatformConfig = ConfigOf<typeof platformSchema>;

const AUTH_SOURCES = ['AUTH_PUBLIC_KEY', 'AUTH_PUBLIC_KEY_FILE', 'AUTH_JWKS_URL'] as const;

function kurrentDbNeedsUrl(c: PlatformConfig): ConfigIssue | undefined {
  if (c.EVENT_STORE !== 'kurrentdb' || c.KURRENTDB_URL) return undefined;
  return { variable: 'KURRENTDB_URL', message: 'KURRENTDB_URL must be set when EVENT_STORE=kurrentdb' };
}

// Every door authenticates, so a service without a way to verify tokens must not start.
function exactlyOneAuthSource(c: PlatformConfig): ConfigIssue | undefined {
  const set = AUTH_SOURCES.filter((k) => c[k] !== undefined);
  if (set.length === 1) return undefined;
  const message =
    set.length === 0
      ? `${AUTH_SOURCES.join(' or ')} must be set, so that bearer tokens can be verified`
      : `${set.join(' and ')} are set together: set only one of ${AUTH_SOURCES.join(', ')}`;
  return { variable: set[0] ?? AUTH_SOURCES[0], message };
}

// The hard stop (SHUTDOWN_TIMEOUT_MS) counts from the signal, and the drain comes first in the shutdown: a drain as
// long would have every shutdown cut short, exit 1, before the doors closed and the subscriptions stopped.
function drainWithinTimeout(c: PlatformConfig): ConfigIssue | undefined {
  if (c.SHUTDOWN_DRAIN_MS < c.SHUTDOWN_TIMEOUT_MS) return undefined;
  return {
    variable: 'SHUTDOWN_DRAIN_MS',
    message: `SHUTDOWN_DRAIN_MS (${c.SHUTDOWN_DRAIN_MS}) must be below SHUTDOWN_TIMEOUT_MS (${c.SHUTDOWN_TIMEOUT_MS}), which the shutdown, the drain included, must end within`,
  };
}

export const platformConfig: ConfigDefinition<PlatformConfig> = defineConfig(platformSchema, kurrentDbNeedsUrl, exactlyOneAuthSource, drainWithinTimeout);
