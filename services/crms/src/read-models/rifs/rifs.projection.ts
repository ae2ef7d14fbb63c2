/**
 * RIF events into rifs and rif_feedback. The RIF's row records the stream revision it reflects and gates the whole
 * stream: an event applies only past that revision, feedback included, so a redelivery or a replay changes nothing.
 */
import type { RifEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { sameJson } from '../../domain/rules/canonical-json';
import { RifRow } from './rif.row';

export async function projectRif(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as RifEvent;
  const rows = tx.manager.getRepository(RifRow);
  if (event.type === 'RifDrafted') {
    const { rifId, author, content, draftedAt } = event.data;
    const row = Object.assign(new RifRow(), {
      rifId,
      revision: recorded.revision,
      status: 'draft',
      authorKind: author.kind,
      authorMemberState: author.kind === 'member-state' ? author.memberState : null,
      authorUserId: author.userId,
      category: content.category,
      title: content.title,
      content,
      recipientsAll: false,
      recipients: [],
      validFrom: new Date(content.validFrom),
      validTo: new Date(content.validTo),
      draftedAt: new Date(draftedAt),
      publishedAt: null,
      closedAt: null,
      closeReason: null,
      expiredAt: null,
      backtest: null,
      profileActive: false,
    });
    await rows.createQueryBuilder().insert().values(row).orIgnore().execute();
    return;
  }
  const { rifId } = event.data;
  const row = await rows.findOneBy({ rifId });
  if (!row || row.revision >= recorded.revision) return;
  const changes: Partial<RifRow> = { revision: recorded.revision };
  switch (event.type) {
    case 'RifDraftEdited': {
      const { content } = event.data;
      Object.assign(changes, { content, category: content.category, title: content.title, validFrom: new Date(content.validFrom), validTo: new Date(content.validTo) });
      if (!sameJson(row.content.riskProfile, content.riskProfile)) changes.backtest = null;
      break;
    }
    case 'RifPublished': {
      const { recipients, publishedAt } = event.data;
      Object.assign(changes, { status: 'published', recipientsAll: recipients === 'all', recipients: recipients === 'all' ? [] : [...recipients], publishedAt: new Date(publishedAt) });
      break;
    }
    case 'RifFeedbackRecorded': {
      const { user, feedback, recordedAt } = event.data;
      await tx.query(
        `INSERT INTO crms.rif_feedback (rif_id, member_state, user_id, feedback, recorded_at, updates) VALUES ($1, $2, $3, $4, $5, 1)
         ON CONFLICT (rif_id, member_state) DO UPDATE SET user_id = EXCLUDED.user_id, feedback = EXCLUDED.feedback, recorded_at = EXCLUDED.recorded_at, updates = crms.rif_feedback.updates + 1`,
        [rifId, user.memberState, user.userId, JSON.stringify(feedback), recordedAt],
      );
      break;
    }
    case 'RifClosed':
      Object.assign(changes, { status: 'closed', closedAt: new Date(event.data.closedAt), closeReason: event.data.reason ?? null });
      break;
    case 'RifExpired':
      Object.assign(changes, { status: 'expired', expiredAt: new Date(event.data.expiredAt) });
      break;
    case 'RifProfileBacktested': {
      const { from, to, filings, hit, sampleMrns, backtestedAt } = event.data;
      changes.backtest = { from, to, filings, hit, sampleMrns: [...sampleMrns], backtestedAt };
      break;
    }
    case 'RifProfileActivated':
      changes.profileActive = true;
      break;
    case 'RifProfileDeactivated':
      changes.profileActive = false;
      break;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
  await rows.update({ rifId }, changes);
}
