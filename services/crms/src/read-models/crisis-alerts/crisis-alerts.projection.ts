/**
 * Crisis alerts into crisis_alerts, numbered for the risk units' streams. The number comes from the one-row counter,
 * updated in this transaction: its row lock holds every other numbering until this transaction ends, so numbers
 * become visible in increasing order and `seq > cursor` never skips an alert. The projection runs on one partition,
 * so numbers follow the log's order and a rebuild gives each alert the same number. `pg_notify` in the same
 * transaction is delivered on commit: a woken stream always finds the row.
 */
import type { CrisisEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { describeRifAuthor } from '../author-label';

/** LISTEN/NOTIFY channel; the payload is the new alert's number. */
export const CRISIS_ALERTS_CHANNEL = 'crms_crisis_alerts';

export async function projectCrisisAlert(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as CrisisEvent;
  switch (event.type) {
    case 'CrisisAlertPublished': {
      const d = event.data;
      const known = await tx.query('SELECT 1 FROM crms.crisis_alerts WHERE alert_id = $1', [d.alertId]);
      if (known.length > 0) return;
      const [{ last_seq: seq }] = await tx.query<{ last_seq: string }>('UPDATE crms.crisis_alert_sequence SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq::text');
      await tx.query(
        `INSERT INTO crms.crisis_alerts (seq, alert_id, revision, title, description, all_member_states, member_states, rif_id, published_by, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [seq, d.alertId, recorded.revision, d.title, d.description, d.memberStates === 'all', d.memberStates === 'all' ? [] : [...d.memberStates], d.rifId ?? null, describeRifAuthor(d.publishedBy), d.publishedAt],
      );
      await tx.query('SELECT pg_notify($1, $2)', [CRISIS_ALERTS_CHANNEL, seq]);
      return;
    }
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}
