import { randomUUID } from 'node:crypto';
import { checkAppend } from './append-rules';
import { appendSizeOf, checkMaxAppendBytes, STORE_BYTES_PER_EVENT } from './append-size';
import { metadata } from './contract/contract-fixtures';

describe('append size', () => {
  it('counts data and envelope as UTF-8 JSON, twice the type length, and what a store adds, per event', () => {
    const events = [
      { id: randomUUID(), type: 'Zoll€', data: { text: '€' }, metadata: { ...metadata, extra: 'not kept' } as typeof metadata },
      { id: randomUUID(), type: 'T', data: null, metadata },
    ];
    const envelope = Buffer.byteLength(JSON.stringify(metadata));
    const expected = Buffer.byteLength('{"text":"€"}') + envelope + 2 * 5 + STORE_BYTES_PER_EVENT + 4 + envelope + 2 + STORE_BYTES_PER_EVENT;
    expect(appendSizeOf(checkAppend('ens-1', events, 'any', null))).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %p as a store limit', (value) => {
    expect(() => checkMaxAppendBytes(value)).toThrow();
  });

  it.each([null, 1, 1_048_576])('takes %p as a store limit', (value) => {
    expect(checkMaxAppendBytes(value)).toBe(value);
  });
});
