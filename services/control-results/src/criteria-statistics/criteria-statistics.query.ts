/**
 * The common risk criteria statistics (issue 5): per criterion version, Member State and quarter, the automated
 * hits, those the risk unit confirmed or dismissed, the controls performed, their positive results and the hit
 * rate (positive results / controls). Counted from the fact tables by one statement, so any filter is exact.
 */
import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '@ics2/platform';

export interface StatisticsFilter {
  readonly fromQuarter?: string;
  readonly toQuarter?: string;
  readonly criterionId?: string;
  readonly memberState?: string;
}

export interface CriteriaStatisticsRow {
  readonly criterionId: string;
  readonly version: number;
  readonly memberState: string;
  readonly quarter: string;
  readonly automatedHits: number;
  readonly confirmedHits: number;
  readonly dismissedHits: number;
  readonly controls: number;
  readonly positiveResults: number;
  readonly hitRate: number;
}

export const hitRateOf = (positives: number, controls: number) => (controls === 0 ? 0 : Math.round((positives / controls) * 10_000) / 10_000);

@Injectable()
export class CriteriaStatisticsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  async rows(filter: StatisticsFilter): Promise<CriteriaStatisticsRow[]> {
    const where = `($1::text IS NULL OR quarter >= $1) AND ($2::text IS NULL OR quarter <= $2) AND ($3::text IS NULL OR criterion_id = $3) AND ($4::text IS NULL OR member_state = $4)`;
    const raw: Record<string, string | number>[] = await this.db.manager.query(
      `WITH h AS (
         SELECT criterion_id, version, member_state, quarter,
                count(*)::int AS automated,
                (count(*) FILTER (WHERE assessment = 'confirmed'))::int AS confirmed,
                (count(*) FILTER (WHERE assessment = 'dismissed'))::int AS dismissed
           FROM control_results.hit_facts WHERE ${where} GROUP BY 1, 2, 3, 4),
       c AS (
         SELECT criterion_id, version, member_state, quarter,
                (count(*) FILTER (WHERE performed))::int AS controls,
                (count(*) FILTER (WHERE positive))::int AS positives
           FROM control_results.control_facts WHERE ${where} GROUP BY 1, 2, 3, 4)
       SELECT criterion_id, version, member_state, quarter,
              COALESCE(h.automated, 0) AS automated, COALESCE(h.confirmed, 0) AS confirmed, COALESCE(h.dismissed, 0) AS dismissed,
              COALESCE(c.controls, 0) AS controls, COALESCE(c.positives, 0) AS positives
         FROM h FULL OUTER JOIN c USING (criterion_id, version, member_state, quarter)
        ORDER BY quarter, criterion_id, version, member_state`,
      [filter.fromQuarter ?? null, filter.toQuarter ?? null, filter.criterionId ?? null, filter.memberState ?? null],
    );
    return raw.map((r) => ({
      criterionId: String(r['criterion_id']),
      version: Number(r['version']),
      memberState: String(r['member_state']),
      quarter: String(r['quarter']),
      automatedHits: Number(r['automated']),
      confirmedHits: Number(r['confirmed']),
      dismissedHits: Number(r['dismissed']),
      controls: Number(r['controls']),
      positiveResults: Number(r['positives']),
      hitRate: hitRateOf(Number(r['positives']), Number(r['controls'])),
    }));
  }
}
