import { AUDIT_BUNDLE_FORMAT, type AuditBundle } from './audit-bundle';
import type { CheckpointPublicKey } from './checkpoint-signer';
import { inclusionProblem, signatureProblem } from './checkpoint-problems';
import { checkpointKeyRing, type CheckpointKeyRing } from './signed-checkpoint';
import { StreamChains } from './stream-chain';
import { checkpointSummary, type CheckpointSummary, type IntegrityProblem, ProblemLog } from './verification-report';
import { positionToString } from '../recorded-event';

/** What verifyBundle found: the same problems as a store verification, naming stream, revision and event. */
export interface BundleVerificationReport {
  readonly ok: boolean;
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly exportedAt: string;
  /** The checkpoint the bundle's events were proven against, as signed. */
  readonly checkpoint: CheckpointSummary;
  readonly trustedKeyIds: readonly string[];
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** Inclusion proofs that led to the checkpoint's signed merkle root. */
  readonly proofsVerified: number;
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
 * Verifies an audit bundle offline: pure, no database, no clock. Three checks, all always run:
 * (a) each stream's hash chain from revision 0, recomputed from the events' content (stream-chain.ts: a changed
 *     event, a missing revision, two events exchanged);
 * (b) each event's stored hash is in the checkpoint's Merkle tree, at its leaf index (RFC 6962 audit path);
 * (c) the checkpoint's signature holds under a trusted key, and it is a version 2 claim (only those sign a root).
 * (b) ties the events to the log the checkpoint signed, (c) ties that log to the signer; an event rewritten with a
 * fresh hash passes (a) and fails (b); a bundle re-signed by an intruder passes (b) and fails (c).
 */
export function verifyBundle(
  bundle: AuditBundle,
  trustedPublicKeys: readonly (CheckpointPublicKey | string)[] | CheckpointKeyRing,
  options: VerifyBundleOptions = {},
): BundleVerificationReport {
  if (bundle.format !== AUDIT_BUNDLE_FORMAT) throw new Error(`not an audit bundle of format ${AUDIT_BUNDLE_FORMAT}: ${String(bundle.format)}`);
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
  const root = cp.version === 2 ? cp.merkleRoot : undefined;
  if (root === undefined) {
    problems.add(
      { ...checkpointNamed, kind: 'checkpoint-mismatch', mismatched: ['merkleRoot'], detail: `${which} is a version 1 claim: it signs no merkle root, so no event can be proven in it` },
      cp.position,
    );
  }

  const chains = new StreamChains(problems);
  let eventsChecked = 0;
  let proofsVerified = 0;
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
      else proofsVerified += 1;
    }
  }
  chains.finish();

  const { problems: listed, firstProblem, omitted } = problems.finish(options.maxProblems ?? 1_000);
  return {
    ok: listed.length === 0 && omitted === 0,
    format: AUDIT_BUNDLE_FORMAT,
    exportedAt: bundle.exportedAt,
    checkpoint: checkpointSummary(cp),
    trustedKeyIds: [...keys.keys()],
    streamsChecked: chains.streamCount,
    eventsChecked,
    proofsVerified,
    ...(firstProblem ? { firstProblem } : {}),
    problems: listed,
    problemsOmitted: omitted,
  };
}
