import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { ConfigError } from '../config/config-schema';
import { PlatformError } from '../errors/platform-error';
import { generateSigningKeyPair, signToken } from './token-signing';
import { TokenVerifier } from './token-verifier';
import { loadVerificationKey } from './verification-key';

const pair = generateSigningKeyPair();
const audience = { issuer: 'ics2-test', audience: 'ics2' };
const verifier = new TokenVerifier(loadVerificationKey({ AUTH_PUBLIC_KEY: pair.publicKeyPem }), audience);

async function refusal(token: Promise<string> | string, v = verifier): Promise<{ kind: string; code: string }> {
  try {
    await v.verify(await token);
  } catch (e) {
    if (e instanceof PlatformError) return { kind: e.kind, code: e.code };
    throw e;
  }
  throw new Error('token was accepted');
}

/** A token with arbitrary claims, signed with the right key: for claims signToken itself refuses to mint. */
function rawToken(claims: Record<string, unknown>, sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(sub)
    .setIssuer('ics2-test')
    .setAudience('ics2')
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(createPrivateKey(pair.privateKeyPem));
}

describe('signToken and TokenVerifier', () => {
  it('round-trips each role to its actor', async () => {
    const sign = (r: Parameters<typeof signToken>[0]) => signToken(r, pair.privateKeyPem, audience).then((t) => verifier.verify(t));
    await expect(sign({ role: 'trader', eori: 'DE123456789012345', ttlSeconds: 60 })).resolves.toEqual({
      actor: { kind: 'trader', eori: 'DE123456789012345' },
      roles: ['trader'],
    });
    await expect(sign({ role: 'member-state', ms: 'FR', userId: 'fr-risk-1', ttlSeconds: 60 })).resolves.toEqual({
      actor: { kind: 'member-state', memberState: 'FR', userId: 'fr-risk-1' },
      roles: ['member-state'],
    });
    // Greece in EU usage (EL) is the ISO code (GR) the filings carry.
    await expect(sign({ role: 'member-state', ms: 'EL', userId: 'gr-risk-1', ttlSeconds: 60 })).resolves.toMatchObject({ actor: { kind: 'member-state', memberState: 'GR' } });
    await expect(sign({ role: 'member-state', ms: 'GR', userId: 'gr-risk-1', ttlSeconds: 60 })).resolves.toMatchObject({ actor: { kind: 'member-state', memberState: 'GR' } });
    await expect(sign({ role: 'auditor', userId: 'audit-1', ttlSeconds: 60 })).resolves.toMatchObject({ actor: { kind: 'auditor', userId: 'audit-1' } });
    await expect(sign({ role: 'admin', ttlSeconds: 60 })).resolves.toMatchObject({ actor: { kind: 'admin', userId: 'local-admin' } });
  });

  it('refuses a token signed with another key', async () => {
    const other = generateSigningKeyPair();
    await expect(refusal(signToken({ role: 'admin', ttlSeconds: 60 }, other.privateKeyPem, audience))).resolves.toEqual({
      kind: 'unauthenticated',
      code: 'AUTH.INVALID_TOKEN',
    });
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('a1')
      .setIssuer('ics2-test')
      .setAudience('ics2')
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(createPrivateKey(pair.privateKeyPem));
    await expect(refusal(expired)).resolves.toEqual({ kind: 'unauthenticated', code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('refuses the wrong issuer or audience', async () => {
    await expect(refusal(signToken({ role: 'admin', ttlSeconds: 60 }, pair.privateKeyPem, { ...audience, issuer: 'evil' }))).resolves.toEqual({
      kind: 'unauthenticated',
      code: 'AUTH.INVALID_CLAIMS',
    });
    await expect(refusal(signToken({ role: 'admin', ttlSeconds: 60 }, pair.privateKeyPem, { ...audience, audience: 'x' }))).resolves.toEqual({
      kind: 'unauthenticated',
      code: 'AUTH.INVALID_CLAIMS',
    });
  });

  it.each([
    ['an unknown role', { role: 'superuser' }, 'u1'],
    ['no role', {}, 'u1'],
    ['a trader whose sub is not an EORI', { role: 'trader' }, 'de-123'],
    ['a member-state user without ms', { role: 'member-state' }, 'u1'],
    ['a member-state user with a 3-letter ms', { role: 'member-state', ms: 'FRA' }, 'u1'],
    ['a user id that could forge a log line', { role: 'auditor' }, 'a1\nlevel=admin'],
  ])('refuses %s', async (_what, claims, sub) => {
    await expect(refusal(rawToken(claims, sub))).resolves.toEqual({ kind: 'unauthenticated', code: 'AUTH.INVALID_CLAIMS' });
  });

  it('refuses garbage and a missing or malformed header', async () => {
    await expect(refusal('not.a.token')).resolves.toEqual({ kind: 'unauthenticated', code: 'AUTH.INVALID_TOKEN' });
    await expect(verifier.verifyAuthorization(undefined)).rejects.toMatchObject({ code: 'AUTH.MISSING_TOKEN' });
    await expect(verifier.verifyAuthorization('Basic dXNlcjpwdw==')).rejects.toMatchObject({ code: 'AUTH.MALFORMED_HEADER' });
  });

  it('verifies RSA and EC keys with their own algorithm', async () => {
    for (const type of ['rsa', 'ec'] as const) {
      const options = type === 'rsa' ? { modulusLength: 2048 } : { namedCurve: 'P-256' };
      const { publicKey, privateKey } = generateKeyPairSync(type as 'rsa', {
        ...(options as { modulusLength: number }),
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      const v = new TokenVerifier(loadVerificationKey({ AUTH_PUBLIC_KEY: publicKey }), audience);
      const token = await signToken({ role: 'auditor', userId: 'a1', ttlSeconds: 60 }, privateKey, audience);
      await expect(v.verify(token)).resolves.toMatchObject({ roles: ['auditor'] });
    }
  });

  it('refuses to mint tokens with bad claims', async () => {
    await expect(signToken({ role: 'trader', eori: 'de1', ttlSeconds: 60 }, pair.privateKeyPem)).rejects.toThrow(/EORI/);
    await expect(signToken({ role: 'member-state', ttlSeconds: 60 }, pair.privateKeyPem)).rejects.toThrow(/ms = a 2-letter/);
    await expect(signToken({ role: 'admin', ttlSeconds: Number('x') }, pair.privateKeyPem)).rejects.toThrow(/ttlSeconds/);
  });
});

describe('loadVerificationKey', () => {
  it('explains a key that does not parse in one config line', () => {
    expect(() => loadVerificationKey({ AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----' })).toThrow(ConfigError);
    expect(() => loadVerificationKey({ AUTH_PUBLIC_KEY_FILE: '/nonexistent/key.pem' }, () => {
      throw Object.assign(new Error('no'), { code: 'ENOENT' });
    })).toThrow('config error: AUTH_PUBLIC_KEY_FILE must name a readable file holding a PEM public key (Ed25519, RSA or EC), got "/nonexistent/key.pem" (ENOENT)');
  });

  // Node derives the public key from a private one, so a private key mounted by mistake verified tokens as well: every
  // service then held what mints any token. Refused, naming the variable, before the service starts.
  it('refuses a private key where the public key belongs', () => {
    expect(() => loadVerificationKey({ AUTH_PUBLIC_KEY_FILE: 'k.pem' }, () => pair.privateKeyPem)).toThrow(
      'config error: AUTH_PUBLIC_KEY_FILE must be a PEM public key (Ed25519, RSA or EC), got a private key: give the services the public key only',
    );
    expect(() => loadVerificationKey({ AUTH_PUBLIC_KEY: `${pair.publicKeyPem}${pair.privateKeyPem}` })).toThrow(/^config error: AUTH_PUBLIC_KEY must be .*got a private key/);
  });

  it('reads a key file and accepts newlines flattened to \\n', () => {
    expect(loadVerificationKey({ AUTH_PUBLIC_KEY_FILE: 'k.pem' }, () => pair.publicKeyPem)).toMatchObject({ kind: 'public-key', algorithm: 'EdDSA' });
    expect(loadVerificationKey({ AUTH_PUBLIC_KEY: pair.publicKeyPem.replace(/\n/g, '\\n') })).toMatchObject({ algorithm: 'EdDSA' });
  });
});
