import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  generateCheckpointKeyPair,
  keyIdOf,
  loadCheckpointPublicKey,
  loadCheckpointSigner,
  verifySignature,
} from './checkpoint-signer';

describe('checkpoint signer', () => {
  const pair = generateCheckpointKeyPair();
  const signer = loadCheckpointSigner(pair.privateKeyPem);
  const trusted = loadCheckpointPublicKey(pair.publicKeyPem);

  it('names a key by the first 16 hex of sha256 over its raw public key', () => {
    const raw = createPublicKey(pair.publicKeyPem).export({ format: 'der', type: 'spki' }).subarray(-32);
    expect(signer.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(trusted.keyId).toBe(signer.keyId);
    expect(loadCheckpointPublicKey(pair.privateKeyPem).keyId).toBe(signer.keyId);
  });

  it('signs so that the public key verifies, and only the same bytes', () => {
    const signature = signer.sign('{"a":1}');
    expect(verifySignature('{"a":1}', signature, trusted.key)).toBe(true);
    expect(verifySignature('{"a":2}', signature, trusted.key)).toBe(false);
  });

  it('rejects a signature made with another key, or malformed', () => {
    const other = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    expect(other.keyId).not.toBe(signer.keyId);
    expect(verifySignature('x', other.sign('x'), trusted.key)).toBe(false);
    expect(verifySignature('x', 'not base64 at all!', trusted.key)).toBe(false);
  });

  it('accepts Ed25519 keys only', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => keyIdOf(publicKey)).toThrow();
    expect(() => loadCheckpointSigner(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow();
  });
});
