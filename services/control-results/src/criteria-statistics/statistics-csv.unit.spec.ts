import { quarterOf } from '../read-models/criteria-statistics/quarter';
import { hitRateOf } from './criteria-statistics.query';
import { statisticsCsv } from './statistics-csv';

const row = { criterionId: 'eu-sec-001', version: 2, memberState: 'DE', quarter: '2026-Q4', automatedHits: 10, confirmedHits: 6, dismissedHits: 4, controls: 3, positiveResults: 1, hitRate: hitRateOf(1, 3) };

describe('the criteria statistics as CSV', () => {
  it('has a header line and one CRLF-ended line per row', () => {
    expect(statisticsCsv([row])).toBe(
      'criterion_id,version,member_state,quarter,automated_hits,confirmed_hits,dismissed_hits,controls,positive_results,hit_rate\r\neu-sec-001,2,DE,2026-Q4,10,6,4,3,1,0.3333\r\n',
    );
  });
  it('quotes a field that holds a comma or a quote', () => {
    expect(statisticsCsv([{ ...row, criterionId: 'odd,"id"' }]).split('\r\n')[1]).toMatch(/^"odd,""id""",2,/);
  });
  it('is the header alone without rows', () => expect(statisticsCsv([]).split('\r\n')).toHaveLength(2));
});

describe('the hit rate', () => {
  it('is positive results over controls, 0 without a control', () => {
    expect(hitRateOf(0, 0)).toBe(0);
    expect(hitRateOf(2, 4)).toBe(0.5);
  });
});

describe('quarters', () => {
  it('are calendar quarters in UTC', () => {
    expect(quarterOf('2026-03-31T23:59:59.999Z')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01T00:00:00.000Z')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31T23:00:00.000-02:00')).toBe('2027-Q1');
  });
});
