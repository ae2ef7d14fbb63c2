/**
 * ListOpenAnalyses's plan on a real PostgreSQL: the statement the query sends (openAnalysesQuery, the same builder
 * the door runs), explained with and without the phase filter, reads analyses_queue_idx in the queue's order: no
 * Sort node (an Incremental Sort either), so a page costs its LIMIT however long the Member State's queue. The table
 * is small here, so sequential scans are off for the EXPLAIN: the question is whether the index serves the order.
 */
import type { RiskAnalysisPhase } from '@ics2/contracts';
import { Client } from 'pg';
import { startRiskAnalysis, type RiskAnalysisHarness } from '../risk-analysis.test-harness';
import { ConsultAnalysesQuery } from './consult-analyses.query';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('ListOpenAnalyses plan', () => {
  let h: RiskAnalysisHarness;
  let admin: Client;

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_queue_plan' });
    admin = await h.db.admin();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const planOf = async (phase?: RiskAnalysisPhase): Promise<PlanNode[]> => {
    const [sql, params] = h.service.app.app.get(ConsultAnalysesQuery).openAnalysesQuery('DE', 100, phase).getQueryAndParameters();
    await admin.query('BEGIN');
    try {
      await admin.query('SET LOCAL enable_seqscan = off');
      const { rows } = await admin.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      return nodesOf(rows[0]['QUERY PLAN'][0].Plan);
    } finally {
      await admin.query('ROLLBACK');
    }
  };

  it.each([['both phases', undefined], ['pre-loading', 'pre-loading'], ['pre-arrival', 'pre-arrival']] as const)('reads the queue index in order, with no sort, for %s', async (_, phase) => {
    const nodes = await planOf(phase);
    expect(nodes.map((n) => n['Node Type']).filter((t) => /Sort/.test(t))).toEqual([]);
    expect(nodes.filter((n) => n['Index Name'] !== undefined).map((n) => [n['Node Type'], n['Index Name']])).toEqual([['Index Scan', 'analyses_queue_idx']]);
  });
});
