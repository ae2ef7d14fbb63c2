import { generateCheckpointKeyPair, loadCheckpointSigner } from './checkpoint-signer';
import { checkCheckpointSignature, checkpointKeyRing, checkpointSigningPayload, signCheckpoint } from './signed-checkpoint';

describe('signed checkpoint', () => {
  const pair = generateCheckpointKeyPair();
  const signer = loadCheckpointSigner(pair.privateKeyPem);
  const keys = checkpointKeyRing([pair.publicKeyPem]);
  const claim = { position: { commit: 740n, prepare: 12n }, eventCount: 12, digest: 'ab'.repeat(32), createdAt: '2026-03-01T10:00:00.000Z' };
  const checkpoint = signCheckpoint(claim, signer);

  it('signs the canonical claim with the signer key id', () => {
    expect(checkpoint.keyId).toBe(signer.keyId);
    expect(checkpointSigningPayload(checkpoint)).toBe(
      `{"createdAt":"2026-03-01T10:00:00.000Z","digest":"${'ab'.repeat(32)}","eventCount":12,"keyId":"${signer.keyId}","position":{"commit":"740","prepare":"12"}}`,
    );
    expect(checkCheckpointSignature(checkpoint, keys)).toBe('valid');
  });

  it.each([
    ['digest', { digest: 'cd'.repeat(32) }],
    ['event count', { eventCount: 11 }],
    ['position', { position: { commit: 740n, prepare: 11n } }],
    ['creation date', { createdAt: '2026-03-01T10:00:00.001Z' }],
  ])('is forged when its %s changed', (_what, change) => {
    expect(checkCheckpointSignature({ ...checkpoint, ...change }, keys)).toBe('forged');
  });

  it('is forged when another key signed it under the trusted key id', () => {
    const intruder = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    const resigned = signCheckpoint(claim, { ...intruder, keyId: signer.keyId });
    expect(checkCheckpointSignature(resigned, keys)).toBe('forged');
  });

  it('has an unknown key when signed by a key nobody trusts', () => {
    const stranger = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
    expect(checkCheckpointSignature(signCheckpoint(claim, stranger), keys)).toBe('unknown-key');
  });
});
