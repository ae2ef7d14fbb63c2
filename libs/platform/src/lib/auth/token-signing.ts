/**
 * Minting tokens for the local stack (`npm start`, `npm run token`) and for tests. Production tokens come from
 * the identity provider; services only verify.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { EORI_PATTERN, MEMBER_STATE_PATTERN, USER_ID_PATTERN, isRole, type Role } from './principal';
import { algorithmOf } from './signing-algorithm';

export interface SigningKeyPair {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

/** A fresh Ed25519 key pair in PEM (SPKI public, PKCS#8 private). */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

export interface TokenRequest {
  readonly role: Role;
  /** Trader: its EORI, which becomes `sub`. */
  readonly eori?: string;
  /** Member State user: the 2-letter Member State code. */
  readonly ms?: string;
  /** Member State users, auditors, admins: the user id (`sub`); a local default when absent. */
  readonly userId?: string;
  readonly ttlSeconds: number;
}

export interface TokenAudience {
  readonly issuer?: string;
  readonly audience?: string;
}

function claimsFor(request: TokenRequest): { sub: string; claims: Record<string, string> } {
  const { role } = request;
  if (!isRole(role)) throw new Error(`role must be one of trader, member-state, auditor, admin, got "${String(role)}"`);
  if (role === 'trader') {
    if (!request.eori || !EORI_PATTERN.test(request.eori)) {
      throw new Error(`a trader token needs an EORI (2 letters + up to 15 letters or digits), got "${request.eori ?? ''}"`);
    }
    return { sub: request.eori, claims: { role } };
  }
  const userId = request.userId ?? (role === 'member-state' ? `${(request.ms ?? '').toLowerCase()}-user` : `local-${role}`);
  if (!USER_ID_PATTERN.test(userId)) throw new Error(`userId must be letters, digits and ._@:-, got "${userId}"`);
  if (role === 'member-state') {
    if (!request.ms || !MEMBER_STATE_PATTERN.test(request.ms)) {
      throw new Error(`a member-state token needs ms = a 2-letter Member State code, got "${request.ms ?? ''}"`);
    }
    return { sub: userId, claims: { role, ms: request.ms } };
  }
  return { sub: userId, claims: { role } };
}

/** Signs a bearer token with the given private key (Ed25519, RSA or EC, PEM). */
export async function signToken(request: TokenRequest, privateKeyPem: string, options: TokenAudience = {}): Promise<string> {
  if (!Number.isInteger(request.ttlSeconds) || request.ttlSeconds <= 0) {
    throw new Error(`ttlSeconds must be a positive integer, got ${String(request.ttlSeconds)}`);
  }
  const key = createPrivateKey(privateKeyPem);
  const alg = algorithmOf(key);
  if (!alg) throw new Error(`cannot sign with a ${key.asymmetricKeyType ?? 'symmetric'} key: use Ed25519, RSA or EC`);
  const { sub, claims } = claimsFor(request);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setSubject(sub)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + request.ttlSeconds);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(key);
}
