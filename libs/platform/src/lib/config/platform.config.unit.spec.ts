import { platformConfig } from './platform.config';

const KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----';

describe('platformConfig', () => {
  it('starts from defaults with nothing but a way to verify tokens', () => {
    expect(platformConfig.parse({ AUTH_PUBLIC_KEY: KEY })).toEqual({
      SERVICE_NAME: undefined,
      LISTEN_HOST: '0.0.0.0',
      HTTP_PORT: 8080,
      GRPC_PORT: 50051,
      LOG_LEVEL: 'info',
      DATABASE_URL: undefined,
      DATABASE_POOL_MAX: 10,
      EVENT_STORE: 'postgres',
      KURRENTDB_URL: undefined,
      AUTH_PUBLIC_KEY: KEY,
      AUTH_PUBLIC_KEY_FILE: undefined,
      AUTH_JWKS_URL: undefined,
      AUTH_ISSUER: undefined,
      AUTH_AUDIENCE: undefined,
      AUTH_TOKEN_CACHE_SECONDS: 60,
      EVENT_STORE_POOL_MAX: 20,
      CHECKPOINT_SIGNING_KEY_FILE: undefined,
      CHECKPOINT_TRUSTED_KEYS_FILE: undefined,
      CHECKPOINT_INTERVAL_MS: 60_000,
      HTTP_BODY_LIMIT_BYTES: 16 * 1024 * 1024,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 65_000,
      SHUTDOWN_DRAIN_MS: 0,
      SHUTDOWN_TIMEOUT_MS: 15_000,
    });
  });

  it('refuses to start without a way to verify tokens', () => {
    expect(() => platformConfig.parse({})).toThrow(
      'config error: AUTH_PUBLIC_KEY or AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL must be set, so that bearer tokens can be verified',
    );
  });

  it('refuses two key sources at once', () => {
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, AUTH_JWKS_URL: 'https://idp/jwks' })).toThrow(
      /^config error: AUTH_PUBLIC_KEY and AUTH_JWKS_URL are set together/,
    );
  });

  it('needs KURRENTDB_URL with EVENT_STORE=kurrentdb', () => {
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, EVENT_STORE: 'kurrentdb' })).toThrow(
      'config error: KURRENTDB_URL must be set when EVENT_STORE=kurrentdb',
    );
    expect(platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://h:2113?tls=false' }))
      .toMatchObject({ EVENT_STORE: 'kurrentdb' });
  });

  it.each([
    ['LOG_LEVEL', 'loud', 'config error: LOG_LEVEL must be one of fatal|error|warn|info|debug|trace|silent, got "loud"'],
    ['EVENT_STORE', 'mysql', 'config error: EVENT_STORE must be one of postgres|kurrentdb, got "mysql"'],
    ['HTTP_PORT', '99999', 'config error: HTTP_PORT must be an integer 1-65535, got "99999"'],
    ['SERVICE_NAME', 'Risk Analysis', 'config error: SERVICE_NAME must be a lower-case name of letters, digits and dashes, got "Risk Analysis"'],
    ['AUTH_PUBLIC_KEY', 'abc', 'config error: AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----), got "abc"'],
  ])('rejects %s=%s', (name, value, line) => {
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, [name]: value })).toThrow(line);
  });

  // The hard stop counts from the signal and the drain is part of the shutdown: a drain as long would end every
  // shutdown with exit 1 before the doors closed and the subscriptions stopped.
  it('needs SHUTDOWN_DRAIN_MS below SHUTDOWN_TIMEOUT_MS', () => {
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, SHUTDOWN_DRAIN_MS: '30000' })).toThrow(
      'config error: SHUTDOWN_DRAIN_MS (30000) must be below SHUTDOWN_TIMEOUT_MS (15000), which the shutdown, the drain included, must end within',
    );
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_TIMEOUT_MS: '5000' })).toThrow(/^config error: SHUTDOWN_DRAIN_MS/);
    expect(platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_TIMEOUT_MS: '20000' })).toMatchObject({ SHUTDOWN_DRAIN_MS: 5000 });
  });

  it('hides the database URL it rejects', () => {
    expect(() => platformConfig.parse({ AUTH_PUBLIC_KEY: KEY, DATABASE_URL: 'http://u:secret@h/db' })).toThrow(
      'config error: DATABASE_URL must be a URL starting with postgres:// or postgresql://, got a value that is not (not shown: it may hold a secret)',
    );
  });
});
