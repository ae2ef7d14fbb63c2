import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_FORMAT_1, type AuditBundle, type AuditBundleFormat } from './audit-bundle';
import type { CheckpointPublicKey } from './checkpoint-signer';
import { inclusionProblem, signatureProblem } from './checkpoint-problems';
import { checkpointKeyRing, signsMerkleRoot, type CheckpointKeyRing, type SignedCheckpoint } from './signed-checkpoint';
import { StreamChains } from './stream-chain';
import { verifyStreamHead } from './stream-heads';
import { checkpointSummary, type CheckpointSummary, type IntegrityProblem, ProblemLog } from './verification-report';
import { comparePositions, positionToString, type RecordedEvent } from '../recorded-event';

/** What verifyBundle found: the same problems as a store verification, naming stream, revision and event. */
export interface BundleVerificationReport {
  readonly ok: boolean;
  readonly format: AuditBundleFormat;
  readonly exportedAt: string;
  /** The checkpoint the bundle's events were proven against, as signed. */
  readonly checkpoint: CheckpointSummary;
  readonly trustedKeyIds: readonly string[];
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** Inclusion proofs that led to the checkpoint's signed merkle root. */
  readonly proofsVerified: number;
  /** Streams whose last event in the bundle is the head the checkpoint signed (version 3): nothing of them is left out. */
  readonly headsVerified: number;
  readonly firstProblem?: IntegrityProblem;
  /** Event problems first, in log order; capped at `maxProblems` (see `problemsOmitted`). */
  readonly problems: readonly IntegrityProblem[];
  readonly problemsOmitted: number;
}

export interface VerifyBundleOptions {
  /** Problems listed in the report. Default 1000. */
  readonly maxProblems?: number;
}

/**
 * Verifies an audit bundle offline: pure, no database, no clock. Five checks, all always run:
 * (a) each stream's hash chain from revision 0, recomputed from the events' content (stream-chain.ts: a changed
 *     event, a missing revision, two events exchanged);
 * (b) each event's stored hash is in the checkpoint's Merkle tree, at its leaf index (RFC 6962 audit path);
 * (c) the checkpoint's signature holds under a trusted key, and it signs a root (version 2 or 3);
 * (d) version 3: each stream ends at the head the checkpoint signed (its proof in the signed heads root): a stream
 *     whose last events were left out, or deleted from the store before the export, is named with the revisions it
 *     lacks. A format 2 bundle needs a version 3 checkpoint; a format 1 bundle (before heads) is judged on (a)-(c);
 * (e) the proven events' positions follow their leaves, none after the checkpoint (positionsFollowTheLog).
 * (b) ties the events to the log the checkpoint signed, (c) ties that log to the signer; an event rewritten with a
 * fresh hash passes (a) and fails (b); a bundle re-signed by an intruder passes (b) and fails (c).
 */
export function verifyBundle(
  bundle: AuditBundle,
  trustedPublicKeys: readonly (CheckpointPublicKey | string)[] | CheckpointKeyRing,
  options: VerifyBundleOptions = {},
): BundleVerificationReport {
  if (bundle.format !== AUDIT_BUNDLE_FORMAT && bundle.format !== AUDIT_BUNDLE_FORMAT_1) {
    throw new Error(`not an audit bundle of format ${AUDIT_BUNDLE_FORMAT}: ${String(bundle.format)}`);
  }
  const keys = trustedPublicKeys instanceof Map ? trustedPublicKeys : checkpointKeyRing(trustedPublicKeys as readonly (CheckpointPublicKey | string)[]);
  const problems = new ProblemLog();
  const cp = bundle.checkpoint;
  const checkpointNamed = { ...(cp.id === undefined ? {} : { checkpointId: cp.id }), position: cp.position };
  const which = `checkpoint ${cp.id ?? '?'} at ${positionToString(cp.position)}`;

  const signature = signatureProblem(cp, keys);
  if (signature) problems.add(signature, cp.position);
  if (bundle.keyId !== cp.keyId) {
    problems.add({ ...checkpointNamed, kind: 'forged-checkpoint', detail: `the bundle names key ${bundle.keyId}, its checkpoint says it was signed by ${cp.keyId}` }, cp.position);
  }
  const root = signsMerkleRoot(cp) ? cp.merkleRoot : undefined;
  if (root === undefined) {
    problems.add(
      { ...checkpointNamed, kind: 'checkpoint-mismatch', mismatched: ['merkleRoot'], detail: `${which} is a version 1 claim: it signs no merkle root, so no event can be proven in it` },
      cp.position,
    );
  }
  if (bundle.format === AUDIT_BUNDLE_FORMAT && root !== undefined && cp.version !== 3) {
    problems.add(
      { ...checkpointNamed, kind: 'checkpoint-mismatch', mismatched: ['headsRoot'], detail: `${which} is a version 2 claim: it signs no stream heads, so the bundle cannot show it holds each stream to its end` },
      cp.position,
    );
  }

  const chains = new StreamChains(problems);
  let eventsChecked = 0;
  let proofsVerified = 0;
  let headsVerified = 0;
  // Proven events by leaf index: their positions (not hashed) must follow the log order the tree signs (e).
  const proven: { readonly leafIndex: number; readonly event: RecordedEvent }[] = [];
  for (const stream of bundle.streams) {
    for (const event of stream.events) {
      // The label is not hashed, the event's streamId is: a bundle relabelled to seem about another MRN says so here.
      if (event.streamId !== stream.streamId) {
        problems.add(
          {
            streamId: stream.streamId,
            revision: event.revision,
            eventId: event.id,
            position: event.position,
            kind: 'mislabelled-stream',
            detail: `the bundle lists event ${event.id} under ${stream.streamId}, but it is revision ${event.revision} of ${event.streamId}`,
          },
          event.position,
        );
      }
      chains.accept(event);
      eventsChecked += 1;
      if (root === undefined) continue;
      const proof = Object.prototype.hasOwnProperty.call(bundle.proofs, event.id) ? bundle.proofs[event.id] : undefined;
      const problem = inclusionProblem(event, proof, cp, root);
      // Found through the checkpoint: a chain problem of the same event, which says what changed, leads.
      if (problem) problems.add(problem, event.position, true);
      else {
        proofsVerified += 1;
        proven.push({ leafIndex: (proof as { leafIndex: number }).leafIndex, event });
      }
    }
    if (cp.version === 3 && headHolds(bundle, stream.streamId, stream.events, cp, (problem, at, lead) => problems.add(problem, at, !lead))) headsVerified += 1;
  }
  chains.finish();
  positionsFollowTheLog(proven, cp, problems);

  const { problems: listed, firstProblem, omitted } = problems.finish(options.maxProblems ?? 1_000);
  return {
    ok: listed.length === 0 && omitted === 0,
    format: bundle.format,
    exportedAt: bundle.exportedAt,
    checkpoint: checkpointSummary(cp),
    trustedKeyIds: [...keys.keys()],
    streamsChecked: chains.streamCount,
    eventsChecked,
    proofsVerified,
    headsVerified,
    ...(firstProblem ? { firstProblem } : {}),
    problems: listed,
    problemsOmitted: omitted,
  };
}

