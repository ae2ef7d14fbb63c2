/**
 * A timeline: the events of an ENS's streams in the order of the global log (causal: an effect is appended after
 * its cause committed), each with who did it, when it occurred and when the store recorded it, its id and hash,
 * and what the feeds delivered because of it (trader notifications, Member State signals). Pure.
 */
import type { auditV1 } from '@ics2/contracts';
import { describeActor, type Actor } from '@ics2/domain';
import { positionToString, type RecordedEvent } from '@ics2/event-store';

export interface TimelineDelivery {
  readonly feed: string;
  readonly recipient: string;
  readonly kind: string;
  readonly seq: string;
  readonly deliveredAt: string;
}

export interface TimelineEntry {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly actor: string;
  readonly actorDetail: Actor;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  readonly hash: string | null;
  readonly data: unknown;
  readonly deliveries: readonly TimelineDelivery[];
}

export function timelineOf(events: readonly RecordedEvent[], deliveries: readonly auditV1.Delivery[]): TimelineEntry[] {
  const bySource = new Map<string, TimelineDelivery[]>();
  for (const d of deliveries) {
    const list = bySource.get(d.source_event_id) ?? [];
    list.push({ feed: d.feed, recipient: d.recipient, kind: d.kind, seq: d.seq, deliveredAt: d.created_at });
    bySource.set(d.source_event_id, list);
  }
  return events.map((e) => ({
    position: positionToString(e.position),
    streamId: e.streamId,
    revision: e.revision,
    eventId: e.id,
    type: e.type,
    actor: describeActor(e.metadata.actor),
    actorDetail: e.metadata.actor,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.recordedAt,
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    schemaVersion: e.metadata.schemaVersion,
    hash: e.hash,
    data: e.data,
    deliveries: (bySource.get(e.id) ?? []).sort((a, b) => a.feed.localeCompare(b.feed) || a.recipient.localeCompare(b.recipient) || a.kind.localeCompare(b.kind)),
  }));
}
