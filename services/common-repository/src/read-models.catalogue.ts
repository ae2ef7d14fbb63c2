/**
 * common-repository's read models, declared once: the live subscription starts from here
 * (subscriptions/read-models.subscription.ts) and replay (`src/replay.ts`) rebuilds from here, so they cannot drift.
 * The processors (linking, linking timer, note-control, expiry) append events and are not read models.
 */
import type { ReadModelCatalogue } from '@ics2/platform';
import { commonRepositoryMigrations } from './database/schema';
import { projectFilingView } from './read-models/filing-view/filing-view.projection';
import { FilingViewRow } from './read-models/filing-view/filing-view.row';
import { LinkProposalRow } from './read-models/filing-view/link-proposal.row';

export const FILING_VIEW_SUBSCRIPTION = 'common-repository.filing-view';

export const readModelCatalogue: ReadModelCatalogue = {
  service: 'common-repository',
  migrations: commonRepositoryMigrations,
  entities: [FilingViewRow, LinkProposalRow],
  projections: [
    {
      name: FILING_VIEW_SUBSCRIPTION,
      filter: { categories: ['ens'] },
      // The default of FILING_VIEW_PARTITIONS; the live subscription takes the configured count.
      partitions: 4,
      // Every column follows from the filing's own stream, which one partition reads in order.
      tables: [
        { table: 'filing_view', key: ['mrn'] },
        { table: 'link_proposals', key: ['master_mrn', 'candidate_mrn'] },
      ],
      handler: () => projectFilingView,
    },
  ],
  notReplayed: [
    { table: 'filing_registrations', why: 'write-side guard: MRN serials and the (declarant, LRN) reservation, taken by the register-filing handler before it appends' },
    { table: 'arrival_registrations', why: "write-side guard: an arrival's own MRN per (notifier, message id), taken by the notify-arrival handler before it appends" },
    { table: 'linking_keys', why: 'state of the linking processor (common-repository.linking), which appends events: replaying it would decide again' },
  ],
};
