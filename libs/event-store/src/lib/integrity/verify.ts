import type { CheckpointPublicKey } from './checkpoint-signer';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { LogDigest } from './log-digest';
import { MerkleFrontier } from './merkle-log';
import { signatureProblem } from './checkpoint-problems';
import {
  checkpointKeyRing,
  signsMerkleRoot,
  storedFrontierOf,
  type CheckpointKeyRing,
  type StoredCheckpoint,
} from './signed-checkpoint';
import { StreamChains } from './stream-chain';
import { StreamHeads } from './stream-heads';
import { StreamInclusion, type StreamInclusionInput } from './stream-inclusion';
import { UncoveredTail, type CoverageRule } from './uncovered-tail';

export type { CoverageRule } from './uncovered-tail';
export type { StreamEventProof, StreamInclusionInput } from './stream-inclusion';
import {
  checkpointSummary,
  type CheckedCheckpoint,
  type CheckpointSummary,
  type CheckpointValue,
  type CheckpointVerdict,
  type LogHead,
  ProblemLog,
  type VerificationReport,
} from './verification-report';
import { comparePositions, positionToString, START, type Position, type RecordedEvent } from '../recorded-event';

export interface VerifyEventsOptions {
  /** Trusted checkpoint keys: loaded keys, PEM texts, or a ready key ring. */
  readonly publicKeys?: readonly (CheckpointPublicKey | string)[] | CheckpointKeyRing;
  /**
   * Signed checkpoints in position order. Compared only in 'log' scope. A stored Merkle frontier, when there is
   * one, is used only to resume the tree after a checkpoint the log disagrees with.
   */
  readonly checkpoints?: Iterable<StoredCheckpoint> | AsyncIterable<StoredCheckpoint>;
  /**
   * 'log' (default): `events` is the whole global log in (commit, prepare) order, and every checkpoint is compared.
   * 'streams': `events` holds some streams only, in any order; only their hash chains and revisions are checked,
   * so a removed last event of a stream goes unseen (only a checkpoint can show it).
   */
  readonly scope?: 'log' | 'streams';
  /**
   * Scope 'log': every event recorded more than `maxUncoveredMs` before `at` must lie under a checkpoint whose
   * signature holds, else `uncovered-events`. Checkpoints count from the start of the log, so rewriting any event
   * unseen means removing every checkpoint after it: the log's tail then stays uncovered for longer than the
   * checkpointer ever leaves it. Absent: not checked (a log given without its checkpoints).
   */
  readonly coverage?: CoverageRule;
  /**
   * Scope 'streams': the checkpoint to tie the events to, with the store's proofs (stream-inclusion.ts). Each event
   * it covers must be proven in its signed tree (`not-in-checkpoint`); the rest are the uncovered tail, which
   * `coverage` judges. Absent: chains only.
   */
  readonly inclusion?: StreamInclusionInput;
  /** Problems listed in the report; the rest are counted in `problemsOmitted`. Default 1000. */
  readonly maxProblems?: number;
  /** Checkpoints listed in the report (the latest ones); the rest are counted in `checkpointsOmitted`. Default 10,000. */
  readonly maxCheckpoints?: number;
}

/**
 * Verifies events and checkpoints in one streaming pass, holding one small state per stream and nothing per event.
 * (a) Streams: each event's hash is recomputed from its content and the stored hash of the revision before it;
 * revisions must run 0..n without gaps (stream-chain.ts classifies changed, removed and exchanged events).
 * (b) The log: the running digest and the Merkle tree over the stored hashes in log order must give each
 * checkpoint's count and digest (and, version 2, its merkle root; version 3, its stream count and heads root), and
 * each checkpoint's signature must verify with the trusted key its key id names.
 */
export async function verifyEvents(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  options: VerifyEventsOptions = {},
): Promise<VerificationReport> {
  return verifyEventPages(Symbol.asyncIterator in events ? asyncPages(events) : syncPages(events), options);
}

function withoutCheckpointAge(rule: CoverageRule): CoverageRule {
  return { at: rule.at, maxUncoveredMs: rule.maxUncoveredMs };
}

/**
 * verifyEvents over pages of events, as a store reads them: the walk awaits once per page (and once per checkpoint),
 * not once per event, which on a log of millions is a good part of the cost.
 */
