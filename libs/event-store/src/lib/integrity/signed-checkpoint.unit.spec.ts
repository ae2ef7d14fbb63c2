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

  describe('version 2: the claim commits to a merkle root', () => {
    const v2 = signCheckpoint({ ...claim, version: 2, merkleRoot: 'cd'.repeat(32) }, signer);

    it('signs the canonical claim with its version and root', () => {
      expect(checkpointSigningPayload(v2)).toBe(
        `{"createdAt":"2026-03-01T10:00:00.000Z","digest":"${'ab'.repeat(32)}","eventCount":12,"keyId":"${signer.keyId}",` +
          `"merkleRoot":"${'cd'.repeat(32)}","position":{"commit":"740","prepare":"12"},"version":2}`,
      );
      expect(checkCheckpointSignature(v2, keys)).toBe('valid');
    });

    it('leaves the version 1 payload as it was, whether the version is absent or 1', () => {
      expect(checkpointSigningPayload({ ...checkpoint, version: 1 })).toBe(checkpointSigningPayload(checkpoint));
      expect(checkCheckpointSignature({ ...checkpoint, version: 1 }, keys)).toBe('valid');
    });

    it.each([
      ['its merkle root changed', { merkleRoot: 'ef'.repeat(32) }],
      ['its version dropped', { version: undefined }],
      ['its version changed to 1', { version: 1 as const }],
      ['its version unknown', { version: 3 as unknown as 2 }],
      ['its merkle root removed', { merkleRoot: undefined }],
    ])('is forged when %s', (_what, change) => {
      expect(checkCheckpointSignature({ ...v2, ...change }, keys)).toBe('forged');
    });

    it('a version 1 checkpoint given a merkle root is forged: the root would be unsigned', () => {
      expect(checkCheckpointSignature({ ...checkpoint, merkleRoot: 'cd'.repeat(32) }, keys)).toBe('forged');
    });
  });

  describe('version 3: the claim commits to the stream heads too', () => {
    const v3 = signCheckpoint({ ...claim, version: 3, merkleRoot: 'cd'.repeat(32), streamCount: 4, headsRoot: 'ef'.repeat(32) }, signer);

    it('signs the canonical claim with its version, root, stream count and heads root', () => {
      expect(checkpointSigningPayload(v3)).toBe(
        `{"createdAt":"2026-03-01T10:00:00.000Z","digest":"${'ab'.repeat(32)}","eventCount":12,"headsRoot":"${'ef'.repeat(32)}",` +
          `"keyId":"${signer.keyId}","merkleRoot":"${'cd'.repeat(32)}","position":{"commit":"740","prepare":"12"},"streamCount":4,"version":3}`,
      );
      expect(checkCheckpointSignature(v3, keys)).toBe('valid');
    });

    it.each([
      ['its heads root changed', { headsRoot: '01'.repeat(32) }],
      ['its stream count changed', { streamCount: 5 }],
      ['its version changed to 2', { version: 2 as const }],
      ['its heads root removed', { headsRoot: undefined }],
    ])('is forged when %s', (_what, change) => {
      expect(checkCheckpointSignature({ ...v3, ...change }, keys)).toBe('forged');
    });

    it('a version 2 checkpoint given heads is forged: they would be unsigned', () => {
      const v2 = signCheckpoint({ ...claim, version: 2, merkleRoot: 'cd'.repeat(32) }, signer);
      expect(checkCheckpointSignature({ ...v2, streamCount: 4, headsRoot: 'ef'.repeat(32) }, keys)).toBe('forged');
    });
  });
});
