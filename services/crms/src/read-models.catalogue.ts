/**
 * crms's read models, declared once: the live subscriptions start from here (subscriptions/read-models.subscription.ts)
 * and replay (`src/replay.ts`) rebuilds from here, so they cannot drift. The RIF expiry timer appends events and is
 * not a read model.
 */
import type { ReadModelCatalogue } from '@ics2/platform';
import { crmsMigrations } from './database/schema';
import { CampaignRow } from './read-models/campaigns/campaign.row';
import { projectCampaign } from './read-models/campaigns/campaigns.projection';
import { CrisisAlertRow } from './read-models/crisis-alerts/crisis-alert.row';
import { projectCrisisAlert } from './read-models/crisis-alerts/crisis-alerts.projection';
import { RifFeedbackRow } from './read-models/rifs/rif-feedback.row';
import { RifRow } from './read-models/rifs/rif.row';
import { projectRif } from './read-models/rifs/rifs.projection';

export const RIFS_SUBSCRIPTION = 'crms.rifs';
export const CAMPAIGNS_SUBSCRIPTION = 'crms.campaigns';
export const CRISIS_ALERTS_SUBSCRIPTION = 'crms.crisis-alerts';

export const readModelCatalogue: ReadModelCatalogue = {
  service: 'crms',
  migrations: crmsMigrations,
  entities: [RifRow, RifFeedbackRow, CampaignRow, CrisisAlertRow],
  projections: [
    {
      name: RIFS_SUBSCRIPTION,
      filter: { categories: ['rif'] },
      // The default of RIF_VIEW_PARTITIONS; the live subscription takes the configured count.
      partitions: 4,
      tables: [
        { table: 'rifs', key: ['rif_id'] },
        // updates counts the RIF's own feedback events, gated by its stream revision: a function of the stream.
        { table: 'rif_feedback', key: ['rif_id', 'member_state'] },
      ],
      handler: () => projectRif,
    },
    { name: CAMPAIGNS_SUBSCRIPTION, filter: { categories: ['pca'] }, partitions: 1, tables: [{ table: 'campaigns', key: ['campaign_id'] }], handler: () => projectCampaign },
    {
      name: CRISIS_ALERTS_SUBSCRIPTION,
      filter: { categories: ['crisis'] },
      // One partition: alert numbers follow the log, so a replay in log order gives each alert its number again.
      partitions: 1,
      tables: [
        // By the alert's own id; seq is compared too (see above), which is what the risk units' cursors rest on.
        { table: 'crisis_alerts', key: ['alert_id'] },
        { table: 'crisis_alert_sequence', key: ['id'] },
      ],
      handler: () => projectCrisisAlert,
    },
  ],
};
