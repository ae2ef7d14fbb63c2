/**
 * What a risk unit reads: its queue of open analyses, one analysis, and the filings behind it. Read models only.
 * A Member State sees an analysis or filing only when it is responsible or involved; anything else reads as absent.
 */
import { Injectable } from '@nestjs/common';
import { In, type SelectQueryBuilder } from 'typeorm';
import type { RiskAnalysisPhase } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import { involvedInEns } from '../domain/risk/involved-member-states';
import { AnalysisRow } from '../read-models/analyses/analysis.row';
import { EnsFilingRow } from '../read-models/ens-filings/ens-filing.row';

const concerns = (ms: string, rms: string | null, ims: readonly string[]) => rms === ms || ims.includes(ms);

/** A queue's page: `limit` 0 (not given) is this many, and at most QUEUE_MAX_LIMIT. */
export const QUEUE_DEFAULT_LIMIT = 100;
export const QUEUE_MAX_LIMIT = 1_000;

@Injectable()
export class ConsultAnalysesQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  /**
   * Oldest first. Analyses of one instant (an ENS's two phases analysed together) come by MRN, then pre-loading
   * before pre-arrival (the carrier loads only once pre-loading is assessed; a held pre-arrival waits on it), then
   * analysis id: the same rows in the same order on every call, so a page or "the first open one" is stable.
   */
  openAnalyses(memberState: string, limit: number, phase?: RiskAnalysisPhase): Promise<AnalysisRow[]> {
    return this.openAnalysesQuery(memberState, limit, phase).getMany();
  }

  /**
   * The queue's statement. Served by `analyses_queue_idx` (migration 20261231-0002), whose columns are this WHERE
   * and ORDER BY as written: change one and the other together (list-open-analyses.plan.int.spec.ts checks the plan).
   */
  openAnalysesQuery(memberState: string, limit: number, phase?: RiskAnalysisPhase): SelectQueryBuilder<AnalysisRow> {
    const query = this.db.manager
      .getRepository(AnalysisRow)
      .createQueryBuilder('a')
      .where('a.responsible_member_state = :memberState', { memberState })
      .andWhere("a.status = 'awaiting-risk-unit'");
    if (phase) query.andWhere('a.phase = :phase', { phase });
    return query
      .orderBy('a.analysed_at', 'ASC')
      .addOrderBy('a.mrn', 'ASC')
      .addOrderBy(`CASE a.phase WHEN 'pre-loading' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('a.analysis_id', 'ASC')
      .limit(Math.min(Math.max(limit || QUEUE_DEFAULT_LIMIT, 1), QUEUE_MAX_LIMIT));
  }

  async analysis(mrn: string, analysisId: string, memberState: string): Promise<AnalysisRow | null> {
    const row = await this.db.manager.getRepository(AnalysisRow).findOneBy({ mrn, analysisId });
    return row && concerns(memberState, row.responsibleMemberState, row.involvedMemberStates) ? row : null;
  }

  /**
   * The ENS this filing heads (or the filing alone), when the Member State is responsible or involved for it: for
   * the head, or for any member (a house's delivery country is on the house's row), as its analysis involves them.
   */
  async filings(mrn: string, memberState: string): Promise<{ head: EnsFilingRow; members: EnsFilingRow[] } | null> {
    const rows = this.db.manager.getRepository(EnsFilingRow);
    const head = await rows.findOneBy({ mrn });
    if (!head) return null;
    const memberMrns = head.members ?? [head.mrn];
    const found = await rows.findBy({ mrn: In(memberMrns) });
    const members = memberMrns.map((m) => found.find((r) => r.mrn === m)).filter((r): r is EnsFilingRow => !!r);
    return concerns(memberState, head.responsibleMemberState, involvedInEns(head.responsibleMemberState, [head, ...members])) ? { head, members } : null;
  }
}
