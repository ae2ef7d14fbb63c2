import { PassThrough } from 'node:stream';
import {
  ErrorType,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type EventData,
  type Filter,
  type PersistentSubscriptionToAllSettings,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient } from './kurrentdb-client';
import { FakePersistentGroup } from './kurrentdb-persistent-group.fake';

/**
 * A stand-in for a KurrentDB server, for tests only (no server runs where they run). It keeps Kurrent's documented
 * behaviour as far as the adapter relies on it: append checks the expected revision, and an append whose expected
 * revision is behind the stream is acknowledged without writing when the events that follow carry the same ids
 * (refused otherwise); positions are per event (commit = prepare, as modern servers report them); reads are
 * inclusive of their start; a missing stream throws StreamNotFoundError when read; subscriptions to $all replay
 * from after a position and then push live; persistent groups live in kurrentdb-persistent-group.fake.ts.
 * `beforeWrite` slips a concurrent append in between the adapter's read and its write.
 *
 * It refuses appends as large as the server does (append-size.ts cites the server's code): one whose events
 * together exceed `maxAppendSize` (the server's MaxAppendSize, default 1,048,576) with MaxAppendSizeExceededError,
 * one event over `maxAppendEventSize` (MaxAppendEventSize, default none) as the client reports it, an UnknownError;
 * each event counts its data and metadata as the client sends them (JSON, UTF-8) and twice its type's length.
 */

export type StoredKurrentEvent = AllStreamRecordedEvent & { isJson: true };

/** The server's size limits, in bytes, as its options name them. */
export interface FakeKurrentLimits {
  readonly maxAppendSize?: number;
  readonly maxAppendEventSize?: number;
}

export class FakeKurrent {
  readonly log: StoredKurrentEvent[] = [];
  readonly appends: { streamId: string; streamState: AppendStreamState; ids: string[] }[] = [];
  beforeWrite: (() => void) | null = null;
  private nextPosition = 100n;
  private readonly live = new Set<(e: StoredKurrentEvent) => void>();
  private readonly groups = new Map<string, FakePersistentGroup>();

  constructor(private readonly limits: FakeKurrentLimits = {}) {}

  stream(streamId: string): StoredKurrentEvent[] {
    return this.log.filter((e) => e.streamId === streamId);
  }

  /** Appends directly, as another writer (or Kurrent itself, for `$` streams) would. */
  write(streamId: string, events: readonly EventData[]): void {
    let revision = BigInt(this.stream(streamId).length);
    for (const e of events) {
      const position = { commit: this.nextPosition, prepare: this.nextPosition };
      this.nextPosition += 100n;
      const stored = {
        streamId,
        id: e.id,
        revision: revision++,
        type: e.type,
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: e.metadata === undefined ? undefined : JSON.parse(JSON.stringify(e.metadata)),
        isJson: true,
        created: new Date(),
        position,
      } as StoredKurrentEvent;
      this.log.push(stored);
      for (const push of this.live) push(stored);
    }
  }

