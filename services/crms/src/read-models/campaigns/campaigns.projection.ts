/** PCA events into campaigns; idempotent by stream revision like every read model here. */
import type { PcaEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { describeRifAuthor } from '../author-label';
import { CampaignRow } from './campaign.row';

export async function projectCampaign(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as PcaEvent;
  const rows = tx.manager.getRepository(CampaignRow);
  switch (event.type) {
    case 'PcaCampaignStarted': {
      const d = event.data;
      const row = Object.assign(new CampaignRow(), {
        campaignId: d.campaignId,
        revision: recorded.revision,
        title: d.title,
        periodFrom: new Date(d.from),
        periodTo: new Date(d.to),
        memberStates: [...d.participatingMemberStates],
        criteria: d.criteria.map((c) => ({ id: c.id, ...(c.version !== undefined ? { version: c.version } : {}) })),
        startedBy: describeRifAuthor(d.startedBy),
        startedAt: new Date(d.startedAt),
        reports: [],
      });
      await rows.createQueryBuilder().insert().values(row).orIgnore().execute();
      return;
    }
    case 'PcaReportIssued': {
      const d = event.data;
      const row = await rows.findOneBy({ campaignId: d.campaignId });
      if (!row || row.revision >= recorded.revision) return;
      const reports = [...row.reports, { kind: d.kind, issuedAt: d.issuedAt, issuedBy: describeRifAuthor(d.issuedBy), report: d.report }];
      await tx.query('UPDATE crms.campaigns SET revision = $2, reports = $3 WHERE campaign_id = $1', [d.campaignId, recorded.revision, JSON.stringify(reports)]);
      return;
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
