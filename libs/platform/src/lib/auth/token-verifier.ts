/**
 * Verifies bearer tokens (signature, expiry, issuer and audience when configured) and maps them to a
 * `Principal`. Every failure is a `PlatformError`: `unauthenticated`, or `unavailable` when the JWKS cannot be
 * fetched (the caller's token may be fine; our key source is not).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { PlatformError } from '../errors/platform-error';
import { principalFromClaims, type Principal } from './principal';
import { JWKS_ALGORITHMS } from './signing-algorithm';
import type { VerificationKey } from './verification-key';

export interface TokenVerifierOptions {
  readonly issuer?: string;
  readonly audience?: string;
  /** Tolerated clock skew between the issuer and us. */
  readonly clockToleranceSeconds?: number;
  /**
   * How long a verified token is taken on trust without checking its signature again, capped by its own `exp`.
   * 0 checks every request. Default 60 s. See VerifiedTokens.
   */
  readonly cacheSeconds?: number;
  /** Verified tokens kept at most (the least recently verified go first). Default 10,000. */
  readonly cacheEntries?: number;
  /** Milliseconds since the epoch; for tests. Default Date.now. */
  readonly now?: () => number;
}

const unauthenticated = (code: string, message: string) => new PlatformError('unauthenticated', code, message);

/** A verified token: who it says the caller is, and until when (its `exp`, ms since the epoch). */
export interface VerifiedToken {
  readonly principal: Principal;
  readonly expiresAt: number;
}

/**
 * Tokens whose signature and claims were checked, with the principal they gave, until the earlier of their `exp` and
 * `cacheSeconds` after the check. A client sends the same bearer token with every request until it expires, and the
 * signature check was a tenth of trader-interface's CPU in bench:filings (and common-repository checks it again on
 * the gRPC call). The key is the whole token, so only the very same bytes hit; a failed check is never kept. The
 * bound on the age is what a key rotation or a withdrawn JWKS key waits for at most.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { readonly verified: VerifiedToken; readonly until: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(token: string): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.verified;
  }

  set(token: string, verified: VerifiedToken): void {
    if (this.maxAgeMs <= 0) return;
    const until = Math.min(verified.expiresAt, this.now() + this.maxAgeMs);
    if (until <= this.now()) return;
    this.entries.delete(token);
    this.entries.set(token, { verified, until });
    // Map keeps insertion order: the first key is the one verified longest ago.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;
  private readonly remoteKeys: boolean;
  private readonly verified: VerifiedTokens;

  constructor(key: VerificationKey, options: TokenVerifierOptions = {}) {
    this.verified = new VerifiedTokens((options.cacheSeconds ?? 60) * 1000, options.cacheEntries ?? 10_000, options.now ?? Date.now);
    const common: JWTVerifyOptions = {
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: options.clockToleranceSeconds ?? 5,
      requiredClaims: ['exp', 'sub'],
    };
    this.remoteKeys = key.kind === 'jwks';
    const now = options.now;
    // jose reads the system clock unless given the instant: with an injected clock both agree on expiry.
    const at = (o: JWTVerifyOptions): JWTVerifyOptions => (now ? { ...o, currentDate: new Date(now()) } : o);
    if (key.kind === 'public-key') {
      const verifyOptions = { ...common, algorithms: [key.algorithm] };
      this.verifyJwt = async (token) => (await jwtVerify(token, key.key, at(verifyOptions))).payload;
    } else {
      const jwks = createRemoteJWKSet(key.url, { timeoutDuration: 5_000, cooldownDuration: 30_000 });
      const verifyOptions = { ...common, algorithms: JWKS_ALGORITHMS };
      this.verifyJwt = async (token) => (await jwtVerify(token, jwks, at(verifyOptions))).payload;
    }
  }

  /** Verifies an `authorization` header value (`Bearer <jwt>`). */
  async verifyAuthorization(header: string | undefined): Promise<Principal> {
    return (await this.verifyBearer(header)).principal;
  }

  /** As verifyAuthorization, with the token's expiry: what a door that outlives the check (a stream) ends at. */
  verifyBearer(header: string | undefined): Promise<VerifiedToken> {
    if (!header) return Promise.reject(unauthenticated('AUTH.MISSING_TOKEN', 'a bearer token is required'));
    const match = /^Bearer +([A-Za-z0-9_.-]+)$/i.exec(header.trim());
    if (!match?.[1]) return Promise.reject(unauthenticated('AUTH.MALFORMED_HEADER', 'authorization must be "Bearer <token>"'));
    return this.verifyToken(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  async verifyToken(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      payload = await this.verifyJwt(token);
    } catch (e) {
      throw toAuthError(e, this.remoteKeys);
    }
    const result = principalFromClaims(payload);
    if (!result.ok) throw unauthenticated('AUTH.INVALID_CLAIMS', `invalid token claims: ${result.reason}`);
    // jose has checked that exp is there (requiredClaims) and a number.
    const verified = { principal: result.principal, expiresAt: (payload.exp as number) * 1000 };
    this.verified.set(token, verified);
    return verified;
  }
}

/**
 * Whether jose failed on our key source rather than on the token: the endpoint timed out, answered another status
 * than 200 or what is not JSON (both a plain JOSEError, which jose throws only there), or a set that is no JWKS.
 */
function keySourceFailed(e: errors.JOSEError): boolean {
  return e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || e.code === errors.JOSEError.code;
}

function toAuthError(e: unknown, remoteKeys: boolean): PlatformError {
  if (e instanceof errors.JWTExpired) return unauthenticated('AUTH.TOKEN_EXPIRED', 'the token has expired');
  if (e instanceof errors.JWTClaimValidationFailed) return unauthenticated('AUTH.INVALID_CLAIMS', `invalid token claims: ${e.claim}`);
  // With a JWKS, a failing endpoint (network, HTTP status, a body that is no key set) is ours to fix, not the caller's:
  // told 401, a client would drop a good token and sign in again, and the outage would show nowhere as one.
  const ours = remoteKeys && (!(e instanceof errors.JOSEError) || keySourceFailed(e));
  if (!ours) return unauthenticated('AUTH.INVALID_TOKEN', 'the token is not valid');
  return new PlatformError('unavailable', 'AUTH.KEYS_UNAVAILABLE', 'the token signing keys cannot be fetched; retry later', [], { cause: e });
}
