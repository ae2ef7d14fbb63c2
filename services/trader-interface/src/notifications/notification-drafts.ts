/** Applies the rules table to one event: pure, so the table is tested without a database. */
import type { AnalysisParties, FilingFacts, InboxEvent, InboxEventType, NotificationDraft } from './notification';
import { notificationId } from './notification-id';
import { NOTIFICATION_RULES, type NotificationRule } from './notification-rules.table';

/**
 * The notifications `event` (recorded under `eventId`) gives, in table order; ids are unique within the result.
 * `filing` and `analysis` are what the inbox knows of the event's filing and risk analysis, when it knows them.
 */
export function draftNotifications(eventId: string, event: InboxEvent, filing: FilingFacts | undefined, analysis?: AnalysisParties): NotificationDraft[] {
  // Correlated by `type`: the row for event.type takes event.data. An unknown type (a newer producer) has no row.
  const rules = (NOTIFICATION_RULES[event.type] ?? []) as readonly NotificationRule<InboxEventType>[];
  const drafts = new Map<string, NotificationDraft>();
  for (const rule of rules) {
    for (const to of rule.to(event.data, filing, analysis)) {
      const id = notificationId(eventId, rule.messageType, to.eori, to.key);
      if (!drafts.has(id)) drafts.set(id, { id, recipient: to.eori, messageType: rule.messageType, mrn: to.mrn, payload: rule.payload(event.data, to, filing) });
    }
  }
  return [...drafts.values()];
}
