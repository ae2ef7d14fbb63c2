/**
 * The audit service's reads of the event store itself (never of a read model): streams merged in log order, one
 * event, the access log, and the store's pool for verification. The PostgreSQL store only: it is the one that keeps
 * the hash chains and checkpoints an auditor relies on.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EnsEvent } from '@ics2/contracts';
import { ensStream, readCategory, readEventById, readStreamsInLogOrder, type CategoryReadFilter, type EventStore, type RecordedEvent } from '@ics2/event-store';
import { EVENT_STORE, PlatformError, postgresStoreOf } from '@ics2/platform';
import { familyOf, type EnsFamily } from '../timeline/ens-family';

/** Links are followed this many steps from the MRN asked about: house -> master -> the master's other houses. */
const FAMILY_ROUNDS = 3;

@Injectable()
export class EventLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  get pool(): Pool {
    const pg = postgresStoreOf(this.store);
    if (!pg) throw new PlatformError('unavailable', 'AUDIT.NO_HASH_CHAIN', 'the audit door needs the PostgreSQL event store (EVENT_STORE=postgres): it keeps the hash chains and checkpoints');
    return pg.pool;
  }

  inLogOrder(streamIds: readonly string[]): Promise<RecordedEvent[]> {
    return readStreamsInLogOrder(this.pool, streamIds);
  }

  event(id: string): Promise<RecordedEvent | undefined> {
    return readEventById(this.pool, id);
  }

  category(filter: CategoryReadFilter): Promise<RecordedEvent[]> {
    return readCategory(this.pool, filter);
  }

  /** The ENS an MRN belongs to, from the filings' own events; undefined when the store has no such filing. */
  async family(mrn: string): Promise<EnsFamily | undefined> {
    let known = new Set<string>();
    let family: EnsFamily = { mrns: new Set([mrn]), heads: new Set(), arrivals: new Set() };
    const events: EnsEvent[] = [];
    for (let round = 0; round < FAMILY_ROUNDS; round++) {
      const next = [...family.mrns].filter((m) => !known.has(m));
      if (next.length === 0) break;
      const read = await this.inLogOrder(next.map(ensStream));
      if (round === 0 && read.length === 0) return undefined;
      events.push(...read.map((e) => ({ type: e.type, data: e.data }) as EnsEvent));
      known = new Set([...known, ...next]);
      family = familyOf(mrn, events);
    }
    return family;
  }
}
