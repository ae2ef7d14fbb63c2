/**
 * The words of the inbox: which events it reads, which ICS2 customs-to-trader messages it gives, and what one
 * notification is before it gets its place in a recipient's sequence.
 */
import type { ArrivalEvent, EnsEvent, FilingParties } from '@ics2/contracts';
import type { NotificationPayload } from './notification-payloads';

/** Every event the inbox subscription reads (stream categories in NOTIFICATION_CATEGORIES). */
export type InboxEvent = EnsEvent | ArrivalEvent;
export type InboxEventType = InboxEvent['type'];
export type InboxEventData<T extends InboxEventType> = Extract<InboxEvent, { type: T }>['data'];

/** The customs-to-trader messages the inbox carries now, and those it will carry when their events exist. */
export type NotificationMessageType =
  | 'IE3R01' // registration of the ENS filing (MRN)
  | 'IE3N01' // lifecycle validation error (filing, amendment or invalidation refused)
  | 'IE3N02' // ENS pending completeness, to the person filing and the carrier
  | 'IE3N10' // amendment registered
  | 'IE3N11' // ENS pending completeness, to a party expected to file
  | 'IE3R04' // arrival registered
  | 'IE3N07' // arrival refused for a filing in an incorrect state
  | 'IE3R07' // invalidation accepted
  // To come with risk-analysis and control-results events (notification-rules.table.ts):
  | 'IE3N03' // assessment complete
  | 'IE3Q01' // referral: request for information
  | 'IE3Q02' // referral: high risk cargo and mail screening
  | 'IE3Q03' // referral: do not load
  | 'IE3N04' // do-not-load confirmed
  | 'IE3N05' // HRCM screening outcome
  | 'IE3N08' // control decision
  | 'IE3N09'; // control result

/** What the inbox keeps of a filing (filing_index): who the parties are, by EORI, and the filer's LRN. */
export interface FilingFacts {
  readonly mrn: string;
  readonly lrn: string;
  readonly parties: FilingParties;
}

/** One recipient of one message type, about one MRN; `key` tells apart several such items from one event. */
export interface Addressee {
  readonly eori: string;
  readonly mrn: string;
  readonly key?: string;
}

/** A notification the rules derived from one event, before the projection gives it the recipient's next cursor. */
export interface NotificationDraft {
  /** Name-based from (source event id, message type, recipient, key): the same event always gives the same id. */
  readonly id: string;
  readonly recipient: string;
  readonly messageType: NotificationMessageType;
  readonly mrn: string;
  readonly payload: NotificationPayload;
}

/** Who may see a filing: the person filing, the declarant, the representative, the carrier (issue 3, isolation). */
export function isPartyOf(filing: FilingFacts, eori: string): boolean {
  const { filedBy, declarant, representative, carrier } = filing.parties;
  return eori === filedBy || eori === declarant || eori === representative || eori === carrier;
}
