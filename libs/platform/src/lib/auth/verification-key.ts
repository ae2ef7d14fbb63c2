/**
 * Turns AUTH_PUBLIC_KEY / AUTH_PUBLIC_KEY_FILE / AUTH_JWKS_URL into something to verify with, at start, so a bad
 * key stops the process with one config line instead of failing every request later.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config-schema';
import type { PlatformConfig } from '../config/platform.config';
import { algorithmOf } from './signing-algorithm';

export type VerificationKey =
  | { readonly kind: 'public-key'; readonly key: KeyObject; readonly algorithm: string }
  | { readonly kind: 'jwks'; readonly url: URL };

type KeySettings = Partial<Pick<PlatformConfig, 'AUTH_PUBLIC_KEY' | 'AUTH_PUBLIC_KEY_FILE' | 'AUTH_JWKS_URL'>>;

const EXPECTED = 'a PEM public key (Ed25519, RSA or EC)';

function fail(variable: string, message: string): never {
  throw new ConfigError([{ variable, message }]);
}

// PKCS#8 (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`) and the older `RSA`/`EC PRIVATE KEY` blocks.
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

function publicKeyFrom(pem: string, variable: string, shown: string): VerificationKey {
  // createPublicKey derives the public key from a private one, so a private key would verify tokens too, and every
  // service would hold what mints any token.
  if (PRIVATE_KEY_BLOCK.test(pem)) return fail(variable, `${variable} must be ${EXPECTED}, got a private key: give the services the public key only`);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return fail(variable, `${variable} must be ${EXPECTED}, got ${shown}`);
  }
  const algorithm = algorithmOf(key);
  if (!algorithm) return fail(variable, `${variable} must be ${EXPECTED}, got a ${key.asymmetricKeyType ?? 'unknown'} key`);
  return { kind: 'public-key', key, algorithm };
}

export function loadVerificationKey(settings: KeySettings, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): VerificationKey {
  if (settings.AUTH_JWKS_URL) return { kind: 'jwks', url: new URL(settings.AUTH_JWKS_URL) };
  if (settings.AUTH_PUBLIC_KEY) {
    // Some secret stores flatten newlines to a literal "\n"; PEM needs real ones.
    return publicKeyFrom(settings.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n'), 'AUTH_PUBLIC_KEY', 'a value that does not parse');
  }
  const path = settings.AUTH_PUBLIC_KEY_FILE;
  if (!path) return fail('AUTH_PUBLIC_KEY', 'AUTH_PUBLIC_KEY, AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL must be set');
  let pem: string;
  try {
    pem = readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail('AUTH_PUBLIC_KEY_FILE', `AUTH_PUBLIC_KEY_FILE must name a readable file holding ${EXPECTED}, got ${JSON.stringify(path)} (${reason})`);
  }
  return publicKeyFrom(pem, 'AUTH_PUBLIC_KEY_FILE', `${JSON.stringify(path)} whose content does not parse`);
}
