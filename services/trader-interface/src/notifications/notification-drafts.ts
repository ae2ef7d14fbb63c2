/** Applies the rules table to one event: pure, so the table is tested without a database. */
import type { FilingFacts, InboxEvent, InboxEventType, NotificationDraft } from './notification';
import { notificationId } from './notification-id';
import { NOTIFICATION_RULES, type NotificationRule } from './notification-rules.table';

/** The notifications `event` (recorded under `eventId`) gives, in table order; ids are unique within the result. */
export function draftNotifications(eventId: string, event: InboxEvent, filing: FilingFacts | undefined): NotificationDraft[] {
  // Correlated by `type`: the row for event.type takes event.data. An unknown type (a newer producer) has no row.
  const rules = (NOTIFICATION_RULES[event.type] ?? []) as readonly NotificationRule<InboxEventType>[];
  const drafts = new Map<string, NotificationDraft>();
  for (const rule of rules) {
    for (const to of rule.to(event.data, filing)) {
      const id = notificationId(eventId, rule.messageType, to.eori, to.key);
      if (!drafts.has(id)) drafts.set(id, { id, recipient: to.eori, messageType: rule.messageType, mrn: to.mrn, payload: rule.payload(event.data, to, filing) });
    }
  }
  return [...drafts.values()];
}
