import type { SqlMigration } from '@ics2/event-store';

/**
 * The person filing of each filing an analysis covered (RiskAnalysed.memberFilers, head first): an IE3N03 goes to
 * each, about its own filing. Null for analyses recorded before the event carried them, as a replay gives.
 */
export const riskPartiesMemberFilers: SqlMigration = {
  id: '20261231-0002-risk-parties-member-filers',
  sql: `ALTER TABLE trader_interface.risk_parties ADD COLUMN member_filers jsonb;`,
};
