/**
 * A campaign report built from control-results' criteria statistics (per criterion and version, Member State and
 * quarter), kept to the campaign's criteria, participating Member States and period. Pure: the rows and the instant
 * arrive as data.
 *
 * [U] The statistics come per calendar quarter (UTC), so a report covers every quarter that overlaps the campaign
 * period (up to the report's instant for an interim one) and says which (`quarters`): a period that does not start
 * and end on quarter boundaries counts whole quarters. The hit rate is control-results' own: positive results over
 * controls (0 without controls).
 */
import { instantMs } from '../rules/instants';

export interface Figures {
  readonly automatedHits: number;
  readonly confirmedHits: number;
  readonly dismissedHits: number;
  readonly controls: number;
  readonly positiveResults: number;
  readonly hitRate: number;
}

export interface StatisticsRow extends Omit<Figures, 'hitRate'> {
  readonly criterionId: string;
  readonly version: number;
  readonly memberState: string;
  /** `2026-Q1` */
  readonly quarter: string;
}

export interface CampaignScope {
  readonly campaignId: string;
  readonly from: string;
  readonly to: string;
  readonly memberStates: readonly string[];
  readonly criteria: readonly { readonly id: string; readonly version?: number }[];
}

export interface CampaignReport {
  readonly campaignId: string;
  readonly kind: 'interim' | 'final';
  readonly period: { readonly from: string; readonly to: string };
  /** The instant the statistics were read at. */
  readonly asOf: string;
  readonly quarters: readonly string[];
  readonly memberStates: readonly string[];
  readonly criteria: readonly { readonly id: string; readonly version?: number }[];
  readonly totals: Figures;
  readonly byCriterion: readonly ({ readonly criterionId: string; readonly version: number } & Figures)[];
  readonly byMemberState: readonly ({ readonly memberState: string } & Figures)[];
  readonly rows: readonly (StatisticsRow & { readonly hitRate: number })[];
}

export function quarterOf(iso: string): string {
  const d = new Date(instantMs(iso));
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The quarters that overlap [from, to): to is exclusive, so a period ending on 1 April stops at Q1. */
export function quartersOverlapping(from: string, to: string): string[] {
  const start = new Date(instantMs(from));
  const lastInstant = instantMs(to) - 1;
  if (lastInstant < start.getTime()) return [];
  const last = quarterOf(new Date(lastInstant).toISOString());
  const quarters: string[] = [];
  let year = start.getUTCFullYear();
  let q = Math.floor(start.getUTCMonth() / 3) + 1;
  for (;;) {
    const name = `${year}-Q${q}`;
    quarters.push(name);
    if (name === last) return quarters;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year++;
  }
}

/** What a report of this kind, issued at `at`, covers: the whole period for a final one, up to `at` for an interim. */
export function reportQuarters(scope: CampaignScope, kind: 'interim' | 'final', at: string): string[] {
  const end = kind === 'final' || instantMs(at) >= instantMs(scope.to) ? scope.to : new Date(instantMs(at) + 1).toISOString();
  return quartersOverlapping(scope.from, end);
}

const ZERO = { automatedHits: 0, confirmedHits: 0, dismissedHits: 0, controls: 0, positiveResults: 0 };
type Counts = typeof ZERO;

const add = (a: Counts, b: Counts): Counts => ({
  automatedHits: a.automatedHits + b.automatedHits,
  confirmedHits: a.confirmedHits + b.confirmedHits,
  dismissedHits: a.dismissedHits + b.dismissedHits,
  controls: a.controls + b.controls,
  positiveResults: a.positiveResults + b.positiveResults,
});
const withRate = (c: Counts): Figures => ({ ...c, hitRate: c.controls === 0 ? 0 : c.positiveResults / c.controls });
const countsOf = (r: StatisticsRow): Counts => ({ automatedHits: r.automatedHits, confirmedHits: r.confirmedHits, dismissedHits: r.dismissedHits, controls: r.controls, positiveResults: r.positiveResults });

function sumBy<K extends string>(rows: readonly StatisticsRow[], keyOf: (r: StatisticsRow) => K): Map<K, Counts> {
  const sums = new Map<K, Counts>();
  for (const r of rows) sums.set(keyOf(r), add(sums.get(keyOf(r)) ?? ZERO, countsOf(r)));
  return new Map([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function campaignReport(scope: CampaignScope, kind: 'interim' | 'final', at: string, statistics: readonly StatisticsRow[]): CampaignReport {
  const quarters = reportQuarters(scope, kind, at);
  const inScope = statistics
    .filter((r) => quarters.includes(r.quarter) && scope.memberStates.includes(r.memberState) && scope.criteria.some((c) => c.id === r.criterionId && (c.version === undefined || c.version === r.version)))
    .sort((a, b) => a.criterionId.localeCompare(b.criterionId) || a.version - b.version || a.memberState.localeCompare(b.memberState) || a.quarter.localeCompare(b.quarter));
  const byCriterion = [...sumBy(inScope, (r) => `${r.criterionId}\u0000${String(r.version).padStart(6, '0')}`)].map(([key, counts]) => {
    const [criterionId, version] = key.split('\u0000');
    return { criterionId, version: Number(version), ...withRate(counts) };
  });
  const byMemberState = [...sumBy(inScope, (r) => r.memberState)].map(([memberState, counts]) => ({ memberState, ...withRate(counts) }));
  return {
    campaignId: scope.campaignId,
    kind,
    period: { from: scope.from, to: scope.to },
    asOf: at,
    quarters,
    memberStates: scope.memberStates,
    criteria: scope.criteria,
    totals: withRate(inScope.map(countsOf).reduce(add, ZERO)),
    byCriterion,
    byMemberState,
    rows: inScope.map((r) => ({ ...r, hitRate: withRate(countsOf(r)).hitRate })),
  };
}
