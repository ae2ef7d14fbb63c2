import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';

const MEMBERS = 'event_store.subscription_members';

/**
 * The advisory lock namespace of a subscription: 31 bits of a hash of its name (pg_locks shows it as classid).
 * Two names hashing alike would keep each other from partitions, so a replica refuses to start while another
 * name with its key is registered (`connect`): rare enough to answer with a rename.
 */
export function leaseKey(name: string): number {
  return createHash('sha256').update(`subscription:${name}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** How many partitions each of `members` replicas may hold so that all `partitions` are covered. */
export function balanceTarget(partitions: number, members: number): number {
  return Math.ceil(partitions / Math.max(1, members));
}

/**
 * This replica's order of preference over the partitions (rendezvous hashing): it takes free partitions in this
 * order and gives back the least preferred first, so replicas prefer different partitions and a rebalance moves few.
 */
export function preferenceOrder(consumerId: string, partitions: number): number[] {
  const score = Array.from({ length: partitions }, (_, p) => createHash('sha256').update(`${consumerId}:${p}`).digest().readUIntBE(0, 6));
  return Array.from({ length: partitions }, (_, p) => p).sort((a, b) => score[b] - score[a]);
}

export interface PartitionLeasesOptions {
  readonly name: string;
  readonly consumerId: string;
  /** A member whose heartbeat is older than this counts as gone. */
  readonly staleAfterMs: number;
  /** Called once when the lock session is lost: every lease it held is gone with it. */
  readonly onLost: (error: Error) => void;
}

/**
 * Partition leases of one replica: PostgreSQL session advisory locks (key: the subscription's `leaseKey`, the
 * partition) taken on one dedicated, long-lived pooled connection. When the replica dies, or only that connection
 * does, PostgreSQL releases the locks and another replica can take the partitions; nothing needs to expire. The
 * same session writes the replica's heartbeat in the members table, so the count of live replicas (which bounds
 * how many partitions each may hold) and the leases fail together.
 */
export class PartitionLeases {
  private client: PoolClient | null = null;
  private detach: () => void = () => undefined;
  /** The session's statements, one at a time: the rebalance tick and a partition hand-back may overlap. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly held = new Set<number>();
  private readonly key: number;

  constructor(
    private readonly pool: Pool,
    private readonly options: PartitionLeasesOptions,
  ) {
    this.key = leaseKey(options.name);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Opens the lock session and registers this replica. */
  async connect(): Promise<void> {
    if (this.client) return;
    const client = await this.pool.connect();
    const lost = (error: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.held.clear();
      client.release(error);
      this.options.onLost(error);
    };
    const ended = () => lost(new Error('lease connection ended'));
    // These stay for a dropped client's life: it may still emit, and an unheard 'error' crashes the process.
    client.on('error', lost);
    client.on('end', ended);
    this.detach = () => {
      client.off('error', lost);
      client.off('end', ended);
    };
    this.client = client;
    let clash: { subscription: string }[];
    try {
      await this.heartbeat();
      clash = await this.query<{ subscription: string }>(
        `SELECT subscription FROM ${MEMBERS} m WHERE lease_key = $1 AND subscription <> $2
           AND heartbeat_at >= now() - $3 * interval '1 millisecond' AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = m.backend_pid)
         LIMIT 1`,
        [this.key, this.options.name, this.options.staleAfterMs],
      );
    } catch (e) {
      await this.close();
      throw e;
    }
    if (clash.length > 0) {
      await this.close();
      throw new Error(`subscriptions ${this.options.name} and ${clash[0].subscription} share lease key ${this.key}: rename one`);
    }
  }

  /** Refreshes this replica's heartbeat, forgets dead members; returns how many replicas are alive, itself included. */
  async heartbeat(): Promise<number> {
    const { name, consumerId, staleAfterMs } = this.options;
    const rows = await this.query<{ others: string }>(
      `WITH beat AS (
         INSERT INTO ${MEMBERS} (subscription, consumer_id, lease_key, backend_pid) VALUES ($1, $2, $4, pg_backend_pid())
         ON CONFLICT (subscription, consumer_id) DO UPDATE SET heartbeat_at = now(), backend_pid = excluded.backend_pid
       ), dead AS (
         SELECT consumer_id FROM ${MEMBERS} m
         WHERE subscription = $1 AND consumer_id <> $2
           AND (heartbeat_at < now() - $3 * interval '1 millisecond'
                OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = m.backend_pid))
       ), forgotten AS (
         DELETE FROM ${MEMBERS} m USING dead d WHERE m.subscription = $1 AND m.consumer_id = d.consumer_id
       )
       SELECT count(*) AS others FROM ${MEMBERS}
       WHERE subscription = $1 AND consumer_id <> $2 AND consumer_id NOT IN (SELECT consumer_id FROM dead)`,
      [name, consumerId, staleAfterMs, this.key],
    );
    return Number(rows[0].others) + 1;
  }

  /** Takes the partition if no session holds it. Never waits. */
  async tryAcquire(partition: number): Promise<boolean> {
    const client = this.session();
    const rows = await this.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [this.key, partition]);
    // A lock granted to a session that has since dropped died with it.
    const ok = rows[0].ok && this.client === client;
    if (ok) this.held.add(partition);
    return ok;
  }

  /** Gives the partition back, if this session still holds it (a lost session already gave everything back). */
  async release(partition: number): Promise<void> {
    if (!this.held.delete(partition) || !this.client) return;
    await this.query('SELECT pg_advisory_unlock($1, $2)', [this.key, partition]);
  }

  /** Partitions of this subscription that some session (this one included) holds right now. */
  async lockedPartitions(): Promise<Set<number>> {
    const rows = await this.query<{ objid: number }>(
      `SELECT objid FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = $1::oid
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [this.key],
    );
    return new Set(rows.map((r) => Number(r.objid)));
  }

  /** Releases every lease, deregisters, and returns the session to the pool. */
  async close(): Promise<void> {
    const client = this.client;
    if (!client) return;
    let failure: Error | undefined;
    try {
      await this.query('SELECT pg_advisory_unlock_all()');
      await this.query(`DELETE FROM ${MEMBERS} WHERE subscription = $1 AND consumer_id = $2`, [this.options.name, this.options.consumerId]);
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
    this.held.clear();
    // Lost meanwhile: the loss handler has released the client already.
    if (this.client !== client) return;
    this.client = null;
    // A failed client keeps its listeners: it may still emit 'error', which must be heard.
    if (!failure) this.detach();
    client.release(failure);
  }

  private query<Row extends QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]> {
    const client = this.session();
    const run = this.queue.then(() => client.query<Row>(sql, params));
    this.queue = run.catch(() => undefined);
    return run.then((r) => r.rows);
  }

  private session(): PoolClient {
    if (!this.client) throw new Error(`subscription ${this.options.name}: lease session is not connected`);
    return this.client;
  }
}
