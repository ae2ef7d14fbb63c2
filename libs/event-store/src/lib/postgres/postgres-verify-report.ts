import type { Pool, PoolClient } from 'pg';
import type { CheckpointPublicKey } from '../integrity/checkpoint-signer';
import { checkpointSigningPayload, type SignedCheckpoint } from '../integrity/signed-checkpoint';
import {
  checkpointSummary,
  type CheckpointSummary,
  type IntegrityProblem,
  type LogHead,
  type StreamHead,
  type VerificationReport,
} from '../integrity/verification-report';
import { verifyEventPages } from '../integrity/verify';
import { comparePositions, positionToString } from '../recorded-event';
import { logEventPages, storedCheckpoints, streamEventPages } from './postgres-integrity-reads';

export interface VerifyReportOptions {
  /** Trusted checkpoint keys: the report's checkpoints must verify with them, as they did when it was made. */
  readonly publicKeys: readonly (CheckpointPublicKey | string)[];
  /** Rows per query. Default 10,000. */
  readonly batchSize?: number;
  /** Problems listed. Default 1000. */
  readonly maxProblems?: number;
}

/** What checking an earlier report against the store found. */
export interface ReportRecheck {
  readonly ok: boolean;
  readonly scope: VerificationReport['scope'];
  /** The report's checkpoints looked up among the store's. */
  readonly checkpointsCompared: number;
  /** The report's checkpoints whose claims were checked against the log again. */
  readonly checkpointsReplayed: number;
  readonly eventsChecked: number;
  readonly firstProblem?: IntegrityProblem;
  readonly problems: readonly IntegrityProblem[];
  readonly problemsOmitted: number;
}

/**
 * Checks a report made earlier (verifyStore, then kept as JSON) against the store now, in one REPEATABLE READ
 * snapshot: "the store has not been rewritten since".
 * - Scope 'log': every checkpoint the report names still exists with the same claim and signature; the log, read
 *   again up to where the report ended, still gives every checkpoint the report found matching (count, digest,
 *   merkle root; signatures under the trusted keys), still holds content that gives its hashes, and still gives the
 *   report's unsigned head (the events after its last checkpoint). The report's own checkpoints are replayed, not
 *   the store's: a row deleted or re-signed since cannot hide a change.
 * - Scope 'streams': each stream, up to the report's head revision, still chains, and its head event still has the
 *   hash the report recorded.
 * A report that found problems cannot come out ok: the store still has them.
 */
export async function verifyReportAgainstStore(pool: Pool, report: VerificationReport, options: VerifyReportOptions): Promise<ReportRecheck> {
  const batchSize = options.batchSize ?? 10_000;
  const maxProblems = options.maxProblems ?? 1_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const outcome =
      report.scope === 'streams'
        ? await recheckStreams(client, report, batchSize, maxProblems)
        : await recheckLog(client, report, options.publicKeys, batchSize, maxProblems);
    await client.query('COMMIT');
    return outcome;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

const keyOf = (c: SignedCheckpoint) => c.id ?? `${positionToString(c.position)}|${c.keyId}`;
const byPosition = (a: SignedCheckpoint, b: SignedCheckpoint) => comparePositions(a.position, b.position) || keyOf(a).localeCompare(keyOf(b));

async function recheckLog(
  client: PoolClient,
  report: VerificationReport,
  publicKeys: readonly (CheckpointPublicKey | string)[],
  batchSize: number,
  maxProblems: number,
): Promise<ReportRecheck> {
  // A checkpoint the report names twice (in its list and as its anchor) is checked as each copy says: one copy edited
  // must not be hidden behind the other.
  const named = new Map<string, CheckpointSummary[]>();
  for (const c of report.checkpoints) nameIn(named, c);
  if (report.lastCheckpoint) nameIn(named, report.lastCheckpoint);
  const rowProblems = await compareRows(client, named, batchSize);

  // What the report vouched for: checkpoints it found matching, and its anchor.
  const vouched = new Map<string, CheckpointSummary[]>();
  for (const c of report.checkpoints) if (c.verdict === 'matched') nameIn(vouched, c);
  if (report.lastCheckpoint) nameIn(vouched, report.lastCheckpoint);
  const replayed = [...vouched.values()].flat().sort(byPosition);
  const end = report.logHead?.position ?? replayed[replayed.length - 1]?.position;
  if (!end) return finish(report.scope, named.size, 0, 0, [], rowProblems, maxProblems);

  const walk = await verifyEventPages(logEventPages(client, { upTo: end }, batchSize), { checkpoints: replayed, publicKeys, maxProblems });
  const headProblems = report.logHead ? compareLogHead(report.logHead, walk) : [];
  return finish(report.scope, named.size, replayed.length, walk.eventsChecked, walk.problems, [...rowProblems, ...headProblems], maxProblems, walk);
}

/** Adds a checkpoint the report names under its key, unless the same copy is there already. */
function nameIn(named: Map<string, CheckpointSummary[]>, c: SignedCheckpoint): void {
  const copies = named.get(keyOf(c)) ?? [];
  if (!copies.some((k) => changedFields(k, c).length === 0)) copies.push(checkpointSummary(c));
  named.set(keyOf(c), copies);
}

/** Every named checkpoint must still be in the store as it was: one pass over the checkpoint rows. */
async function compareRows(client: PoolClient, named: ReadonlyMap<string, readonly CheckpointSummary[]>, batchSize: number): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  const seen = new Set<string>();
  for await (const row of storedCheckpoints(client, batchSize)) {
    const key = named.has(row.id as string) ? (row.id as string) : keyOf({ ...row, id: undefined });
    const copies = named.get(key);
    if (!copies) continue;
    seen.add(key);
    for (const kept of copies) {
      const differs = changedFields(kept, row);
      if (differs.length === 0) continue;
      problems.push({
        kind: 'changed-checkpoint',
        ...(row.id === undefined ? {} : { checkpointId: row.id }),
        position: kept.position,
        detail: `checkpoint ${row.id} at ${positionToString(kept.position)} is no longer the one the report names: its ${differs.join(', ')} changed`,
      });
    }
  }
  for (const [key, [kept]] of named) {
    if (seen.has(key)) continue;
    problems.push({
      kind: 'missing-checkpoint',
      ...(kept.id === undefined ? {} : { checkpointId: kept.id }),
      position: kept.position,
      detail: `checkpoint ${kept.id ?? '?'} at ${positionToString(kept.position)}, which the report names, is no longer in the store`,
    });
  }
  return problems;
}

