import type { StoredCheckpoint } from '../integrity/signed-checkpoint';
import { isoInstant } from './postgres-event-row';

/**
 * Columns of event_store.integrity_checkpoints in the shape `toSignedCheckpoint` maps. Converted columns get names
 * of their own: ORDER BY resolves a name to an output column first, and `id::text AS id` would sort as text.
 */
export const CHECKPOINT_COLUMNS = `id::text AS checkpoint_id, position_commit::text AS log_commit,
  position_prepare::text AS log_prepare, event_count::text AS covered_events, digest, signature, key_id,
  ${isoInstant('created_at')} AS created_at_iso, claim_version, merkle_root, merkle_frontier,
  stream_count::text AS stream_count, heads_root`;

export interface CheckpointRow {
  readonly checkpoint_id: string;
  readonly log_commit: string;
  readonly log_prepare: string;
  readonly covered_events: string;
  readonly digest: string;
  readonly signature: string;
  readonly key_id: string;
  readonly created_at_iso: string;
  readonly claim_version: number;
  readonly merkle_root: string | null;
  readonly merkle_frontier: unknown;
  readonly stream_count: string | null;
  readonly heads_root: string | null;
}

/**
 * A row as the claim it signed. A version 1 row maps to exactly the fields it had before versions existed (no
 * `version`, no root), so its signature checks over the same bytes. The frontier comes along, unsigned, for
 * whoever extends or resumes the tree; anything but an array of strings there is left out (and so not trusted).
 */
export function toSignedCheckpoint(row: CheckpointRow): StoredCheckpoint {
  const claim = {
    id: row.checkpoint_id,
    position: { commit: BigInt(row.log_commit), prepare: BigInt(row.log_prepare) },
    eventCount: Number(row.covered_events),
    digest: row.digest,
    signature: row.signature,
    keyId: row.key_id,
    createdAt: row.created_at_iso,
  };
  if (row.claim_version === 1) return claim;
  const frontier = row.merkle_frontier;
  return {
    ...claim,
    version: row.claim_version as 2 | 3,
    ...(row.merkle_root === null ? {} : { merkleRoot: row.merkle_root }),
    ...(row.stream_count === null ? {} : { streamCount: Number(row.stream_count) }),
    ...(row.heads_root === null ? {} : { headsRoot: row.heads_root }),
    ...(Array.isArray(frontier) && frontier.every((h) => typeof h === 'string') ? { merkleFrontier: frontier as string[] } : {}),
  };
}
