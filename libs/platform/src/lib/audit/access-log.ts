/**
 * Records a read of filing data as a `DataAccessed` event before the data leaves the door: a read that cannot be
 * recorded fails, so no read goes unrecorded. Auditors must state a purpose; a Member State door names its task.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_SCHEMA_VERSIONS, type AccessedResource, type DataAccessed } from '@ics2/contracts';
import { accessStream, boundedAll, type EventStore } from '@ics2/event-store';
import type { Principal } from '../auth/principal';
import { CLOCK, type Clock } from '../clock';
import { PlatformError } from '../errors/platform-error';
import { EVENT_STORE } from '../event-sourcing/event-sourcing.tokens';

export interface AccessRecord {
  readonly resource: AccessedResource;
  readonly id: string;
  readonly mrn?: string;
  /** The caller's stated purpose (`@Purpose()`); undefined falls back to `defaultPurpose`, refused for auditors. */
  readonly purpose: string | undefined;
  readonly defaultPurpose?: string;
  readonly door: string;
}

export const purposeRequired = () =>
  new PlatformError('validation', 'AUDIT.PURPOSE_REQUIRED', 'state the purpose of this read (x-ics2-purpose: 3 to 200 letters, digits, spaces or punctuation)', [
    { validationCode: 'X01', pointer: '/purpose', description: 'the x-ics2-purpose header or metadata' },
  ]);

/** Appends of one recordAll in flight at once: enough to share commits (group commit), few enough to leave the pool to others. */
export const RECORD_ALL_CONCURRENCY = 8;

@Injectable()
export class AccessLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The purpose this read will be recorded with; throws for an auditor without one. */
  purposeOf(caller: Principal, record: Pick<AccessRecord, 'purpose' | 'defaultPurpose'>): string {
    if (record.purpose) return record.purpose;
    if (caller.actor.kind === 'auditor' || !record.defaultPurpose) throw purposeRequired();
    return record.defaultPurpose;
  }

  async record(caller: Principal, record: AccessRecord): Promise<void> {
    // Operators reading their own filings are the data subjects' own business, not this log's.
    if (caller.actor.kind === 'trader') return;
    await this.append(caller, record, this.purposeOf(caller, record));
  }

  /**
   * The reads of a list (each filing it names has its own `access-<mrn>` stream): every purpose is checked before
   * anything is written, then up to RECORD_ALL_CONCURRENCY appends run at once (one after the other, a list of 200
   * MRNs took 200 commits' time). If one fails the list fails, once every started append has ended: some reads may
   * then be recorded for data that never left the door, which errs on the side of the log.
   */
  async recordAll(caller: Principal, records: readonly AccessRecord[]): Promise<void> {
    if (caller.actor.kind === 'trader' || records.length === 0) return;
    const reads = records.map((record) => ({ record, purpose: this.purposeOf(caller, record) }));
    await boundedAll(reads, RECORD_ALL_CONCURRENCY, ({ record, purpose }) => this.append(caller, record, purpose));
  }

  private async append(caller: Principal, record: AccessRecord, purpose: string): Promise<void> {
    const at = this.clock.now().toISOString();
    const event: DataAccessed = {
      type: 'DataAccessed',
      data: { resource: record.resource, id: record.id, ...(record.mrn ? { mrn: record.mrn } : {}), purpose, door: record.door, accessedAt: at },
    };
    await this.store.append(
      accessStream(record.mrn ?? `${record.resource}-${record.id}`),
      [
        {
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { schemaVersion: ACCESS_SCHEMA_VERSIONS.DataAccessed, occurredAt: at, correlationId: record.mrn ?? record.id, causationId: null, actor: caller.actor },
        },
      ],
      'any',
    );
  }
}
