import { eventHash, GENESIS_HASH, type HashedContent } from './hash-chain';
import type { ProblemEntry, ProblemLog, StreamHead } from './verification-report';
import { positionToString, type Position, type RecordedEvent } from '../recorded-event';

/** Events waiting for a lower revision of their stream; past this many, the lower revision is declared removed. */
const PARK_LIMIT = 1_024;
/** Failed links kept per stream to pair a later failure with (a swap breaks two links). */
const SUSPECT_LIMIT = 8;

/** The fields two events can have exchanged; every non-empty subset is tried, smallest first. */
const SWAPPABLE = ['data', 'id', 'type', 'metadata', 'recordedAt'] as const;
type Swappable = (typeof SWAPPABLE)[number];
const SUBSETS: readonly (readonly Swappable[])[] = Array.from({ length: (1 << SWAPPABLE.length) - 1 }, (_, i) =>
  SWAPPABLE.filter((_f, bit) => ((i + 1) >> bit) & 1),
).sort((a, b) => a.length - b.length);

/** The last event checked in a stream. Mutable, and updated in place: one allocation per stream, not per event. */
interface Link {
  id: string;
  revision: number;
  position: Position;
  hash: string | null;
  recordedAt: string;
}

interface Suspect {
  readonly event: RecordedEvent;
  /** The hash its link was checked against. */
  readonly prevHash: string;
  readonly entry: ProblemEntry;
}

interface StreamState {
  next: number;
  prevHash: string;
  prev: Link | null;
  parked: Map<number, RecordedEvent> | null;
  suspects: Suspect[] | null;
}

/**
 * Checks every stream's hash chain while the global log streams past, keeping one small state per stream.
 * Each event is checked against the stored hash of the revision before it, so a changed event breaks only its own
 * link and is named alone. How breaks are classified:
 * - changed-content: the event's content does not give its stored hash and no exchange below explains it. If an
 *   intruder also rewrote that stored hash, the break shows one revision later (that event's link no longer fits),
 *   or, for a stream's last event, only as a checkpoint digest mismatch.
 * - removed-event: a revision never arrives (revisions may arrive early, since commit order can differ from
 *   revision order: they wait until the walk ends, or until PARK_LIMIT of them pile up). Names the stream and the
 *   first missing revision; the detail names the events on either side.
 * - reordered-event, backdated: an event whose link holds but which is recorded before the revision it follows (the
 *   append never lets recorded_at decrease along a stream, so it was written past it, with a hash made to fit).
 * - reordered-event: two broken links of one stream that exchanging the two events (whole, or some of their
 *   id/type/data/metadata/recordedAt) repairs: one problem naming both. Also an event (its link broken or not) that
 *   sits at a lower log position than the revision before it (a stream's positions grow with its revisions: each
 *   append takes its positions after the previous revision committed), and a revision seen twice. Longer
 *   permutations, or an exchange with rewritten hashes, stay changed-content, event by event.
 */
export class StreamChains {
  private readonly streams = new Map<string, StreamState>();

  constructor(private readonly problems: ProblemLog) {}

  get streamCount(): number {
    return this.streams.size;
  }

  accept(event: RecordedEvent): void {
    let s = this.streams.get(event.streamId);
    if (!s) {
      s = { next: 0, prevHash: GENESIS_HASH, prev: null, parked: null, suspects: null };
      this.streams.set(event.streamId, s);
    }
    if (event.revision < s.next || s.parked?.has(event.revision)) {
      this.problems.add(
        { ...named(event), kind: 'reordered-event', detail: `revision ${event.revision} occurs more than once in the stream` },
        event.position,
      );
      return;
    }
    if (event.revision > s.next) {
      (s.parked ??= new Map()).set(event.revision, event);
      if (s.parked.size > PARK_LIMIT) this.skipGap(s);
      return;
    }
    this.check(s, event);
    this.drain(s);
  }

  /** Each stream's last event checked, with its stored hash. */
  *heads(): Generator<StreamHead> {
    for (const [streamId, s] of this.streams) {
      if (s.prev) yield { streamId, revision: s.prev.revision, eventId: s.prev.id, hash: s.prev.hash };
    }
  }

  /** Revisions still missing at the end of the walk were removed. */
  finish(): void {
    for (const s of this.streams.values()) while (s.parked?.size) this.skipGap(s);
  }

  private drain(s: StreamState): void {
    let waiting = s.parked?.get(s.next);
    while (waiting && s.parked) {
      s.parked.delete(s.next);
      this.check(s, waiting);
      waiting = s.parked.get(s.next);
    }
  }

  private skipGap(s: StreamState): void {
    if (!s.parked?.size) return;
    const after = s.parked.get(Math.min(...s.parked.keys())) as RecordedEvent;
    s.parked.delete(after.revision);
    const missing = after.revision - s.next;
    const before = s.prev ? `revision ${s.prev.revision} (${s.prev.id} at ${positionToString(s.prev.position)})` : 'the stream start';
    this.problems.add(
      {
        kind: 'removed-event',
        streamId: after.streamId,
        revision: s.next,
        detail:
          `${missing === 1 ? `revision ${s.next} is` : `revisions ${s.next}..${after.revision - 1} are`} missing between ` +
          `${before} and revision ${after.revision} (${after.id} at ${positionToString(after.position)})`,
      },
      after.position,
    );
    // The link across the hole cannot be checked: the removed event's hash is gone. Resume from the stored hash.
    this.advance(s, after, after.hash ?? eventHash(after, s.prevHash));
    this.drain(s);
  }

