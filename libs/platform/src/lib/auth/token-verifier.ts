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
}

const unauthenticated = (code: string, message: string) => new PlatformError('unauthenticated', code, message);

export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;
  private readonly remoteKeys: boolean;

  constructor(key: VerificationKey, options: TokenVerifierOptions = {}) {
    const common: JWTVerifyOptions = {
      issuer: options.issuer,
      audience: options.audience,
      clockTolerance: options.clockToleranceSeconds ?? 5,
      requiredClaims: ['exp', 'sub'],
    };
    this.remoteKeys = key.kind === 'jwks';
    if (key.kind === 'public-key') {
      const verifyOptions = { ...common, algorithms: [key.algorithm] };
      this.verifyJwt = async (token) => (await jwtVerify(token, key.key, verifyOptions)).payload;
    } else {
      const jwks = createRemoteJWKSet(key.url, { timeoutDuration: 5_000, cooldownDuration: 30_000 });
      const verifyOptions = { ...common, algorithms: JWKS_ALGORITHMS };
      this.verifyJwt = async (token) => (await jwtVerify(token, jwks, verifyOptions)).payload;
    }
  }

  /** Verifies an `authorization` header value (`Bearer <jwt>`). */
  verifyAuthorization(header: string | undefined): Promise<Principal> {
    if (!header) return Promise.reject(unauthenticated('AUTH.MISSING_TOKEN', 'a bearer token is required'));
    const match = /^Bearer +([A-Za-z0-9_.-]+)$/i.exec(header.trim());
    if (!match?.[1]) return Promise.reject(unauthenticated('AUTH.MALFORMED_HEADER', 'authorization must be "Bearer <token>"'));
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      payload = await this.verifyJwt(token);
    } catch (e) {
      throw toAuthError(e, this.remoteKeys);
    }
    const result = principalFromClaims(payload);
    if (!result.ok) throw unauthenticated('AUTH.INVALID_CLAIMS', `invalid token claims: ${result.reason}`);
    return result.principal;
  }
}

function toAuthError(e: unknown, remoteKeys: boolean): PlatformError {
  if (e instanceof errors.JWTExpired) return unauthenticated('AUTH.TOKEN_EXPIRED', 'the token has expired');
  if (e instanceof errors.JWKSTimeout) {
    return new PlatformError('unavailable', 'AUTH.KEYS_UNAVAILABLE', 'the token signing keys cannot be fetched; retry later', [], { cause: e });
  }
  if (e instanceof errors.JWTClaimValidationFailed) return unauthenticated('AUTH.INVALID_CLAIMS', `invalid token claims: ${e.claim}`);
  // A non-JOSE error with a JWKS means the endpoint failed (network, HTTP status): ours to fix, not the caller's.
  if (e instanceof errors.JOSEError || !remoteKeys) return unauthenticated('AUTH.INVALID_TOKEN', 'the token is not valid');
  return new PlatformError('unavailable', 'AUTH.KEYS_UNAVAILABLE', 'the token signing keys cannot be fetched; retry later', [], { cause: e });
}
