/**
 * The words of the inbox: which events it reads, which ICS2 customs-to-trader messages it gives, and what one
 * notification is before it gets its place in a recipient's sequence.
 */
import type { ArrivalEvent, ControlEvent, EnsEvent, FilingParties, RiskEvent } from '@ics2/contracts';
import type { NotificationPayload } from './notification-payloads';

/** Every event the inbox subscription reads (stream categories in NOTIFICATION_CATEGORIES). */
export type InboxEvent = EnsEvent | ArrivalEvent | RiskEvent | ControlEvent;
export type InboxEventType = InboxEvent['type'];
export type InboxEventData<T extends InboxEventType> = Extract<InboxEvent, { type: T }>['data'];

/**
 * The customs-to-trader messages the inbox carries, as a list so the OpenAPI document can enumerate them
 * (notifications.response.dto.ts).
 */
export const NOTIFICATION_MESSAGE_TYPES = [
  'IE3R01', // registration of the ENS filing (MRN)
  'IE3N01', // lifecycle validation error (filing, amendment or invalidation refused)
  'IE3N02', // ENS pending completeness, to the person filing and the carrier
  'IE3N10', // amendment registered
  'IE3N11', // ENS pending completeness, to a party expected to file
  'IE3R04', // arrival registered
  'IE3N07', // arrival refused for a filing in an incorrect state
  'IE3R07', // invalidation accepted
  'IE3N03', // assessment complete, to the person filing of each filing and the carrier
  'IE3Q01', // do not load, to the carrier
  'IE3Q02', // referral: request for information (RFI), to the person filing
  'IE3Q03', // referral: request for high risk cargo and mail (HRCM) screening (RFS), to the person filing
  'IE3N04', // an RFI was sent to the person filing, to the carrier
  'IE3N05', // an HRCM screening request was sent to the person filing, to the carrier
  'IE3N08', // control notification, to the person filing and the carrier
  'IE3N09', // advance control notification, to each party holding AEO status
] as const;

export type NotificationMessageType = (typeof NOTIFICATION_MESSAGE_TYPES)[number];

/** What the inbox keeps of a filing (filing_index): who the parties are, by EORI, and the filer's LRN. */
export interface FilingFacts {
  readonly mrn: string;
  readonly lrn: string;
  readonly parties: FilingParties;
}

/**
 * What the inbox keeps of a risk analysis (risk_parties, from its RiskAnalysed, on the same risk stream and so
 * always projected before the analysis's outcome): the person filing and the carrier its outcome is told to.
 */
export interface AnalysisParties {
  readonly mrn: string;
  readonly analysisId: string;
  readonly personFiling: string;
  readonly carrier?: string;
  /** The person filing of each filing analysed, head first (RiskAnalysed.memberFilers); absent for older analyses. */
  readonly memberFilers?: readonly { readonly mrn: string; readonly personFiling: string }[];
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
