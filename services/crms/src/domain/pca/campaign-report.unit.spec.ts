import { campaignReport, quarterOf, quartersOverlapping, reportQuarters, type StatisticsRow } from './campaign-report';

const scope = {
  campaignId: 'PCA-1',
  from: '2027-02-01T00:00:00.000Z',
  to: '2027-07-01T00:00:00.000Z',
  memberStates: ['DE', 'FR'],
  criteria: [{ id: 'eu-sec-001' }, { id: 'eu-sec-006', version: 2 }],
};
const row = (criterionId: string, version: number, memberState: string, quarter: string, controls: number, positiveResults: number): StatisticsRow => ({
  criterionId,
  version,
  memberState,
  quarter,
  automatedHits: controls * 2,
  confirmedHits: controls,
  dismissedHits: controls,
  controls,
  positiveResults,
});

describe('campaign reports', () => {
  describe('quarters', () => {
    it('names the UTC quarter of an instant', () => {
      expect(quarterOf('2027-03-31T23:59:59.999Z')).toBe('2027-Q1');
      expect(quarterOf('2027-04-01T00:00:00.000Z')).toBe('2027-Q2');
    });
    it('lists the quarters overlapping a period, its end exclusive', () => {
      expect(quartersOverlapping('2026-11-15T00:00:00.000Z', '2027-04-01T00:00:00.000Z')).toEqual(['2026-Q4', '2027-Q1']);
      expect(quartersOverlapping('2027-01-01T00:00:00.000Z', '2027-01-02T00:00:00.000Z')).toEqual(['2027-Q1']);
    });
    it('an interim report covers the period up to its instant; a final one all of it', () => {
      expect(reportQuarters(scope, 'interim', '2027-04-10T00:00:00.000Z')).toEqual(['2027-Q1', '2027-Q2']);
      expect(reportQuarters(scope, 'interim', '2027-03-01T00:00:00.000Z')).toEqual(['2027-Q1']);
      expect(reportQuarters(scope, 'final', '2027-09-01T00:00:00.000Z')).toEqual(['2027-Q1', '2027-Q2']);
    });
  });

  describe('built from criteria statistics', () => {
    const statistics = [
      row('eu-sec-001', 1, 'DE', '2027-Q1', 4, 1),
      row('eu-sec-001', 1, 'FR', '2027-Q2', 6, 3),
      row('eu-sec-006', 2, 'DE', '2027-Q1', 10, 5),
      // outside the campaign: another version, another Member State, another quarter, another criterion
      row('eu-sec-006', 1, 'DE', '2027-Q1', 99, 99),
      row('eu-sec-001', 1, 'IT', '2027-Q1', 99, 99),
      row('eu-sec-001', 1, 'DE', '2026-Q4', 99, 99),
      row('eu-sec-002', 1, 'DE', '2027-Q1', 99, 99),
    ];

    it('keeps the campaign\'s criteria, Member States and quarters, and sums them', () => {
      const report = campaignReport(scope, 'final', '2027-07-02T00:00:00.000Z', statistics);
      expect(report.quarters).toEqual(['2027-Q1', '2027-Q2']);
      expect(report.rows.map((r) => `${r.criterionId}@${r.version}/${r.memberState}/${r.quarter}`)).toEqual(['eu-sec-001@1/DE/2027-Q1', 'eu-sec-001@1/FR/2027-Q2', 'eu-sec-006@2/DE/2027-Q1']);
      expect(report.totals).toEqual({ automatedHits: 40, confirmedHits: 20, dismissedHits: 20, controls: 20, positiveResults: 9, hitRate: 0.45 });
      expect(report.byCriterion).toEqual([
        { criterionId: 'eu-sec-001', version: 1, automatedHits: 20, confirmedHits: 10, dismissedHits: 10, controls: 10, positiveResults: 4, hitRate: 0.4 },
        { criterionId: 'eu-sec-006', version: 2, automatedHits: 20, confirmedHits: 10, dismissedHits: 10, controls: 10, positiveResults: 5, hitRate: 0.5 },
      ]);
      expect(report.byMemberState.map((m) => [m.memberState, m.controls, m.positiveResults])).toEqual([
        ['DE', 14, 6],
        ['FR', 6, 3],
      ]);
    });

    it('an interim report leaves out the quarters still to come', () => {
      const report = campaignReport(scope, 'interim', '2027-03-15T00:00:00.000Z', statistics);
      expect(report.totals.controls).toBe(14);
      expect(report).toMatchObject({ kind: 'interim', asOf: '2027-03-15T00:00:00.000Z', quarters: ['2027-Q1'] });
    });

    it('gives a hit rate of 0 without controls', () => expect(campaignReport(scope, 'final', '2027-08-01T00:00:00.000Z', []).totals).toMatchObject({ controls: 0, hitRate: 0 }));
  });
});
