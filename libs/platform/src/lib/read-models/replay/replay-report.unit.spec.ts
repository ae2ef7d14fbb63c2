import { replayReport, serviceReplayReport, tableReport, type ReplayReport } from './replay-report';

const clean = { liveRows: 2, replayedRows: 2, missing: 0, extra: 0, different: 0, samples: [] };
const facts = (o: Partial<Omit<ReplayReport, 'equal'>> = {}): Omit<ReplayReport, 'equal'> => ({
  readModel: 'risk-analysis.analyses',
  service: 'risk-analysis',
  eventsReplayed: 3,
  upTo: '812/40',
  liveCaughtUp: true,
  liveMovedOn: false,
  tables: [tableReport('risk_analysis.analyses', ['mrn', 'analysis_id'], [], clean)],
  durationMs: 12,
  ...o,
});

describe('replay report', () => {
  it('is equal when every table is and the live subscription had caught up', () => {
    expect(replayReport(facts()).equal).toBe(true);
  });

  it.each([
    ['a row missing from live', { missing: 1 }],
    ['an extra live row', { extra: 1 }],
    ['a differing row', { different: 1 }],
  ])('is not equal with %s', (_, difference) => {
    const tables = [tableReport('risk_analysis.analyses', ['mrn', 'analysis_id'], [], { ...clean, ...difference })];
    expect(replayReport(facts({ tables })).equal).toBe(false);
  });

  it('is not equal when the live subscription had not caught up, even with the same rows', () => {
    expect(replayReport(facts({ liveCaughtUp: false })).equal).toBe(false);
  });

  it('keeps the ignored columns with their reasons', () => {
    const table = tableReport('trader_interface.notification_items', ['recipient', 'id'], [{ column: 'seq', why: 'commit order' }], clean);
    expect(table).toMatchObject({ table: 'trader_interface.notification_items', key: ['recipient', 'id'], ignored: [{ column: 'seq', why: 'commit order' }] });
  });

  it('puts the verdict right after the name, and survives JSON', () => {
    const report = replayReport(facts());
    expect(Object.keys(report).slice(0, 3)).toEqual(['readModel', 'service', 'equal']);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('is equal for a service only when every read model is', () => {
    const equal = replayReport(facts());
    const unequal = replayReport(facts({ readModel: 'risk-analysis.signals', liveCaughtUp: false }));
    expect(serviceReplayReport('risk-analysis', [equal]).equal).toBe(true);
    expect(serviceReplayReport('risk-analysis', [equal, unequal])).toMatchObject({ service: 'risk-analysis', equal: false, readModels: [equal, unequal] });
  });
});
