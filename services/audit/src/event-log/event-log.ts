/**
 * The audit service's reads of the event store itself (never of a read model): streams merged in log order, one
 * event, the access log, and the store's pool for verification. The PostgreSQL store only: it is the one that keeps
 * the hash chains and checkpoints an auditor relies on.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { readCategory, readEventById, readStreamsInLogOrder, type CategoryReadFilter, type EventStore, type Position, type RecordedEvent } from '@ics2/event-store';
import { EVENT_STORE, PlatformError, postgresStoreOf } from '@ics2/platform';
import { readFamily, type EnsFamily, type FamilyRead } from '../timeline/ens-family';

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
    return (await readFamily(mrn, (streams) => this.inLogOrder(streams)))?.family;
  }

  /** The family as the log held it just before `position`, with each filing's events by then. */
  familyBefore(mrn: string, position: Position): Promise<FamilyRead | undefined> {
    return readFamily(mrn, (streams) => this.inLogOrder(streams), position);
  }
}
