import type { SqlMigration } from '@ics2/event-store';

/** The audit door lists the signals an ENS's events caused (AuditSourceService.ListDeliveries): by MRN. */
export const signalsByMrn: SqlMigration = {
  id: '20261230-0001-signals-by-mrn',
  sql: `CREATE INDEX signals_mrn_idx ON risk_analysis.signals (mrn, created_at);`,
};
