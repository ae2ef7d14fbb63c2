/**
 * The criteria statistics over gRPC and as CSV. A Member State reads its own rows; the Commission (admin) and
 * auditors read every Member State's. Asking for another Member State's rows is PERMISSION_DENIED, not an
 * empty answer, so a caller knows the scope it has.
 */
import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { controlResultsV1, CRITERION_ID_MAX_LENGTH, isCriterionId } from '@ics2/contracts';
import { ics2TerritoryOf } from '@ics2/domain';
import { Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { invalid } from '../doors/door-answers';
import { QUARTER_PATTERN } from '../read-models/criteria-statistics/quarter';
import { CriteriaStatisticsQuery, type StatisticsFilter } from './criteria-statistics.query';
import { statisticsCsv } from './statistics-csv';

const S = controlResultsV1.CONTROL_RESULTS_SERVICE;

function filterOf(r: controlResultsV1.CriteriaStatisticsRequest, caller: Principal): StatisticsFilter {
  if (r.from_quarter && !QUARTER_PATTERN.test(r.from_quarter)) throw invalid('/fromQuarter', 'a quarter such as 2026-Q1');
  if (r.to_quarter && !QUARTER_PATTERN.test(r.to_quarter)) throw invalid('/toQuarter', 'a quarter such as 2026-Q4');
  if (r.from_quarter && r.to_quarter && r.from_quarter > r.to_quarter) throw invalid('/toQuarter', 'a quarter at or after fromQuarter');
  // Checked as risk-analysis gives ids out: another (a NUL character in it) reached PostgreSQL's query, INTERNAL.
  if (r.criterion_id && !isCriterionId(r.criterion_id)) throw invalid('/criterionId', `a criterion id: lower-case words and digits joined by hyphens, up to ${CRITERION_ID_MAX_LENGTH} characters`);
  // Greece as EL is GR, the code the rows and the caller's token carry: else EL matched no row, and refused a Greek caller its own.
  let memberState: string | undefined = r.member_state ? ics2TerritoryOf(r.member_state) ?? undefined : undefined;
  if (r.member_state && !memberState) throw invalid('/memberState', 'a Member State running ICS2 (the 27, XI, NO, CH; Greece GR or EL)');
  if (caller.actor.kind === 'member-state') {
    if (memberState && memberState !== caller.actor.memberState) throw new PlatformError('permission', 'CONTROL.STATISTICS_SCOPE', 'a Member State reads its own statistics');
    memberState = caller.actor.memberState;
  }
  return {
    ...(r.from_quarter ? { fromQuarter: r.from_quarter } : {}),
    ...(r.to_quarter ? { toQuarter: r.to_quarter } : {}),
    ...(r.criterion_id ? { criterionId: r.criterion_id } : {}),
    ...(memberState ? { memberState } : {}),
  };
}

@Controller()
export class CriteriaStatisticsGrpcController {
  constructor(private readonly query: CriteriaStatisticsQuery) {}

  @GrpcMethod(S, 'GetCriteriaStatistics')
  @Roles('member-state', 'admin', 'auditor')
  async get(@Payload() r: controlResultsV1.CriteriaStatisticsRequest, @Caller() caller: Principal): Promise<controlResultsV1.CriteriaStatisticsReply> {
    const rows = await this.query.rows(filterOf(r, caller));
    return {
      rows: rows.map((x) => ({
        criterion_id: x.criterionId,
        version: x.version,
        member_state: x.memberState,
        quarter: x.quarter,
        automated_hits: x.automatedHits,
        confirmed_hits: x.confirmedHits,
        dismissed_hits: x.dismissedHits,
        controls: x.controls,
        positive_results: x.positiveResults,
        hit_rate: x.hitRate,
      })),
    };
  }

  @GrpcMethod(S, 'ExportCriteriaStatistics')
  @Roles('member-state', 'admin', 'auditor')
  async export(@Payload() r: controlResultsV1.CriteriaStatisticsRequest, @Caller() caller: Principal): Promise<controlResultsV1.CsvReply> {
    return { csv: statisticsCsv(await this.query.rows(filterOf(r, caller))) };
  }
}
