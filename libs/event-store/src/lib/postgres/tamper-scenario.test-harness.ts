import { Pool } from 'pg';
// Spec-only cycle: libs/testing builds its databases with this library's migrations; nothing ships it.
import { asSuperuser, freshDatabase, type FreshDatabase } from '../../testing';
import { someEvents } from '../contract/contract-fixtures';
import { generateCheckpointKeyPair, loadCheckpointSigner } from '../integrity/checkpoint-signer';
import type { SignedCheckpoint } from '../integrity/signed-checkpoint';
import type { RecordedEvent } from '../recorded-event';
import { createCheckpoint } from './postgres-checkpointer';
import { PostgresEventStore } from './postgres-event-store';

/** The store the tamper specs break on purpose, and the key that signed its checkpoints. */

const keys = generateCheckpointKeyPair();
export const signer = loadCheckpointSigner(keys.privateKeyPem);
export const publicKeys = [keys.publicKeyPem];

/**
 * A store with three streams and three signed checkpoints, ready to be tampered with:
 *   cp1: A0 A1 B0 | cp2: A2 A3 B1 C0 C1 | cp3: A4 B2     (B2 is the last event of stream B)
 * A and C are the ENS and risk streams of one MRN (`mrnStreams`), B the ENS of another.
 */
export interface Scenario {
  readonly db: FreshDatabase;
  readonly pool: Pool;
  readonly events: RecordedEvent[];
  readonly checkpoints: SignedCheckpoint[];
  /** The streams of the MRN of A and C. */
  readonly mrnStreams: readonly string[];
  event(stream: 'A' | 'B' | 'C', revision: number): RecordedEvent;
  /** Runs SQL as a superuser with the append-only triggers switched off, as an intruder with full access would. */
  tamper(...statements: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function tamperScenario(): Promise<Scenario> {
  const db = await freshDatabase('tamper');
  const store = new PostgresEventStore({ connectionString: db.appUrl, poolSize: 2 });
  const pool = new Pool({ connectionString: db.appUrl, max: 2 });
  // close() drops the database WITH (FORCE): a connection it terminates emits on the pool, and an unheard 'error'
  // fails whichever test runs then (seen once in CI under load, as "terminating connection due to administrator
  // command" in the next test).
  pool.on('error', () => undefined);
  const names = { A: 'ens-25DE0000000000000A', B: 'ens-25DE0000000000000B', C: 'risk-25DE0000000000000A' };
  const checkpoints: SignedCheckpoint[] = [];
  const checkpointAll = async () => {
    // The stable prefix waits for every older transaction in the cluster: wait until it holds all events written.
    const written = await pool.query('SELECT count(*)::int AS n FROM event_store.events');
    const { checkpoint } = await waitForCheckpointOf(pool, written.rows[0].n);
    checkpoints.push(checkpoint);
  };
  await store.append(names.A, someEvents(2), 'no-stream');
  await store.append(names.B, someEvents(1), 'no-stream');
  await checkpointAll();
  await store.append(names.A, someEvents(1), 1);
  await store.append(names.A, someEvents(1), 2);
  await store.append(names.B, someEvents(1), 0);
  await store.append(names.C, someEvents(2), 'no-stream');
  await checkpointAll();
  await store.append(names.A, someEvents(1), 3);
  await store.append(names.B, someEvents(1), 1);
  await checkpointAll();
  const events = await store.readAll();
  await store.close();
  return {
    db,
    pool,
    events,
    checkpoints,
    mrnStreams: [names.A, names.C],
    event: (s, revision) => events.find((e) => e.streamId === names[s] && e.revision === revision) as RecordedEvent,
    tamper: (...statements) => asSuperuser(db.adminUrl, ...statements),
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

async function waitForCheckpointOf(pool: Pool, count: number): Promise<{ checkpoint: SignedCheckpoint }> {
  for (;;) {
    const stable = await pool.query('SELECT count(*)::int AS n FROM event_store.events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())');
    if (stable.rows[0].n >= count) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const { checkpoint } = await createCheckpoint(pool, signer);
  if (checkpoint?.eventCount !== count) throw new Error(`checkpoint covers ${checkpoint?.eventCount}, expected ${count}`);
  return { checkpoint };
}

/** The WHERE condition that picks an event's row. */
export const row = (e: RecordedEvent) => `position = ${e.position.prepare}`;