function changedFields(kept: SignedCheckpoint, now: SignedCheckpoint): string[] {
  const fields: string[] = [];
  if (comparePositions(kept.position, now.position) !== 0) fields.push('position');
  if (kept.eventCount !== now.eventCount) fields.push('event count');
  if (kept.digest !== now.digest) fields.push('digest');
  if ((kept.version ?? 1) !== (now.version ?? 1)) fields.push('claim version');
  if (kept.merkleRoot !== now.merkleRoot) fields.push('merkle root');
  if (kept.streamCount !== now.streamCount) fields.push('stream count');
  if (kept.headsRoot !== now.headsRoot) fields.push('heads root');
  if (kept.keyId !== now.keyId) fields.push('key id');
  if (kept.createdAt !== now.createdAt) fields.push('creation date');
  if (kept.signature !== now.signature) fields.push('signature');
  // Anything else the signed bytes could differ in.
  if (fields.length === 0 && safePayload(kept) !== safePayload(now)) fields.push('signed claim');
  return fields;
}

function safePayload(c: SignedCheckpoint): string {
  try {
    return checkpointSigningPayload(c);
  } catch {
    return `unsignable ${keyOf(c)}`;
  }
}

function compareLogHead(head: LogHead, walk: VerificationReport): IntegrityProblem[] {
  const now = walk.logHead;
  // A checkpoint of the report mismatching already says more, and leaves no head to compare.
  if (!now) return [];
  const mismatched = [
    ...(now.eventCount !== head.eventCount ? (['eventCount'] as const) : []),
    ...(now.digest !== head.digest ? (['digest'] as const) : []),
    ...(now.merkleRoot !== head.merkleRoot ? (['merkleRoot'] as const) : []),
  ];
  if (mismatched.length === 0 && comparePositions(now.position, head.position) === 0) return [];
  const where = `the log up to ${positionToString(head.position)}, where the report ended`;
  return [
    {
      kind: now.eventCount < head.eventCount ? 'removed-event' : 'report-mismatch',
      position: head.position,
      mismatched,
      detail:
        now.eventCount < head.eventCount
          ? `${head.eventCount - now.eventCount} event(s) of ${where} are missing: the report counted ${head.eventCount}, the log holds ${now.eventCount}`
          : `${where} no longer gives the report's ${mismatched.join(', ') || 'last position'} (unsigned: the events after its last checkpoint changed)`,
    },
  ];
}

async function recheckStreams(client: PoolClient, report: VerificationReport, batchSize: number, maxProblems: number): Promise<ReportRecheck> {
  const problems: IntegrityProblem[] = [];
  const headProblems: IntegrityProblem[] = [];
  let eventsChecked = 0;
  for (const head of report.streamHeads ?? []) {
    const walk = await verifyEventPages(streamEventPages(client, head.streamId, batchSize, head.revision), { scope: 'streams', maxProblems });
    eventsChecked += walk.eventsChecked;
    problems.push(...walk.problems);
    const now = walk.streamHeads?.[0];
    const problem = compareStreamHead(head, now);
    if (problem) headProblems.push(problem);
  }
  return finish(report.scope, 0, 0, eventsChecked, problems, headProblems, maxProblems);
}

function compareStreamHead(head: StreamHead, now: StreamHead | undefined): IntegrityProblem | null {
  const named = { streamId: head.streamId, revision: head.revision, eventId: head.eventId };
  if (!now || now.revision < head.revision) {
    return {
      ...named,
      kind: 'removed-event',
      detail: `the report saw revision ${head.revision}; the stream now ends at ${now ? `revision ${now.revision}` : 'nothing'}`,
    };
  }
  if (now.eventId !== head.eventId || now.hash !== head.hash) {
    return { ...named, kind: 'changed-content', detail: `revision ${head.revision} is no longer the event the report saw: its ${now.eventId !== head.eventId ? 'id' : 'hash'} changed` };
  }
  return null;
}

function finish(
  scope: VerificationReport['scope'],
  checkpointsCompared: number,
  checkpointsReplayed: number,
  eventsChecked: number,
  walkProblems: readonly IntegrityProblem[],
  others: readonly IntegrityProblem[],
  maxProblems: number,
  walk?: VerificationReport,
): ReportRecheck {
  // The walk's own choice names an event where it can; what only the report comparison found comes after.
  const all = [...walkProblems, ...others];
  const firstProblem = walk?.firstProblem ?? all[0];
  const omitted = Math.max(0, all.length - maxProblems) + (walk?.problemsOmitted ?? 0);
  return {
    ok: all.length === 0 && omitted === 0,
    scope,
    checkpointsCompared,
    checkpointsReplayed,
    eventsChecked,
    ...(firstProblem ? { firstProblem } : {}),
    problems: all.slice(0, maxProblems),
    problemsOmitted: omitted,
  };
}

