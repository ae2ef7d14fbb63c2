/**
 * What a risk unit reads: its queue of open analyses, one analysis, and the filings behind it. Read models only.
 * A Member State sees an analysis or filing only when it is responsible or involved; anything else reads as absent.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ReadModelDatabase } from '@ics2/platform';
import { AnalysisRow } from '../read-models/analyses/analysis.row';
import { EnsFilingRow } from '../read-models/ens-filings/ens-filing.row';

const concerns = (ms: string, rms: string | null, ims: readonly string[]) => rms === ms || ims.includes(ms);

@Injectable()
export class ConsultAnalysesQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  openAnalyses(memberState: string, limit: number): Promise<AnalysisRow[]> {
    return this.db.manager.getRepository(AnalysisRow).find({
      where: { responsibleMemberState: memberState, status: 'awaiting-risk-unit' },
      order: { analysedAt: 'ASC' },
      take: Math.min(Math.max(limit || 100, 1), 1_000),
    });
  }

  async analysis(mrn: string, analysisId: string, memberState: string): Promise<AnalysisRow | null> {
    const row = await this.db.manager.getRepository(AnalysisRow).findOneBy({ mrn, analysisId });
    return row && concerns(memberState, row.responsibleMemberState, row.involvedMemberStates) ? row : null;
  }

  /** The ENS this filing heads (or the filing alone), when the Member State is responsible or involved for it. */
  async filings(mrn: string, memberState: string): Promise<{ head: EnsFilingRow; members: EnsFilingRow[] } | null> {
    const rows = this.db.manager.getRepository(EnsFilingRow);
    const head = await rows.findOneBy({ mrn });
    if (!head || !concerns(memberState, head.responsibleMemberState, head.involvedMemberStates)) return null;
    const memberMrns = head.members ?? [head.mrn];
    const members = await rows.findBy({ mrn: In(memberMrns) });
    return { head, members: memberMrns.map((m) => members.find((r) => r.mrn === m)).filter((r): r is EnsFilingRow => !!r) };
  }
}
