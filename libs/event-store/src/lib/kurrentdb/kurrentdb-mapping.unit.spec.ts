import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventToAppend } from '../recorded-event';
import { AppendTooLargeError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../store.errors';
import {
  ForeignEventError,
  fromKurrentEvent,
  fromKurrentPosition,
  isStreamNotFound,
  isSystemEvent,
  pinnedStreamState,
  toKurrentEvent,
  toKurrentReadPosition,
  toStoreError,
} from './kurrentdb-mapping';

const event = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  id: '0b7c6f0e-2a44-4c1b-9d55-3e8f1a2b4c6d',
  type: 'EnsFilingRegistered',
  data: { mrn: '24DE000000000001A1', items: [{ n: 1 }] },
  metadata: {
    schemaVersion: 2,
    occurredAt: '2026-11-22T10:00:00.000Z',
    correlationId: '24DE000000000001A1',
    causationId: 'msg-17',
    actor: { kind: 'trader', eori: 'DE123456789012345' },
  },
  ...overrides,
});

/** What Kurrent hands back for an event written from `data`: JSON round-tripped, with its revision and position. */
function asStored(e: EventToAppend, recordedAt = '2026-11-22T10:00:01.000Z', hash = 'ab'.repeat(32)): KurrentRecordedEvent {
  const written = toKurrentEvent(e, recordedAt, hash, { index: 0, size: 1 });
  return {
    streamId: 'ens-24DE000000000001A1',
    id: written.id,
    revision: 3n,
    type: written.type,
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    isJson: true,
    created: new Date('2026-11-22T10:00:01.250Z'),
    position: { commit: 4096n, prepare: 4000n },
  } as KurrentRecordedEvent;
}

