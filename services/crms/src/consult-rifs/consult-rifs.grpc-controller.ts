/** GetRif, ListRifs: what the caller may read, field by field. A RIF it may not see is NOT_FOUND like an unknown one. */
import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1, RIF_CATEGORIES } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { crmsCallerOf, isCrmsId, issue, notFoundError, throwIfIssues } from '../doors/door-answers';
import { rifContentView } from '../doors/rif-request';
import { maySeeBacktestSamples } from '../domain/rif/rules/rif-access';
import { RIF_STATUSES } from '../domain/rif/rif.state';
import { ConsultRifsQuery, RIFS_DEFAULT_LIMIT, RIFS_MAX_LIMIT } from './consult-rifs.query';

const S = crmsV1.CRMS_SERVICE;
const iso = (d: Date | null) => (d ? d.toISOString() : '');

@Controller()
export class ConsultRifsGrpcController {
  constructor(private readonly query: ConsultRifsQuery) {}

  @GrpcMethod(S, 'GetRif')
  @Roles('member-state', 'admin')
  async getRif(@Payload() r: crmsV1.GetRifRequest, @Caller() caller: Principal): Promise<crmsV1.RifView> {
    const by = crmsCallerOf(caller);
    const row = isCrmsId('RIF', r.rif_id) ? await this.query.rif(r.rif_id, by) : null;
    if (!row) throw notFoundError('RIF', r.rif_id);
    const feedback = await this.query.feedback(row, by);
    const author = row.authorKind === 'commission' ? { kind: 'commission' as const, userId: row.authorUserId } : { kind: 'member-state' as const, memberState: row.authorMemberState ?? '', userId: row.authorUserId };
    // The MRNs the backtest found are the author's (filings its Member State may read), not every recipient's.
    const samples = maySeeBacktestSamples(author, by);
    return {
      rif_id: row.rifId,
      status: row.status,
      author_kind: row.authorKind,
      author_member_state: row.authorMemberState ?? '',
      author_user_id: row.authorUserId,
      content: rifContentView(row.content),
      all_member_states: row.recipientsAll,
      member_states: row.recipients,
      drafted_at: iso(row.draftedAt),
      published_at: iso(row.publishedAt),
      closed_at: iso(row.closedAt),
      close_reason: row.closeReason ?? '',
      expired_at: iso(row.expiredAt),
      backtest: row.backtest
        ? { from: row.backtest.from, to: row.backtest.to, filings: row.backtest.filings, hit: row.backtest.hit, sample_mrns: samples ? [...row.backtest.sampleMrns] : [], backtested_at: row.backtest.backtestedAt }
        : null,
      profile_active: row.profileActive,
      feedback: feedback.map((f) => ({
        member_state: f.memberState,
        user_id: f.userId,
        feedback: { evaluated: f.feedback.evaluated, measures_taken: f.feedback.measuresTaken ?? '', control_results: f.feedback.controlResults ?? '', relevance: f.feedback.relevance },
        recorded_at: iso(f.recordedAt),
        updates: f.updates,
      })),
      revision: row.revision,
    };
  }

  @GrpcMethod(S, 'ListRifs')
  @Roles('member-state', 'admin')
  async listRifs(@Payload() r: crmsV1.ListRifsRequest, @Caller() caller: Principal): Promise<crmsV1.ListRifsReply> {
    const by = crmsCallerOf(caller);
    // Refused, not bent: -1 gave one RIF and 5,000 five hundred, as if that were all; a status or category off its
    // list ('Published', 'weather') matched none, as if there were none.
    throwIfIssues([
      ...(r.status && !(RIF_STATUSES as readonly string[]).includes(r.status) ? [issue('/status', `one of ${RIF_STATUSES.join(', ')}, or empty for any`)] : []),
      ...(r.category && !(RIF_CATEGORIES as readonly string[]).includes(r.category) ? [issue('/category', `one of ${RIF_CATEGORIES.join(', ')}, or empty for any`)] : []),
      ...(r.limit < 0 || r.limit > RIFS_MAX_LIMIT ? [issue('/limit', `1 to ${RIFS_MAX_LIMIT} RIFs, or 0 for ${RIFS_DEFAULT_LIMIT}`)] : []),
    ]);
    const rows = await this.query.list(by, { status: r.status || undefined, category: r.category || undefined, limit: r.limit });
    return {
      rifs: rows.map((row) => ({
        rif_id: row.rifId,
        status: row.status,
        category: row.category,
        title: row.title,
        author_kind: row.authorKind,
        author_member_state: row.authorMemberState ?? '',
        valid_from: iso(row.validFrom),
        valid_to: iso(row.validTo),
        published_at: iso(row.publishedAt),
        profile_active: row.profileActive,
      })),
    };
  }
}