/**
 * (e) An event's position is not hashed: the tree proves where the event is in the log (its leaf), and the positions
 * the bundle gives must agree, each after the one before it in the tree and none after the checkpoint. A position
 * edited in the file (to make an event seem earlier or later than another, say before a decision) is named.
 */
function positionsFollowTheLog(proven: { readonly leafIndex: number; readonly event: RecordedEvent }[], cp: SignedCheckpoint, problems: ProblemLog): void {
  proven.sort((a, b) => a.leafIndex - b.leafIndex);
  for (let i = 0; i < proven.length; i++) {
    const { leafIndex, event } = proven[i];
    const previous = i > 0 ? proven[i - 1] : undefined;
    let detail: string | undefined;
    if (comparePositions(event.position, cp.position) > 0) {
      detail = `its position ${positionToString(event.position)} is after checkpoint ${cp.id ?? '?'} at ${positionToString(cp.position)}, whose tree holds it (leaf ${leafIndex})`;
    } else if (previous && comparePositions(previous.event.position, event.position) >= 0) {
      detail =
        `its position ${positionToString(event.position)} is not after ${positionToString(previous.event.position)}, that of event ${previous.event.id}, ` +
        `which the signed log holds before it (leaf ${previous.leafIndex} < ${leafIndex})`;
    }
    if (detail) problems.add({ streamId: event.streamId, revision: event.revision, eventId: event.id, position: event.position, kind: 'reordered-event', detail }, event.position, true);
  }
}

/**
 * Whether the stream's last event in the bundle is its head at the checkpoint, proven in the signed heads root;
 * when it is not, the problem is reported (a missing or failed head proof, revisions left out, another last event).
 * A stream with no event in the bundle passes unless the bundle proves a head for it: an absence is not provable.
 */
function headHolds(
  bundle: AuditBundle,
  streamId: string,
  events: readonly RecordedEvent[],
  cp: SignedCheckpoint,
  /** `lead`: revisions missing, named as surely as a gap in a chain; else found through the checkpoint, after the events' own problems. */
  report: (problem: IntegrityProblem, at: RecordedEvent['position'], lead?: boolean) => void,
): boolean {
  const last = events.reduce<RecordedEvent | null>((a, e) => (a === null || e.revision > a.revision ? e : a), null);
  const head = bundle.heads && Object.prototype.hasOwnProperty.call(bundle.heads, streamId) ? bundle.heads[streamId] : undefined;
  const at = last?.position ?? cp.position;
  const named = last ? { streamId, revision: last.revision, eventId: last.id, position: last.position } : { streamId };
  if (!head) {
    if (!last) return false;
    report({ ...named, kind: 'not-in-checkpoint', detail: `the bundle proves no head of ${streamId}: nothing shows that the stream ends at revision ${last.revision}` }, at);
    return false;
  }
  if (!verifyStreamHead(streamId, head, cp.streamCount as number, cp.headsRoot as string)) {
    report(
      { ...named, kind: 'not-in-checkpoint', detail: `the head of ${streamId} the bundle gives (revision ${head.revision}) is not at leaf ${head.leafIndex} of the heads tree checkpoint ${cp.id ?? '?'} signed` },
      at,
    );
    return false;
  }
  const lastRevision = last?.revision ?? -1;
  if (head.revision > lastRevision) {
    const missing = head.revision === lastRevision + 1 ? `revision ${head.revision} is` : `revisions ${lastRevision + 1}..${head.revision} are`;
    report(
      {
        streamId,
        revision: lastRevision + 1,
        position: at,
        kind: 'removed-event',
        detail: `${missing} missing from the bundle: checkpoint ${cp.id ?? '?'} signed revision ${head.revision} (hash ${head.hash}) as the head of ${streamId}`,
      },
      at,
      true,
    );
    return false;
  }
  if (last && (head.revision < last.revision || head.hash !== last.hash)) {
    report(
      {
        ...named,
        kind: 'not-in-checkpoint',
        detail: `revision ${last.revision} is not the head of ${streamId} checkpoint ${cp.id ?? '?'} signed (revision ${head.revision}, hash ${head.hash})`,
      },
      at,
    );
    return false;
  }
  return true;
}
