import { createHash, randomUUID } from 'node:crypto';
import { eventHash, GENESIS_HASH } from '../integrity/hash-chain';
import type { EventToAppend } from '../recorded-event';
import { hashInputAsInSql, prepareAppend } from './postgres-append-input';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('append input', () => {
  const metadata = {
    schemaVersion: 2,
    occurredAt: '2025-06-01T10:00:00.000Z',
    correlationId: '25DE000000000000A1',
    causationId: null,
    actor: { kind: 'member-state' as const, memberState: 'DE', userId: 'u-17' },
  };

  it.each<[string, unknown]>([
    ['nested data', { b: [1, 2.5, { z: null, a: 'x' }], a: true }],
    ['escapes and non-ASCII text', { text: 'quote " backslash \\ newline \n – € 𝄞', 'key "q"': 1 }],
    ['what JSON drops or rewrites', { gone: undefined, at: new Date('2025-01-02T03:04:05.678Z'), list: [undefined], n: NaN }],
    ['a bare value', 'just text'],
  ])('the statement hashes what eventHash hashes: %s', (_case, data) => {
    const streamId = 'ens-25DE "odd" stream';
    const event: EventToAppend = { id: randomUUID().toUpperCase(), type: 'EnsFilingRegistered', data, metadata };
    const [input] = prepareAppend(streamId, [event], 'any', null);
    const recordedAt = '2025-06-01T10:00:01.234Z';
    const content = {
      streamId,
      revision: 12,
      id: input.id,
      type: event.type,
      data: JSON.parse(input.dataJson),
      metadata: JSON.parse(input.metadataJson),
      recordedAt,
    };
    for (const previous of [GENESIS_HASH, sha256('previous')]) {
      expect(sha256(hashInputAsInSql(input, recordedAt, 12, previous))).toBe(eventHash(content, previous));
    }
  });

  it('keeps only the metadata envelope and stores ids in lower case', () => {
    const id = randomUUID();
    const [input] = prepareAppend('ens-1', [{ id: id.toUpperCase(), type: 'T', data: {}, metadata: { ...metadata, extra: 1 } as never }], 'any', null);
    expect(input.id).toBe(id);
    expect(JSON.parse(input.metadataJson)).toEqual(metadata);
  });
});
