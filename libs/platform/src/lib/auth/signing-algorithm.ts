/**
 * The JWS algorithm a key may be used with. Verification accepts only the algorithm of its own key, so a token
 * cannot choose a weaker one (algorithm confusion).
 */
import type { KeyObject } from 'node:crypto';

const EC_CURVES: Readonly<Record<string, string>> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };

/** `undefined` for key types the platform does not accept (e.g. symmetric secrets, X25519). */
export function algorithmOf(key: KeyObject): string | undefined {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'rsa':
      return 'RS256';
    case 'rsa-pss':
      return 'PS256';
    case 'ec':
      return EC_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    default:
      return undefined;
  }
}

/** What a JWKS may hold: the asymmetric algorithms above. */
export const JWKS_ALGORITHMS = ['EdDSA', 'RS256', 'PS256', 'ES256', 'ES384', 'ES512'];
