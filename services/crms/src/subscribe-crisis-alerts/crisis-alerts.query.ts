/** The alerts after a cursor that a caller sees: addressed to all or to its Member State; the Commission sees all. */
import { Injectable } from '@nestjs/common';
import type { RifAuthor } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import { CrisisAlertRow } from '../read-models/crisis-alerts/crisis-alert.row';

@Injectable()
export class CrisisAlertsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  after(seq: bigint, by: RifAuthor, limit: number): Promise<CrisisAlertRow[]> {
    const q = this.db.manager.getRepository(CrisisAlertRow).createQueryBuilder('a').where('a.seq > :seq', { seq: seq.toString() });
    if (by.kind === 'member-state') q.andWhere('(a.all_member_states OR :ms = ANY(a.member_states))', { ms: by.memberState });
    return q.orderBy('a.seq', 'ASC').take(limit).getMany();
  }
}
