/**
 * How many ENS of a past period a criterion would have hit: the filings registered in [from, to) that head a
 * complete ENS, evaluated against the criterion alone, for each phase it applies to (an ENS counts once). The
 * criterion is taken as valid over the whole period: a backtest asks what it would have found, not what it did.
 * A Member State's backtest runs over the ENS it is responsible or involved for only, as GetFiling shows them: its
 * counts and sample MRNs would otherwise tell it which other Member States' filings exist and what they hold (a
 * criterion can name any HS code, party or route, and a period can be a minute). The Commission's (admin) runs over all.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Criterion } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import { compileCriteria } from '../domain/criteria/criteria-engine';
import { riskSubjectOf } from '../domain/criteria/risk-subject';
import { EnsFilingRow } from '../read-models/ens-filings/ens-filing.row';

const PAGE = 500;

export interface BacktestResult {
  readonly filings: number;
  readonly hit: number;
  readonly sample: readonly string[];
}

@Injectable()
export class CriterionBacktest {
  constructor(private readonly db: ReadModelDatabase) {}

  /** `memberState`: the Member State whose filings count, or null for every filing (the Commission's backtest). */
  async run(criterion: Criterion, from: Date, to: Date, memberState: string | null): Promise<BacktestResult> {
    const always: Criterion = { ...criterion, validFrom: new Date(0).toISOString(), validTo: undefined };
    const engine = compileCriteria([always], from.toISOString());
    const rows = this.db.manager.getRepository(EnsFilingRow);
    let filings = 0;
    let hit = 0;
    const sample: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const query = rows.createQueryBuilder('f').where('f.members IS NOT NULL AND f.registered_at >= :from AND f.registered_at < :to', { from, to });
      if (memberState) query.andWhere('(f.responsible_member_state = :memberState OR :memberState = ANY(f.involved_member_states))', { memberState });
      const heads = await query
        .orderBy('f.registered_at')
        .addOrderBy('f.mrn')
        .offset(offset)
        .limit(PAGE)
        .getMany();
      const memberMrns = heads.flatMap((h) => (h.members ?? []).slice(1));
      const members = new Map((memberMrns.length ? await rows.findBy({ mrn: In(memberMrns) }) : []).map((m) => [m.mrn, m]));
      for (const head of heads) {
        filings++;
        const others = (head.members ?? []).slice(1).map((m) => members.get(m)?.filing).filter((f) => f !== undefined);
        const hits = criterion.phases.some((phase) => {
          const subject = riskSubjectOf(head.filing, {
            mrn: head.mrn,
            phase,
            members: others,
            consistency: head.consistency,
            ...(head.responsibleMemberState ? { responsibleMemberState: head.responsibleMemberState } : {}),
          });
          return engine.evaluate(subject).hits.length > 0;
        });
        if (hits) {
          hit++;
          if (sample.length < 20) sample.push(head.mrn);
        }
      }
      if (heads.length < PAGE) return { filings, hit, sample };
    }
  }
}