export async function verifyEventPages(
  pages: Iterable<readonly RecordedEvent[]> | AsyncIterable<readonly RecordedEvent[]>,
  options: VerifyEventsOptions = {},
): Promise<VerificationReport> {
  const problems = new ProblemLog();
  const chains = new StreamChains(problems);
  const scope = options.scope ?? 'log';
  const keys = keyRingOf(options.publicKeys);
  const log = new LogWalk(problems, keys, scope === 'log' ? options.checkpoints : undefined, options.maxCheckpoints ?? 10_000);
  const inclusion = scope === 'streams' && options.inclusion ? new StreamInclusion(problems, keys, options.inclusion) : null;
  let eventsChecked = 0;
  let previous: Position | null = null;

  for await (const page of pages) {
    for (const event of page) {
      if (scope === 'log') {
        if (previous && comparePositions(previous, event.position) >= 0) {
          throw new Error(`events must arrive in log order: ${positionToString(event.position)} after ${positionToString(previous)}`);
        }
        previous = event.position;
        if (log.hasCheckpointsBefore(event.position)) await log.checkpointsBefore(event.position);
        // An adapter that stores no hash is digested by its content alone; PostgreSQL always stores one.
        log.add(event.hash ?? eventHash(event, GENESIS_HASH), event);
      }
      chains.accept(event);
      inclusion?.accept(event);
      eventsChecked += 1;
    }
  }
  await log.checkpointsBefore(null);
  chains.finish();
  inclusion?.explainBrokenLinks();
  const tail = scope === 'log' ? log.tail : inclusion?.tail;
  // The heartbeat rule is the whole log's: the checkpoints tying some streams' events are not the store's newest.
  const rule = options.coverage && scope === 'streams' ? withoutCheckpointAge(options.coverage) : options.coverage;
  const coverage = tail && rule ? tail.finish(rule, problems) : undefined;

  const { problems: listed, firstProblem, omitted } = problems.finish(options.maxProblems ?? 1_000);
  const logHead = scope === 'log' && previous ? log.head(previous) : undefined;
  return {
    ok: listed.length === 0 && omitted === 0,
    scope,
    trustedKeyIds: [...keys.keys()],
    eventsChecked,
    streamsChecked: chains.streamCount,
    checkpointsChecked: inclusion ? inclusion.checkpointCount : log.checked,
    lastCheckpoint: inclusion ? inclusion.lastGood() : log.lastGood,
    checkpoints: inclusion ? inclusion.checked() : log.listed,
    checkpointsOmitted: log.omitted,
    ...(logHead ? { logHead } : {}),
    ...(coverage ? { coverage } : {}),
    ...(scope === 'streams' ? { streamHeads: [...chains.heads()] } : {}),
    ...(inclusion ? { proofsVerified: inclusion.proofsVerified } : {}),
    ...(firstProblem ? { firstProblem } : {}),
    problems: listed,
    problemsOmitted: omitted,
  };
}

const PAGE = 1_000;

