import { createHash } from 'node:crypto';
import { GENESIS_HASH } from './hash-chain';
import { EMPTY_LOG_DIGEST, extendLogDigest, LogDigest } from './log-digest';

const h = (c: string) => c.repeat(64);

describe('log digest', () => {
  it('starts from the genesis hash with no events', () => {
    const d = new LogDigest();
    expect([d.digest, d.eventCount]).toEqual([GENESIS_HASH, 0]);
    expect(EMPTY_LOG_DIGEST).toBe(GENESIS_HASH);
  });

  it('is sha256(previous digest + event hash), hex', () => {
    expect(extendLogDigest(GENESIS_HASH, h('a'))).toBe(createHash('sha256').update(GENESIS_HASH + h('a')).digest('hex'));
  });

  it('counts events and depends on their order', () => {
    const ab = new LogDigest();
    ab.add(h('a'));
    ab.add(h('b'));
    const ba = new LogDigest();
    ba.add(h('b'));
    ba.add(h('a'));
    expect(ab.eventCount).toBe(2);
    expect(ab.digest).not.toBe(ba.digest);
    expect(ab.digest).toBe(extendLogDigest(extendLogDigest(GENESIS_HASH, h('a')), h('b')));
  });
});
