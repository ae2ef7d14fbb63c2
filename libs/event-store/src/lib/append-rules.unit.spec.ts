import { randomUUID } from 'node:crypto';
import { checkAppend } from './append-rules';
import { metadata } from './contract/contract-fixtures';
import type { ExpectedRevision } from './expected-revision';
import type { EventToAppend } from './recorded-event';

const anEvent = (overrides: Partial<Record<keyof EventToAppend, unknown>> = {}) =>
  ({ id: randomUUID(), type: 'EnsFilingRegistered', data: { n: 1 }, metadata, ...overrides }) as EventToAppend;

describe('append rules', () => {
  it.each<[string, unknown, unknown, unknown]>([
    ['an empty stream id', '', [anEvent()], 'any'],
    ['a stream id that is not a string', 7, [anEvent()], 'any'],
    ['a stream id of whitespace only', ' \t ', [anEvent()], 'any'],
    ['a stream id with a trailing space', 'ens-1 ', [anEvent()], 'any'],
    ['a stream id with a C1 control', 'ens-1\u0085', [anEvent()], 'any'],
    ["a stream id beginning with '$'", '$ens-1', [anEvent()], 'any'],
    ['events that are not an array', 'ens-1', anEvent(), 'any'],
    ['an expected revision below -1', 'ens-1', [anEvent()], -2],
    ['a fractional expected revision', 'ens-1', [anEvent()], 1.5],
    ['an unknown expectation', 'ens-1', [anEvent()], 'exists'],
    ['an id that is not a uuid', 'ens-1', [anEvent({ id: 'LRN-1' })], 'any'],
    ['an id twice, in two cases', 'ens-1', ((id) => [anEvent({ id }), anEvent({ id: id.toUpperCase() })])(randomUUID()), 'any'],
    ['an empty type', 'ens-1', [anEvent({ type: '' })], 'any'],
    ["a type beginning with '$'", 'ens-1', [anEvent({ type: '$metadata' })], 'any'],
    ['no metadata', 'ens-1', [anEvent({ metadata: null })], 'any'],
    ['an envelope without its correlationId', 'ens-1', [anEvent({ metadata: { ...metadata, correlationId: undefined } })], 'any'],
    ['an envelope whose causationId is a number', 'ens-1', [anEvent({ metadata: { ...metadata, causationId: 7 } })], 'any'],
    ['data that JSON cannot carry', 'ens-1', [anEvent({ data: { n: 1n } })], 'any'],
    ['no data at all', 'ens-1', [anEvent({ data: undefined })], 'any'],
    ['a NUL character in data', 'ens-1', [anEvent({ data: { text: 'a\u0000' } })], 'any'],
    ['a lone surrogate in metadata', 'ens-1', [anEvent({ metadata: { ...metadata, correlationId: '\ud800' } })], 'any'],
    ['a NUL character in the stream id', 'ens-1\u0000', [anEvent()], 'any'],
    ['a lone surrogate in the type', 'ens-1', [anEvent({ type: 'T\udc00' })], 'any'],
    ['a NUL character in the type', 'ens-1', [anEvent({ type: 'T\u0000' })], 'any'],
    ['a lone surrogate in a data key', 'ens-1', [anEvent({ data: { 'k\ud800': 1 } })], 'any'],
    ['a NUL character in metadata', 'ens-1', [anEvent({ metadata: { ...metadata, correlationId: 'a\u0000' } })], 'any'],
    ['a lone surrogate in the stream id', 'ens-1\ud800', [anEvent()], 'any'],
  ])('refuses %s with a plain Error', (_case, streamId, events, expected) => {
    let error: unknown;
    try {
      checkAppend(streamId as string, events as EventToAppend[], expected as ExpectedRevision, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    // Every adapter gives the same refusal, so it says what is wrong with the input, not which store minds it.
    expect((error as Error).message).not.toMatch(/postgres|jsonb|kurrent/i);
  });

  it('leaves the id lower-cased, the envelope alone and data and envelope as the JSON a store keeps', () => {
    const id = randomUUID();
    const at = new Date('2025-01-02T03:04:05.678Z');
    const [checked] = checkAppend(
      'ens-1',
      [anEvent({ id: id.toUpperCase(), data: { at, gone: undefined, text: 'a\\u0000 \u{1d11e}' }, metadata: { ...metadata, causationId: undefined, extra: 1 } })],
      'no-stream',
      null,
    );
    expect(checked).toEqual({
      id,
      type: 'EnsFilingRegistered',
      dataJson: JSON.stringify({ at: at.toISOString(), text: 'a\\u0000 \u{1d11e}' }),
      metadataJson: JSON.stringify({ ...metadata, causationId: null }),
    });
  });
});
