/**
 * The verified-token cache: the same token within `cacheSeconds` is not checked again, never past its `exp`; the age
 * bound holds for tokens that live longer; a refused token is never kept; 0 turns the cache off; the entry bound
 * drops the token verified longest ago. jose's jwtVerify is wrapped to count the signature checks.
 */
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { PlatformError } from '../errors/platform-error';
import { generateSigningKeyPair } from './token-signing';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier';
import { loadVerificationKey } from './verification-key';

jest.mock('jose', () => {
  const actual = jest.requireActual<typeof import('jose')>('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const { jwtVerify } = jest.requireMock<{ jwtVerify: jest.Mock }>('jose');

const pair = generateSigningKeyPair();
const T0 = Math.floor(Date.now() / 1000) * 1000;

/** A trader token issued at T0 that expires `ttl` seconds later. */
function token(eori: string, ttl: number): Promise<string> {
  return new SignJWT({ role: 'trader' })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(eori)
    .setIssuedAt(T0 / 1000)
    .setExpirationTime(T0 / 1000 + ttl)
    .sign(createPrivateKey(pair.privateKeyPem));
}

function verifierAt(options: Omit<TokenVerifierOptions, 'now'> = {}) {
  const clock = { ms: T0 };
  const verifier = new TokenVerifier(loadVerificationKey({ AUTH_PUBLIC_KEY: pair.publicKeyPem }), { ...options, now: () => clock.ms });
  return { verifier, advance: (seconds: number) => (clock.ms += seconds * 1000) };
}

async function refusalCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PlatformError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('TokenVerifier: verified tokens', () => {
  beforeEach(() => jwtVerify.mockClear());

  it('given a token verified once, when it comes again within the cache time, then its signature is not checked again', async () => {
    const { verifier, advance } = verifierAt();
    const t = await token('DE123456789012', 600);
    const first = await verifier.verify(t);
    advance(30);
    expect(await verifier.verify(t)).toEqual(first);
    expect(first).toEqual({ actor: { kind: 'trader', eori: 'DE123456789012' }, roles: ['trader'] });
    expect(jwtVerify).toHaveBeenCalledTimes(1);
  });

  it('given a token that lives longer than the cache time, when the cache time has passed, then it is checked again', async () => {
    const { verifier, advance } = verifierAt({ cacheSeconds: 60 });
    const t = await token('DE123456789012', 600);
    await verifier.verify(t);
    advance(61);
    await verifier.verify(t);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('given a cached token, when its exp has passed, then it is refused as expired, not taken from the cache', async () => {
    const { verifier, advance } = verifierAt({ cacheSeconds: 60 });
    const t = await token('DE123456789012', 20);
    await verifier.verify(t);
    advance(26); // past exp and the 5 s clock tolerance, within the cache time
    expect(await refusalCode(verifier.verify(t))).toBe('AUTH.TOKEN_EXPIRED');
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('given a refused token, when it comes again, then it is checked again and refused again', async () => {
    const { verifier } = verifierAt();
    const forged = `${(await token('DE123456789012', 600)).slice(0, -4)}AAAA`;
    expect(await refusalCode(verifier.verify(forged))).toBe('AUTH.INVALID_TOKEN');
    expect(await refusalCode(verifier.verify(forged))).toBe('AUTH.INVALID_TOKEN');
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('given cacheSeconds 0, when a token comes twice, then it is checked twice', async () => {
    const { verifier } = verifierAt({ cacheSeconds: 0 });
    const t = await token('DE123456789012', 600);
    await verifier.verify(t);
    await verifier.verify(t);
    expect(jwtVerify).toHaveBeenCalledTimes(2);
  });

  it('given more tokens than the cache holds, when the first comes again, then it was dropped and is checked again', async () => {
    const { verifier } = verifierAt({ cacheEntries: 2 });
    const [a, b, c] = await Promise.all(['DE1', 'DE2', 'DE3'].map((eori) => token(eori, 600)));
    for (const t of [a, b, c]) await verifier.verify(t);
    await verifier.verify(c);
    expect(jwtVerify).toHaveBeenCalledTimes(3);
    await verifier.verify(a);
    expect(jwtVerify).toHaveBeenCalledTimes(4);
  });
});
