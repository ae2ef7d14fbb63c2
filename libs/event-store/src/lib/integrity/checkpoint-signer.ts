import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';

/** A public key an auditor trusts, named by its key id. */
export interface CheckpointPublicKey {
  readonly keyId: string;
  readonly key: KeyObject;
}

/** Signs checkpoints. The private key never leaves this object; `publicKeyPem` is what auditors are given. */
export interface CheckpointSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  /** Ed25519 signature over the bytes, base64. */
  sign(payload: string): string;
}

/**
 * Key id = first 16 hex characters of sha256 over the raw 32-byte Ed25519 public key. It depends on the key alone,
 * not on its PEM wrapping, so every party derives the same id from the same key.
 */
export function keyIdOf(publicKey: KeyObject): string {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('checkpoint keys must be Ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key without its x coordinate');
  return createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('hex').slice(0, 16);
}

/** A trusted public key from its PEM (SPKI); a private key PEM is accepted too and only its public half is kept. */
export function loadCheckpointPublicKey(pem: string): CheckpointPublicKey {
  const key = createPublicKey(pem);
  return { keyId: keyIdOf(key), key };
}

/** A signer from an Ed25519 private key PEM (PKCS#8). */
export function loadCheckpointSigner(privateKeyPem: string): CheckpointSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('checkpoint keys must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    // Ed25519 hashes internally: node takes `null` as the digest algorithm.
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64'),
  };
}

/** A fresh Ed25519 key pair as PEM, for tests and the local stack; production keys come from secrets. */
export function generateCheckpointKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/** True when `signature` (base64) is the key's Ed25519 signature over `payload`; a malformed signature is false. */
export function verifySignature(payload: string, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