  private check(s: StreamState, event: RecordedEvent): void {
    const computed = eventHash(event, s.prevHash);
    if (event.hash === null || computed === event.hash) {
      // The link holds, yet the event sits before the revision it follows: rows were moved in the log.
      if (s.prev !== null && event.position.prepare < s.prev.position.prepare) {
        this.problems.add(
          {
            ...named(event),
            kind: 'reordered-event',
            detail: `revision ${event.revision} sits before revision ${s.prev.revision} (${s.prev.id} at ${positionToString(s.prev.position)}) in the log: their positions were exchanged or moved`,
          },
          event.position,
        );
      } else if (s.prev !== null && Date.parse(event.recordedAt) < Date.parse(s.prev.recordedAt)) {
        // The append keeps recorded_at from decreasing along a stream (so asOf reads a prefix): an event recorded
        // before the revision it follows was written past the append (by the schema owner or a superuser since 009
        // took the application's INSERT away), backdated, its hash computed to fit.
        this.problems.add(
          {
            ...named(event),
            kind: 'reordered-event',
            detail: `revision ${event.revision} is recorded at ${event.recordedAt}, before revision ${s.prev.revision} (${s.prev.id}, ${s.prev.recordedAt}): backdated`,
          },
          event.position,
        );
      }
      this.advance(s, event, event.hash ?? computed);
      return;
    }
    if (this.explainAsExchange(s, event)) return;
    // Log positions of one stream grow with its revisions (each append takes its position after the previous
    // revision committed), so a lower position than the revision before it means rows were moved.
    const movedBack = s.prev !== null && event.position.prepare < s.prev.position.prepare;
    const entry = this.problems.add(
      movedBack
        ? { ...named(event), kind: 'reordered-event', detail: `revision ${event.revision} sits before revision ${s.prev?.revision} in the log and does not match its stored hash` }
        : {
            ...named(event),
            kind: 'changed-content',
            // A chain alone cannot tell this event changed from the one before it rewritten with its stored hash;
            // the stream's verification (proofs in the signed tree) can.
            detail:
              event.revision === 0
                ? `revision 0 does not match its stored hash`
                : `revision ${event.revision} does not match its stored hash chained from revision ${event.revision - 1}: it changed, or revision ` +
                  `${event.revision - 1} was rewritten together with its stored hash (verifying the stream alone, against the checkpoints, tells which)`,
          },
      event.position,
    );
    const suspects = (s.suspects ??= []);
    suspects.push({ event, prevHash: s.prevHash, entry });
    if (suspects.length > SUSPECT_LIMIT) suspects.shift();
    this.advance(s, event, event.hash);
  }

  /** Pairs a broken link with an earlier one of the same stream when exchanging the two events repairs both. */
  private explainAsExchange(s: StreamState, k: RecordedEvent): boolean {
    const suspects = s.suspects ?? [];
    for (let i = suspects.length - 1; i >= 0; i--) {
      const sp = suspects[i];
      const a = sp.event;
      const adjacent = k.revision === a.revision + 1;
      // Whole events moved (their revisions, or every other column, exchanged): each hash fits the other slot.
      if (
        eventHash({ ...k, revision: a.revision }, sp.prevHash) === k.hash &&
        eventHash({ ...a, revision: k.revision }, adjacent ? (k.hash as string) : s.prevHash) === a.hash
      ) {
        this.reclassify(sp, k, 'the two events were exchanged');
        suspects.splice(i, 1);
        // The slot after `a` was checked against the moved-in hash; against the hash of the event that belongs
        // there it may hold, and then its failure was only a consequence.
        if (!adjacent) this.recheckAfterExchange(suspects, a.revision + 1, k.hash as string);
        this.advance(s, k, a.hash as string);
        return true;
      }
      // Some fields exchanged between the two rows, hashes left in place.
      for (const fields of SUBSETS) {
        if (
          eventHash(withFields(a, k, fields), sp.prevHash) === a.hash &&
          eventHash(withFields(k, a, fields), s.prevHash) === k.hash
        ) {
          this.reclassify(sp, k, `their ${fields.join(', ')} were exchanged`);
          suspects.splice(i, 1);
          this.advance(s, k, k.hash as string);
          return true;
        }
      }
    }
    return false;
  }

  private recheckAfterExchange(suspects: Suspect[], revision: number, prevHash: string): void {
    const i = suspects.findIndex((z) => z.event.revision === revision);
    if (i >= 0 && eventHash(suspects[i].event, prevHash) === suspects[i].event.hash) {
      suspects[i].entry.dropped = true;
      suspects.splice(i, 1);
    }
  }

  private reclassify(sp: Suspect, k: RecordedEvent, how: string): void {
    const a = sp.event;
    sp.entry.problem = {
      ...named(a),
      kind: 'reordered-event',
      detail: `revision ${a.revision} (${a.id}) and revision ${k.revision} (${k.id} at ${positionToString(k.position)}): ${how}`,
    };
  }

  private advance(s: StreamState, event: RecordedEvent, hashForNext: string): void {
    s.next = event.revision + 1;
    s.prevHash = hashForNext;
    if (s.prev === null) {
      s.prev = { id: event.id, revision: event.revision, position: event.position, hash: event.hash, recordedAt: event.recordedAt };
    } else {
      s.prev.id = event.id;
      s.prev.revision = event.revision;
      s.prev.position = event.position;
      s.prev.hash = event.hash;
      s.prev.recordedAt = event.recordedAt;
    }
  }
}

function named(e: RecordedEvent): { streamId: string; revision: number; eventId: string; position: Position } {
  return { streamId: e.streamId, revision: e.revision, eventId: e.id, position: e.position };
}

function withFields(target: HashedContent, source: HashedContent, fields: readonly Swappable[]): HashedContent {
  const copy: Record<string, unknown> = { ...target };
  for (const f of fields) copy[f] = source[f];
  return copy as unknown as HashedContent;
}