  readonly client: KurrentClient = {
    appendToStream: (async (streamId: string, input: EventData | EventData[], options?: { streamState?: AppendStreamState }) => {
      const events = Array.isArray(input) ? input : [input];
      const streamState = options?.streamState ?? 'any';
      this.appends.push({ streamId, streamState, ids: events.map((e) => e.id) });
      const hook = this.beforeWrite;
      this.beforeWrite = null;
      hook?.();
      // A real server answers after a network round trip: let concurrent callers interleave as they would there.
      await new Promise((resolve) => setImmediate(resolve));
      this.checkSize(events);
      return this.appendChecked(streamId, events, streamState);
    }) as KurrentClient['appendToStream'],

    readStream: ((streamId: string, options: ReadStreamOptions = {}) => {
      const events = this.stream(streamId);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision;
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      return (async function* () {
        if (events.length === 0) throw new StreamNotFoundError(undefined, streamId);
        const ordered = backwards ? [...events].reverse() : events;
        const start = typeof from === 'bigint' ? from : backwards ? BigInt(events.length - 1) : 0n;
        const selected = ordered.filter((e) => (backwards ? e.revision <= start : e.revision >= start)).slice(0, max);
        for (const event of selected) yield { event };
      })();
    }) as unknown as KurrentClient['readStream'],

    readAll: ((options: ReadAllOptions = {}) => {
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition;
      const log = this.log.filter((e) => serverFilterAccepts(options.filter, e));
      return (async function* () {
        const ordered = backwards ? [...log].reverse() : log;
        for (const event of ordered) {
          if (typeof from === 'object' && (backwards ? event.position.commit > from.commit : event.position.commit < from.commit)) continue;
          yield { event };
        }
      })();
    }) as unknown as KurrentClient['readAll'],

    subscribeToAll: ((options: SubscribeToAllOptions = {}) => {
      const out = new PassThrough({ objectMode: true });
      const from = options.fromPosition;
      const accepts = (e: StoredKurrentEvent) =>
        serverFilterAccepts(options.filter, e) && (typeof from !== 'object' || e.position.commit > from.commit);
      for (const event of this.log) if (accepts(event)) out.write({ event });
      const push = (event: StoredKurrentEvent) => accepts(event) && out.write({ event });
      this.live.add(push);
      out.on('close', () => this.live.delete(push));
      return Object.assign(out, { unsubscribe: async () => void out.destroy() });
    }) as unknown as KurrentClient['subscribeToAll'],

    createPersistentSubscriptionToAll: (async (name: string, settings: PersistentSubscriptionToAllSettings, options?: { filter?: Filter }) => {
      if (this.groups.has(name)) throw Object.assign(new Error(`group ${name} exists`), { type: ErrorType.PERSISTENT_SUBSCRIPTION_EXISTS });
      const group = new FakePersistentGroup(
        settings.maxRetryCount,
        (e) => serverFilterAccepts(options?.filter, e),
        () => this.log,
      );
      this.groups.set(name, group);
      this.live.add(() => group.dispatch());
    }) as KurrentClient['createPersistentSubscriptionToAll'],

    subscribeToPersistentSubscriptionToAll: ((name: string) => this.group(name).connect()) as KurrentClient['subscribeToPersistentSubscriptionToAll'],

    getPersistentSubscriptionToAllInfo: (async (name: string) => ({ stats: this.group(name).stats() })) as unknown as KurrentClient['getPersistentSubscriptionToAllInfo'],

    dispose: async () => undefined,
  };

  group(name: string): FakePersistentGroup {
    const group = this.groups.get(name);
    if (!group) throw new Error(`no persistent subscription group ${name}`);
    return group;
  }

  /** The server's check, made before it looks at the stream (the gRPC Streams.Append request loop). */
  private checkSize(events: readonly EventData[]): void {
    const maxAppendSize = this.limits.maxAppendSize ?? 1_048_576;
    const maxAppendEventSize = this.limits.maxAppendEventSize ?? Number.MAX_SAFE_INTEGER;
    let size = 0;
    for (const e of events) {
      const eventSize = bytesOf(e.data) + bytesOf(e.metadata) + 2 * e.type.length;
      if (eventSize > maxAppendEventSize) throw new UnknownError(undefined, 'Could not recognize MaximumAppendEventSizeExceeded');
      size += eventSize;
      if (size > maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(maxAppendSize);
    }
  }

  private appendChecked(streamId: string, events: readonly EventData[], state: AppendStreamState): KurrentAppendResult {
    const current = BigInt(this.stream(streamId).length) - 1n;
    const refuse = () =>
      new WrongExpectedVersionError(undefined, { streamName: streamId, expected: state, current: current < 0n ? 'no_stream' : current });
    if (state === 'stream_exists' && current < 0n) throw refuse();
    const expected = state === 'no_stream' ? -1n : typeof state === 'bigint' ? state : current;
    if (expected > current) throw refuse();
    if (expected < current) {
      const following = this.stream(streamId).filter((e) => e.revision > expected).slice(0, events.length);
      const same = following.length === events.length && following.every((e, i) => e.id === events[i].id);
      if (!same) throw refuse();
      const last = following[following.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    }
    this.write(streamId, events);
    const last = this.log[this.log.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }
}

/** What the client sends of data or metadata: bytes as given, anything else as JSON text. */
function bytesOf(value: unknown): number {
  if (value === undefined) return 0;
  return value instanceof Uint8Array ? value.length : Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function serverFilterAccepts(filter: Filter | undefined, e: { streamId: string; type: string }): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? e.streamId : e.type;
  return 'prefixes' in filter ? filter.prefixes.some((p) => subject.startsWith(p)) : new RegExp(filter.regex).test(subject);
}
