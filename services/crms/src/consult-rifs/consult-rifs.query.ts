/**
 * What a caller reads of RIFs: read models only, never the store, never the decider. The visibility rule is the
 * decider's (domain/rif/rules/rif-access.ts), written here in SQL: the author's Member State sees its RIFs, drafts
 * included; once published, every Member State addressed and the Commission see it. Feedback: the Commission and the
 * author read every recipient's, a recipient only its own (mayReadFeedbackOf).
 */
import { Injectable } from '@nestjs/common';
import type { RifAuthor } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import type { SelectQueryBuilder } from 'typeorm';
import { mayReadFeedbackOf } from '../domain/rif/rules/rif-access';
import { RifFeedbackRow } from '../read-models/rifs/rif-feedback.row';
import { RifRow } from '../read-models/rifs/rif.row';

/** ListRifs' page: `limit` 0 (not given) is this many, and at most RIFS_MAX_LIMIT. */
export const RIFS_DEFAULT_LIMIT = 100;
export const RIFS_MAX_LIMIT = 500;

export interface RifFilter {
  readonly status?: string;
  readonly category?: string;
  readonly limit: number;
}

function visibleTo(q: SelectQueryBuilder<RifRow>, by: RifAuthor): SelectQueryBuilder<RifRow> {
  if (by.kind === 'commission') return q.andWhere("(r.author_kind = 'commission' OR r.published_at IS NOT NULL)");
  return q.andWhere("((r.author_kind = 'member-state' AND r.author_member_state = :ms) OR (r.published_at IS NOT NULL AND (r.recipients_all OR :ms = ANY(r.recipients))))", { ms: by.memberState });
}

export const authorOfRow = (row: RifRow): RifAuthor =>
  row.authorKind === 'commission' ? { kind: 'commission', userId: row.authorUserId } : { kind: 'member-state', memberState: row.authorMemberState ?? '', userId: row.authorUserId };

@Injectable()
export class ConsultRifsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  rif(rifId: string, by: RifAuthor): Promise<RifRow | null> {
    return visibleTo(this.db.manager.getRepository(RifRow).createQueryBuilder('r').where('r.rif_id = :rifId', { rifId }), by).getOne();
  }

  async feedback(row: RifRow, by: RifAuthor): Promise<RifFeedbackRow[]> {
    const all = await this.db.manager.getRepository(RifFeedbackRow).find({ where: { rifId: row.rifId }, order: { memberState: 'ASC' } });
    const author = authorOfRow(row);
    return all.filter((f) => mayReadFeedbackOf(author, by, f.memberState));
  }

  list(by: RifAuthor, filter: RifFilter): Promise<RifRow[]> {
    let q = visibleTo(this.db.manager.getRepository(RifRow).createQueryBuilder('r').where('true'), by);
    if (filter.status) q = q.andWhere('r.status = :status', { status: filter.status });
    if (filter.category) q = q.andWhere('r.category = :category', { category: filter.category });
    return q
      .orderBy('COALESCE(r.published_at, r.drafted_at)', 'DESC')
      .addOrderBy('r.rif_id', 'ASC')
      .take(filter.limit || RIFS_DEFAULT_LIMIT)
      .getMany();
  }
}
