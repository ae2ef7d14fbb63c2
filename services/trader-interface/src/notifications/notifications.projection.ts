/**
 * Events of `ens-*`, `arrival-*`, `risk-*` and `control-*` streams into the notification inbox, inside the
 * subscription's transaction: the filing's registration into filing_index (insert-or-ignore), then the rules table's
 * notifications into the inbox sequencer, which numbers and writes them just before the transaction commits.
 * Idempotent: the index row is inserted once, and notification ids are name-based, so a redelivered or replayed event
 * adds nothing.
 *
 * An item's `lrn` is the filing's LRN when the recipient is a party of that filing (who may consult it anyway), and
 * null otherwise: an expected house filer told of a master (IE3N11) does not learn the master filer's own reference.
 *
 * Risk events (`risk-<mrn>`, the ENS head's MRN): an analysis's RiskAnalysed notifies nobody, but its person filing and
 * carrier go into risk_parties, where its RiskAssessmentCompleted finds whom the IE3N03 is for (the referral and
 * do-not-load events name their recipients themselves). Their items' `lrn` is the head filing's, read from filing_index
 * like an IE3N07's. Control events (`control-<mrn>`, the head's MRN too) name their recipients themselves, and take
 * their `lrn` the same way.
 *
 * Order and replays: events of one stream arrive in order (one partition), so a filing's registration is always in the
 * index before its later events, and an analysis's parties are in risk_parties before its outcome. An arrival's IE3N07
 * is about other streams' filings, possibly in partitions that lag: one that has not projected the filing's
 * registration yet, the filing's facts are read from that registration event in the store (filing-index.ts). Across
 * partitions, a recipient's items are numbered in commit order: a replay in log order gives the same items and ids, and
 * the same numbers wherever the live projection committed in log order (see the rebuild test). After a rebuild, clients
 * start again from the first cursor and recognise what they already have by id.
 */
import type { EventStore, RecordedEvent } from '@ics2/event-store';
import type { ProjectionDependencies, ReadModelTransaction } from '@ics2/platform';
import { indexedFiling, indexFiling } from './filing-index';
import { inboxSequencer, type PendingNotification } from './inbox-sequencer';
import { isPartyOf, type AnalysisParties, type FilingFacts, type InboxEvent } from './notification';
import { draftNotifications } from './notification-drafts';
import { READS_ANALYSIS_PARTIES } from './notification-rules.table';
import { analysisParties, partiesOfAnalysis, recordAnalysisParties } from './risk-parties';

/** The filing an event is about: ENS events carry its MRN; an arrival's own MRN is not a filing. */
function filingMrnOf(event: InboxEvent): string | undefined {
  return 'mrn' in event.data ? event.data.mrn : undefined;
}

/** The projection as the catalogue runs it, reading registrations other partitions have not indexed from `store`. */
export const notificationsProjection =
  ({ store }: ProjectionDependencies) =>
  (event: RecordedEvent, tx: ReadModelTransaction): Promise<void> =>
    projectNotifications(event, tx, store);

export async function projectNotifications(event: RecordedEvent, tx: ReadModelTransaction, store: EventStore): Promise<void> {
  const inbox = { type: event.type, data: event.data } as InboxEvent;
  let filing: FilingFacts | undefined;
  if (inbox.type === 'EnsFilingRegistered') {
    filing = { mrn: inbox.data.mrn, lrn: inbox.data.lrn, parties: inbox.data.parties };
    await indexFiling(tx, filing);
  } else {
    const mrn = filingMrnOf(inbox);
    filing = mrn ? await indexedFiling(tx, mrn, store) : undefined;
  }
  let analysis: AnalysisParties | undefined;
  if (inbox.type === 'RiskAnalysed') {
    analysis = partiesOfAnalysis(inbox.data);
    await recordAnalysisParties(tx, analysis);
  } else if (READS_ANALYSIS_PARTIES.has(inbox.type) && 'analysisId' in inbox.data) {
    analysis = await analysisParties(tx, inbox.data.mrn, inbox.data.analysisId);
  }
  const drafts = draftNotifications(event.id, inbox, filing, analysis);
  if (drafts.length === 0) return;

  // An arrival's IE3N07 is about another stream's filing: its registration is read from the index too.
  const filings = new Map<string, FilingFacts | undefined>(filing ? [[filing.mrn, filing]] : []);
  const items: PendingNotification[] = [];
  for (const draft of drafts) {
    if (!filings.has(draft.mrn)) filings.set(draft.mrn, await indexedFiling(tx, draft.mrn, store));
    const about = filings.get(draft.mrn);
    items.push({
      id: draft.id,
      recipient: draft.recipient,
      messageType: draft.messageType,
      mrn: draft.mrn,
      lrn: about && isPartyOf(about, draft.recipient) ? about.lrn : null,
      createdAt: event.recordedAt,
      payload: draft.payload,
      sourceEventId: event.id,
    });
  }
  inboxSequencer.enqueue(tx, items);
}
