/**
 * The common repository's tables live in schema `common_repository`, created by these migrations as the schema
 * owner (npm start, or the migration job), never by TypeORM. Append a new migration; never edit a merged one.
 */
import type { ReadModelMigrations } from '@ics2/platform';
import { filingRegistrations } from './migrations/20261201-0001-filing-registrations';
import { filingView } from './migrations/20261201-0002-filing-view';
import { linkingKeys } from './migrations/20261201-0003-linking-keys';
import { arrivalRegistrations } from './migrations/20261201-0004-arrival-registrations';
import { linkProposals } from './migrations/20261201-0005-link-proposals';
import { linkingTimerRestart } from './migrations/20261202-0001-linking-timer-restart';
import { filingViewEnsPresented } from './migrations/20261202-0002-filing-view-ens-presented';
import { filingViewEnsPresentedMrn } from './migrations/20261203-0001-filing-view-ens-presented-mrn';
import { linkingKeysLookups } from './migrations/20261203-0002-linking-keys-lookups';
import { linkingKeysMatchTerms } from './migrations/20261203-0003-linking-keys-match-terms';
import { filingViewReleasedHouseParties } from './migrations/20261203-0004-filing-view-released-house-parties';

export const COMMON_REPOSITORY_SCHEMA = 'common_repository';

export const commonRepositoryMigrations: ReadModelMigrations = {
  schema: COMMON_REPOSITORY_SCHEMA,
  migrations: [filingRegistrations, filingView, linkingKeys, arrivalRegistrations, linkProposals, linkingTimerRestart, filingViewEnsPresented, filingViewEnsPresentedMrn, linkingKeysLookups, linkingKeysMatchTerms, filingViewReleasedHouseParties],
};
