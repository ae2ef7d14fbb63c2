import type { CheckpointPublicKey } from './checkpoint-signer';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { LogDigest } from './log-digest';
import { checkCheckpointSignature, checkpointKeyRing, type CheckpointKeyRing, type SignedCheckpoint } from './signed-checkpoint';
import { StreamChains } from './stream-chain';
import { type CheckpointSummary, ProblemLog, type VerificationReport } from './verification-report';
import { comparePositions, positionToString, START, type Position, type RecordedEvent } from '../recorded-event';

export interface VerifyEventsOptions {
  /** Trusted checkpoint keys: loaded keys, PEM texts, or a ready key ring. */
  readonly publicKeys?: readonly (CheckpointPublicKey | string)[] | CheckpointKeyRing;
  /** Signed checkpoints in position order. Compared only in 'log' scope. */
  readonly checkpoints?: Iterable<SignedCheckpoint> | AsyncIterable<SignedCheckpoint>;
  /**
   * 'log' (default): `events` is the whole global log in (commit, prepare) order, and every checkpoint is compared.
   * 'streams': `events` holds some streams only, in any order; only their hash chains and revisions are checked,
   * so a removed last event of a stream goes unseen (only a checkpoint can show it).
   */
  readonly scope?: 'log' | 'streams';
  /** Problems listed in the report; the rest are counted in `problemsOmitted`. Default 1000. */
  readonly maxProblems?: number;
}

/**
 * Verifies events and checkpoints in one streaming pass, holding one small state per stream and nothing per event.
 * (a) Streams: each event's hash is recomputed from its content and the stored hash of the revision before it;
 * revisions must run 0..n without gaps (stream-chain.ts classifies changed, removed and exchanged events).
 * (b) The log: the running digest over the stored hashes in log order must equal each checkpoint's digest and
 * count, and each checkpoint's signature must verify with the trusted key its key id names.
 */
export async function verifyEvents(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  options: VerifyEventsOptions = {},
): Promise<VerificationReport> {
  const problems = new ProblemLog();
  const chains = new StreamChains(problems);
  const scope = options.scope ?? 'log';
  const log = new LogWalk(problems, keyRingOf(options.publicKeys), scope === 'log' ? options.checkpoints : undefined);
  let eventsChecked = 0;
  let previous: Position | null = null;

  for await (const event of events) {
    if (scope === 'log') {
      if (previous && comparePositions(previous, event.position) >= 0) {
        throw new Error(`events must arrive in log order: ${positionToString(event.position)} after ${positionToString(previous)}`);
      }
      previous = event.position;
      await log.checkpointsBefore(event.position);
      // An adapter that stores no hash is digested by its content alone; PostgreSQL always stores one.
      log.digest.add(event.hash ?? eventHash(event, GENESIS_HASH));
    }
    chains.accept(event);
    eventsChecked += 1;
  }
  await log.checkpointsBefore(null);
  chains.finish();

  const { problems: listed, firstProblem, omitted } = problems.finish(options.maxProblems ?? 1_000);
  return {
    ok: listed.length === 0 && omitted === 0,
    eventsChecked,
    streamsChecked: chains.streamCount,
    checkpointsChecked: log.checked,
    lastCheckpoint: log.lastGood,
    ...(firstProblem ? { firstProblem } : {}),
    problems: listed,
    problemsOmitted: omitted,
  };
}

function keyRingOf(keys: VerifyEventsOptions['publicKeys']): CheckpointKeyRing {
  if (!keys) return new Map();
  return keys instanceof Map ? keys : checkpointKeyRing(keys as readonly (CheckpointPublicKey | string)[]);
}

/** The global-log half: running digest, and checkpoints compared as the walk passes their positions. */
class LogWalk {
  readonly digest = new LogDigest();
  checked = 0;
  lastGood: CheckpointSummary | null = null;
  /** Where the last trusted checkpoint ended: a mismatch lies between it and the checkpoint that shows it. */
  private trustedUpTo: Position = START;
  /** Set by the first mismatch: later checkpoints are judged from a reset digest, so none of them is an anchor. */
  private diverged = false;
  private readonly pending: Iterator<SignedCheckpoint> | AsyncIterator<SignedCheckpoint> | null;
  private next: SignedCheckpoint | null | undefined;

  constructor(
    private readonly problems: ProblemLog,
    private readonly keys: CheckpointKeyRing,
    checkpoints: Iterable<SignedCheckpoint> | AsyncIterable<SignedCheckpoint> | undefined,
  ) {
    if (!checkpoints) this.pending = null;
    else this.pending = Symbol.asyncIterator in checkpoints ? checkpoints[Symbol.asyncIterator]() : checkpoints[Symbol.iterator]();
    this.next = this.pending ? undefined : null;
  }

  /** Compares every checkpoint strictly before `position` (all remaining ones when null): the events they cover are in. */
  async checkpointsBefore(position: Position | null): Promise<void> {
    for (;;) {
      if (this.next === undefined) {
        const r = await (this.pending as AsyncIterator<SignedCheckpoint>).next();
        this.next = r.done ? null : r.value;
      }
      const cp = this.next;
      if (!cp || (position && comparePositions(cp.position, position) >= 0)) return;
      this.next = undefined;
      this.compare(cp);
    }
  }

  private compare(cp: SignedCheckpoint): void {
    this.checked += 1;
    const named = { ...(cp.id === undefined ? {} : { checkpointId: cp.id }), position: cp.position };
    const which = `checkpoint ${cp.id ?? '?'} at ${positionToString(cp.position)}`;
    const signature = checkCheckpointSignature(cp, this.keys);
    // An unauthenticated checkpoint asserts nothing: it is reported and neither compared nor trusted as a base.
    if (signature === 'unknown-key') {
      this.problems.add({ ...named, kind: 'unknown-key', detail: `${which} is signed by key ${cp.keyId}, which is not trusted` }, cp.position);
      return;
    }
    if (signature === 'forged') {
      this.problems.add(
        { ...named, kind: 'forged-checkpoint', detail: `${which}: the signature does not verify with key ${cp.keyId} (fields changed, or signed by another key)` },
        cp.position,
      );
      return;
    }
    const count = this.digest.eventCount;
    if (count !== cp.eventCount || this.digest.digest !== cp.digest) {
      const range = { after: this.trustedUpTo, upTo: cp.position };
      const where = `between ${positionToString(range.after)} (exclusive) and ${positionToString(range.upTo)}`;
      const [kind, detail] =
        count < cp.eventCount
          ? (['removed-event', `${cp.eventCount - count} event(s) ${where} are missing: ${which} covers ${cp.eventCount}, the log holds ${count}`] as const)
          : count > cp.eventCount
            ? (['checkpoint-mismatch', `${count - cp.eventCount} event(s) more ${where} than ${which} covers (inserted, or moved in the log)`] as const)
            : (['checkpoint-mismatch', `the digest ${where} differs from ${which}: events were changed together with their hashes, or reordered`] as const);
      this.problems.add({ ...named, kind, range, detail }, cp.position, true);
      this.diverged = true;
      // Continue from the checkpoint's signed values, so later checkpoints judge only their own stretch.
      this.digest.reset(cp.digest, cp.eventCount);
    } else if (!this.diverged) {
      this.lastGood = {
        ...(cp.id === undefined ? {} : { id: cp.id }),
        position: cp.position,
        eventCount: cp.eventCount,
        digest: cp.digest,
        keyId: cp.keyId,
        createdAt: cp.createdAt,
      };
    }
    this.trustedUpTo = cp.position;
  }
}
