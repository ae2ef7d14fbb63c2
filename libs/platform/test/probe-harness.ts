/** Boots the probe service for an int test: fresh keys, free ports, log lines captured as objects. */
import { createServiceApp, generateSigningKeyPair, signToken, type ServiceApp, type TokenRequest } from '../src';
import { probeService } from './probe.module';

export interface ProbeHarness {
  readonly service: ServiceApp;
  readonly logs: Record<string, unknown>[];
  /** A token for 300 s, or for `ttlSeconds`. */
  token(request: Omit<TokenRequest, 'ttlSeconds'>, ttlSeconds?: number): Promise<string>;
}

const AUDIENCE = { issuer: 'ics2-test', audience: 'ics2' };

export async function startProbe(env: Record<string, string> = {}): Promise<ProbeHarness> {
  const keys = generateSigningKeyPair();
  const logs: Record<string, unknown>[] = [];
  const service = await createServiceApp(probeService, {
    env: { AUTH_PUBLIC_KEY: keys.publicKeyPem, AUTH_ISSUER: AUDIENCE.issuer, AUTH_AUDIENCE: AUDIENCE.audience, LOG_LEVEL: 'debug', ...env },
    host: '127.0.0.1',
    httpPort: 0,
    grpcPort: 0,
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return {
    service,
    logs,
    token: (request, ttlSeconds = 300) => signToken({ ...request, ttlSeconds }, keys.privateKeyPem, AUDIENCE),
  };
}

/** The access-log lines (one per request). */
export const requestLines = (logs: readonly Record<string, unknown>[]) => logs.filter((l) => l['msg'] === 'request');