describe('kurrentdb mapping', () => {
  describe('expected revision', () => {
    it('pins a write to the revision read, or to no_stream when there was none', () => {
      expect(pinnedStreamState(-1)).toBe('no_stream');
      expect(pinnedStreamState(7)).toBe(7n);
    });
  });

  describe('positions', () => {
    it('keep commit and prepare as they are', () => {
      expect(fromKurrentPosition({ commit: 10n, prepare: 9n })).toEqual({ commit: 10n, prepare: 9n });
      expect(toKurrentReadPosition({ commit: 10n, prepare: 9n })).toEqual({ commit: 10n, prepare: 9n });
    });

    it("read the port's START (and no position) as Kurrent's start of the log", () => {
      expect(toKurrentReadPosition({ commit: -1n, prepare: -1n })).toBe('start');
      expect(toKurrentReadPosition(undefined)).toBe('start');
    });
  });

  describe('metadata', () => {
    it("is written under Kurrent's names for correlation and causation, with recordedAt, hash and its place in the append", () => {
      const written = toKurrentEvent(event(), '2026-11-22T10:00:01.000Z', 'cd'.repeat(32), { index: 1, size: 2 });
      expect(written).toMatchObject({ contentType: 'application/json', id: event().id, type: 'EnsFilingRegistered' });
      expect(written.metadata).toEqual({
        schemaVersion: 2,
        occurredAt: '2026-11-22T10:00:00.000Z',
        $correlationId: '24DE000000000001A1',
        $causationId: 'msg-17',
        actor: { kind: 'trader', eori: 'DE123456789012345' },
        recordedAt: '2026-11-22T10:00:01.000Z',
        hash: 'cd'.repeat(32),
        batch: { index: 1, size: 2 },
      });
    });

    it('reads back as the event appended, with the adapter recordedAt (not Kurrent created) and the hash', () => {
      const recorded = fromKurrentEvent(asStored(event()));
      expect(recorded).toEqual({
        ...event(),
        streamId: 'ens-24DE000000000001A1',
        revision: 3,
        position: { commit: 4096n, prepare: 4000n },
        recordedAt: '2026-11-22T10:00:01.000Z',
        hash: 'ab'.repeat(32),
      });
    });

    it('omits a null causation id and reads it back as null', () => {
      const e = event({ metadata: { ...event().metadata, causationId: null } });
      expect(toKurrentEvent(e, '2026-11-22T10:00:01.000Z', 'x', { index: 0, size: 1 }).metadata).not.toHaveProperty('$causationId');
      expect(fromKurrentEvent(asStored(e)).metadata.causationId).toBeNull();
    });

    it('refuses an event written without the ICS2 envelope', () => {
      const foreign = { ...asStored(event()), metadata: { anything: 1 } } as KurrentRecordedEvent;
      expect(() => fromKurrentEvent(foreign)).toThrow(ForeignEventError);
    });
  });

  describe('errors', () => {
    it('a wrong expected version becomes WrongExpectedRevisionError with the actual revision', () => {
      const theirs = new WrongExpectedVersionError(undefined, { streamName: 'ens-1', expected: 2n, current: 5n });
      const ours = toStoreError(theirs, 'ens-1', 2);
      expect(ours).toBeInstanceOf(WrongExpectedRevisionError);
      expect(ours).toMatchObject({ streamId: 'ens-1', expected: 2, actual: 5 });
    });

    it('a missing stream in a wrong expected version is actual revision -1', () => {
      const theirs = new WrongExpectedVersionError(undefined, { streamName: 'ens-1', expected: 'stream_exists', current: 'no_stream' });
      expect(toStoreError(theirs, 'ens-1', 'stream-exists')).toMatchObject({ actual: -1, expected: 'stream-exists' });
    });

    it('UNAVAILABLE, from the client or as a raw gRPC status 14, becomes EventStoreUnavailableError', () => {
      expect(toStoreError(new UnavailableError(), 's')).toBeInstanceOf(EventStoreUnavailableError);
      const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      const mapped = toStoreError(raw, 's');
      expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
      expect((mapped as EventStoreUnavailableError).cause).toBe(raw);
    });

    // What a cluster answers while its leader changes or it shuts down: nothing (or, after a commit timeout, maybe the
    // write) happened, and the same call succeeds later (the client reconnects to the new leader; appends are
    // idempotent by id). Left as they were, each reached the doors as 500 INTERNAL.
    it.each<[string, Error]>([
      ['the node is no longer the leader', new NotLeaderError({ metadata: { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' } } as never)],
      ['the commit timed out on the server', new TimeoutError({ message: '10 ABORTED: Operation timed out' } as never)],
      ['the server cancelled the call', new CancelledError({ message: '1 CANCELLED: Call cancelled' } as never)],
      ['the deadline passed', new DeadlineExceededError()],
    ])('%s: EventStoreUnavailableError, to retry later', (_case, theirs) => {
      const ours = toStoreError(theirs, 'ens-1', 2);
      expect(ours).toBeInstanceOf(EventStoreUnavailableError);
      expect((ours as EventStoreUnavailableError).cause).toBe(theirs);
    });

    it.each<[string, Error, number | null]>([
      ['over MaxAppendSize', MaxAppendSizeExceededError.fromMaxAppendSize(2_097_152), 2_097_152],
      ['one event over MaxAppendEventSize, by batch append', new UnknownError(undefined, 'Could not recognize MaximumAppendEventSizeExceeded'), null],
      [
        'one event over MaxAppendEventSize, by single append',
        new UnknownError(undefined, '3 INVALID_ARGUMENT: Event with Id: 0b7c6f0e, Size: 5000, exceeds Maximum Append Event Size of 4096.'),
        4096,
      ],
    ])("the server's refusal of an append %s becomes AppendTooLargeError with the limit it gave", (_case, theirs, limit) => {
      const ours = toStoreError(theirs, 'ens-1', 2);
      expect(ours).toBeInstanceOf(AppendTooLargeError);
      expect(ours).toMatchObject({ streamId: 'ens-1', maxAppendBytes: limit, size: null });
    });

    it('an unknown error saying nothing of sizes is left as it is', () => {
      const theirs = new UnknownError(undefined, 'Could not recognize Something');
      expect(toStoreError(theirs, 'ens-1')).toBe(theirs);
    });

    it('leaves other errors as they are', () => {
      const other = new TypeError('bug');
      expect(toStoreError(other, 's')).toBe(other);
    });

    it('recognises a missing stream', () => {
      expect(isStreamNotFound(new StreamNotFoundError(undefined, 'ens-1'))).toBe(true);
      expect(isStreamNotFound(new UnavailableError())).toBe(false);
    });
  });

  it('treats $-streams and $-types as Kurrent bookkeeping', () => {
    expect(isSystemEvent({ streamId: '$$ens-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'ens-1', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'ens-1', type: 'EnsFilingRegistered' })).toBe(false);
  });
});
