import type { SqlMigration } from '@ics2/event-store';

/**
 * Which filing's presentation `ens_presented_at` comes from: for a house, the master heading its ENS
 * (EnsPresentationNoted `headMrn`); for a master, its first presented house (EnsHousePresentationNoted `houseMrn`).
 * IE3R08 names it, so a house whose master was presented says so. Rows projected before this migration get it by a
 * replay of common-repository.filing-view; until then their consultation names no presented filing.
 */
export const filingViewEnsPresentedMrn: SqlMigration = {
  id: '20261203-0001-filing-view-ens-presented-mrn',
  sql: `ALTER TABLE common_repository.filing_view ADD COLUMN ens_presented_mrn text;`,
};
