import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { EventFilter } from '../event-store.port';
import { categoryOf, type RecordedEvent } from '../recorded-event';
import { partitionOf } from '../postgres/postgres-partition';
import { isSystemEvent } from './kurrentdb-mapping';

/**
 * Kurrent filters $all on the server by ONE expression, on stream names or on event types, never both. The server
 * filter only narrows what crosses the wire; `matchesFilter` below is what decides, on the client.
 */
export function toServerFilter(filter: EventFilter | undefined): Filter {
  const categories = filter?.categories ?? [];
  const eventTypes = filter?.eventTypes ?? [];
  // Categories first: one stream category usually selects fewer events than a set of types.
  if (categories.length > 0) return streamNameFilter({ prefixes: categories.map((c) => `${c}-`) });
  if (eventTypes.length > 0) return eventTypeFilter({ regex: `^(?:${eventTypes.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The whole filter, applied to an event already read: system events, categories, types, partition. */
export function matchesFilter(event: Pick<RecordedEvent, 'streamId' | 'type'>, filter: EventFilter | undefined): boolean {
  if (isSystemEvent(event)) return false;
  if (filter?.categories?.length && !filter.categories.includes(categoryOf(event.streamId))) return false;
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  if (filter?.partition && partitionOf(event.streamId, filter.partition.count) !== filter.partition.index) return false;
  return true;
}
