/** AUTH_JWKS_URL: keys fetched from a real (local) JWKS endpoint; an unreachable one is our outage, not a bad token. */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT } from 'jose';
import { PlatformError } from '../errors/platform-error';
import { generateSigningKeyPair } from './token-signing';
import { TokenVerifier } from './token-verifier';
import { loadVerificationKey } from './verification-key';

const pair = generateSigningKeyPair();
let server: Server;
let jwksUrl: string;

beforeAll(async () => {
  const jwk = { ...(await exportJWK(createPublicKey(pair.publicKeyPem))), kid: 'k1', alg: 'EdDSA', use: 'sig' };
  server = createServer((req, res) => {
    // What a JWKS endpoint in trouble answers: an error status (the identity provider or its proxy is down), a page
    // that is not JSON, JSON that is no key set.
    if (req.url === '/down') res.statusCode = 503;
    if (req.url === '/down' || req.url === '/html') {
      res.setHeader('content-type', 'text/html');
      res.end('<html>Service Unavailable</html>');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/not-a-set' ? JSON.stringify({ keys: 'none' }) : JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function token(kid: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'member-state', ms: 'BE' })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject('be-1')
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(createPrivateKey(pair.privateKeyPem));
}

describe('TokenVerifier with a JWKS', () => {
  it('verifies a token signed by a key of the set', async () => {
    const verifier = new TokenVerifier(loadVerificationKey({ AUTH_JWKS_URL: jwksUrl }));
    await expect(verifier.verify(await token('k1'))).resolves.toEqual({
      actor: { kind: 'member-state', memberState: 'BE', userId: 'be-1' },
      roles: ['member-state'],
    });
  });

  it('refuses a token whose key is not in the set', async () => {
    const verifier = new TokenVerifier(loadVerificationKey({ AUTH_JWKS_URL: jwksUrl }));
    await expect(verifier.verify(await token('other'))).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it.each([
    ['answers an error status', '/down'],
    ['answers what is not JSON', '/html'],
    ['answers JSON that is no key set', '/not-a-set'],
  ])('answers unavailable, not a bad token, when the JWKS endpoint %s', async (_what, path) => {
    const verifier = new TokenVerifier(loadVerificationKey({ AUTH_JWKS_URL: new URL(path, jwksUrl).href }));
    const error = await verifier.verify(await token('k1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'AUTH.KEYS_UNAVAILABLE' });
  });

  it('answers unavailable when the JWKS cannot be fetched', async () => {
    const verifier = new TokenVerifier(loadVerificationKey({ AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks.json' }));
    const error = await verifier.verify(await token('k1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'AUTH.KEYS_UNAVAILABLE' });
  });
});
