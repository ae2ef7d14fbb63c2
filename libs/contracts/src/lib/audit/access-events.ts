/**
 * The access log (issue 6; policy digest, data protection): every read of filing data by a Member State user or an
 * auditor is itself an event, on `access-<mrn>` (or `access-<kind>-<id>` for data not about one ENS), so who looked
 * at whose data is as tamper-evident as the data. The actor is the event's metadata actor; correlation id: the MRN.
 */
import type { Event } from '@ics2/domain';

export type AccessedResource =
  | 'ens-filing'
  | 'risk-analysis'
  | 'risk-signal'
  | 'control-case'
  | 'timeline'
  | 'stream-state'
  | 'decision-view'
  | 'bundle'
  | 'deliveries'
  | 'access-log'
  | 'verification';

export type DataAccessed = Event<
  'DataAccessed',
  {
    readonly resource: AccessedResource;
    /** What was read: an MRN, an analysis or case id, a stream id. */
    readonly id: string;
    readonly mrn?: string;
    /** Why, as the caller stated it (required of auditors; a Member State door names its task by default). */
    readonly purpose: string;
    /** Which door: `<service> <operation>`. */
    readonly door: string;
    readonly accessedAt: string;
  }
>;

export const ACCESS_SCHEMA_VERSIONS = { DataAccessed: 1 } as const;
