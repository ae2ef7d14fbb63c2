/** The criteria statistics as CSV (RFC 4180: CRLF line ends, a header line, fields quoted when they must be). */
import type { CriteriaStatisticsRow } from './criteria-statistics.query';

const COLUMNS = ['criterion_id', 'version', 'member_state', 'quarter', 'automated_hits', 'confirmed_hits', 'dismissed_hits', 'controls', 'positive_results', 'hit_rate'] as const;

const field = (value: string | number) => {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function statisticsCsv(rows: readonly CriteriaStatisticsRow[]): string {
  const lines = rows.map((r) =>
    [r.criterionId, r.version, r.memberState, r.quarter, r.automatedHits, r.confirmedHits, r.dismissedHits, r.controls, r.positiveResults, r.hitRate].map(field).join(','),
  );
  return [COLUMNS.join(','), ...lines].map((l) => `${l}\r\n`).join('');
}
