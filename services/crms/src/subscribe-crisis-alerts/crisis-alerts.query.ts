/** The alerts after a cursor that a caller sees: addressed to all or to its Member State; the Commission sees all. */
import { Injectable } from '@nestjs/common';
import type { RifAuthor } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import type { SelectQueryBuilder } from 'typeorm';
import { CrisisAlertRow } from '../read-models/crisis-alerts/crisis-alert.row';

@Injectable()
export class CrisisAlertsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  after(seq: bigint, by: RifAuthor, limit: number): Promise<CrisisAlertRow[]> {
    return this.seenBy(by).andWhere('a.seq > :seq', { seq: seq.toString() }).orderBy('a.seq', 'ASC').take(limit).getMany();
  }

  /**
   * Whether `after` can be a cursor this caller was given: 0, or at most the number of the last alert it sees. The
   * numbers are global, so a larger one is another reader's (an alert the caller does not see) or none yet; a stream
   * from beyond the last alert would skip, as they came, every alert numbered up to it. An alert committing after the
   * check numbers above it.
   */
  async gaveOut(after: bigint, by: RifAuthor): Promise<boolean> {
    if (after === 0n) return true;
    const row = await this.seenBy(by).select('max(a.seq)::text', 'seq').getRawOne<{ seq: string | null }>();
    return row?.seq != null && after <= BigInt(row.seq);
  }

  /** The alerts the caller sees: addressed to all or to its Member State; the Commission sees all. */
  private seenBy(by: RifAuthor): SelectQueryBuilder<CrisisAlertRow> {
    const q = this.db.manager.getRepository(CrisisAlertRow).createQueryBuilder('a');
    if (by.kind === 'member-state') q.andWhere('(a.all_member_states OR :ms = ANY(a.member_states))', { ms: by.memberState });
    return q;
  }
}