function* syncPages(events: Iterable<RecordedEvent>): Generator<RecordedEvent[]> {
  if (Array.isArray(events)) {
    yield events;
    return;
  }
  let page: RecordedEvent[] = [];
  for (const e of events) {
    page.push(e);
    if (page.length === PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

async function* asyncPages(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent[]> {
  let page: RecordedEvent[] = [];
  for await (const e of events) {
    page.push(e);
    if (page.length === PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function keyRingOf(keys: VerifyEventsOptions['publicKeys']): CheckpointKeyRing {
  if (!keys) return new Map();
  return keys instanceof Map ? keys : checkpointKeyRing(keys as readonly (CheckpointPublicKey | string)[]);
}

/** The global-log half: running digest, Merkle tree, and checkpoints compared as the walk passes their positions. */
class LogWalk {
  private readonly digest = new LogDigest();
  /** Null once a mismatch left no trusted frontier to resume from: later merkle roots cannot be compared. */
  private merkle: MerkleFrontier | null = MerkleFrontier.empty();
  /**
   * Every stream's last event so far (stream-heads.ts), for version 3 heads roots. Null after a mismatch: the heads a
   * checkpoint signed are not stored with it, so the walk cannot resume from them, and a stream whose head was
   * removed would fail every later checkpoint's heads for one removal (the digest still judges each stretch).
   */
  private heads: StreamHeads | null = new StreamHeads(false);
  checked = 0;
  lastGood: CheckpointSummary | null = null;
  readonly listed: CheckedCheckpoint[] = [];
  omitted = 0;
  /** Where the last trusted checkpoint ended: a mismatch lies between it and the checkpoint that shows it. */
  private trustedUpTo: Position = START;
  /** Set by the first mismatch: later checkpoints are judged from a reset digest, so none of them is an anchor. */
  private diverged = false;
  private readonly pending: Iterator<StoredCheckpoint> | AsyncIterator<StoredCheckpoint> | null;
  private next: StoredCheckpoint | null | undefined;
  /** Events after the last checkpoint whose signature held. */
  readonly tail = new UncoveredTail();

  constructor(
    private readonly problems: ProblemLog,
    private readonly keys: CheckpointKeyRing,
    checkpoints: Iterable<StoredCheckpoint> | AsyncIterable<StoredCheckpoint> | undefined,
    private readonly maxListed: number,
  ) {
    if (!checkpoints) this.pending = null;
    else this.pending = Symbol.asyncIterator in checkpoints ? checkpoints[Symbol.asyncIterator]() : checkpoints[Symbol.iterator]();
    this.next = this.pending ? undefined : null;
  }

  add(eventHash: string, event: RecordedEvent): void {
    this.digest.add(eventHash);
    this.merkle?.append(eventHash);
    this.heads?.set(event.streamId, event.revision, eventHash);
    this.tail.add(event);
  }

  /** Where the walk ended, unless a checkpoint mismatched: then the running values are the checkpoints', not the log's. */
  head(position: Position): LogHead | undefined {
    if (this.diverged || !this.merkle) return undefined;
    return { position, eventCount: this.digest.eventCount, digest: this.digest.digest, merkleRoot: this.merkle.root() };
  }

  /** Whether a checkpoint may lie before `position`: only then is there anything to compare (or to fetch). */
  hasCheckpointsBefore(position: Position): boolean {
    return this.next === undefined || (this.next !== null && comparePositions(this.next.position, position) < 0);
  }

  /** Compares every checkpoint strictly before `position` (all remaining ones when null): the events they cover are in. */
  async checkpointsBefore(position: Position | null): Promise<void> {
    for (;;) {
      if (this.next === undefined) {
        const r = await (this.pending as AsyncIterator<StoredCheckpoint>).next();
        this.next = r.done ? null : r.value;
      }
      const cp = this.next;
      if (!cp || (position && comparePositions(cp.position, position) >= 0)) return;
      this.next = undefined;
      this.list(cp, this.compare(cp));
    }
  }

  private list(cp: StoredCheckpoint, verdict: CheckpointVerdict): void {
    this.listed.push({ ...checkpointSummary(cp), verdict });
    if (this.listed.length > this.maxListed) {
      this.listed.shift();
      this.omitted += 1;
    }
  }

  private compare(cp: StoredCheckpoint): CheckpointVerdict {
    this.checked += 1;
    const named = { ...(cp.id === undefined ? {} : { checkpointId: cp.id }), position: cp.position };
    const which = `checkpoint ${cp.id ?? '?'} at ${positionToString(cp.position)}`;
    // An unauthenticated checkpoint asserts nothing: it is reported and neither compared nor trusted as a base.
    const signature = signatureProblem(cp, this.keys);
    if (signature) {
      this.problems.add(signature, cp.position);
      return signature.kind === 'unknown-key' ? 'unknown-key' : 'forged';
    }
    // Authentic: it covers the log up to it, whether the log still agrees with it or not (a mismatch is its own problem).
    this.tail.coveredBy(cp);
    const count = this.digest.eventCount;
    const mismatched: CheckpointValue[] = [];
    if (count !== cp.eventCount) mismatched.push('eventCount');
    if (this.digest.digest !== cp.digest) mismatched.push('digest');
    if (signsMerkleRoot(cp) && this.merkle && this.merkle.root() !== cp.merkleRoot) mismatched.push('merkleRoot');
    if (cp.version === 3 && this.heads) {
      if (this.heads.size !== cp.streamCount) mismatched.push('streamCount');
      if (this.heads.root() !== cp.headsRoot) mismatched.push('headsRoot');
    }
    if (mismatched.length > 0) {
      const range = { after: this.trustedUpTo, upTo: cp.position };
      const where = `between ${positionToString(range.after)} (exclusive) and ${positionToString(range.upTo)}`;
      const [kind, detail] =
        count < cp.eventCount
          ? (['removed-event', `${cp.eventCount - count} event(s) ${where} are missing: ${which} covers ${cp.eventCount}, the log holds ${count}`] as const)
          : count > cp.eventCount
            ? (['checkpoint-mismatch', `${count - cp.eventCount} event(s) more ${where} than ${which} covers (inserted, or moved in the log)`] as const)
            : mismatched.includes('digest')
              ? (['checkpoint-mismatch', `the digest ${where} differs from ${which}: events were changed together with their hashes, or reordered`] as const)
              : mismatched.includes('merkleRoot')
                ? (['checkpoint-mismatch', `the merkle root of the log up to ${which} differs from the one it signed, though its count and digest match: it was signed over another tree`] as const)
                : (['checkpoint-mismatch', `the stream heads of the log up to ${which} differ from the ones it signed (${mismatched.join(', ')}), though its count, digest and merkle root match: it was signed over other heads`] as const);
      this.problems.add({ ...named, kind, range, mismatched, detail }, cp.position, true);
      this.diverged = true;
      this.heads = null;
      if (mismatched.includes('eventCount') || mismatched.includes('digest')) {
        // Continue from the checkpoint's signed values, so later checkpoints judge only their own stretch. The tree
        // resumes from the checkpoint's stored frontier when it folds into the signed root; without one, later
        // roots cannot be compared (the digest still covers every stretch).
        this.digest.reset(cp.digest, cp.eventCount);
        this.merkle = storedFrontierOf(cp);
      }
      this.trustedUpTo = cp.position;
      return 'mismatched';
    }
    if (!this.diverged) this.lastGood = checkpointSummary(cp);
    this.trustedUpTo = cp.position;
    return 'matched';
  }
}
