/**
 * The published language of crms: Risk Information Forms (`rif-<id>`), priority control area campaigns (`pca-<id>`)
 * and crisis alerts (`crisis-<id>`). [U] CRMS2's own RIF structure and lifecycle are not public (ics2-reference 12):
 * the model follows the policy digest (draft -> published -> feedback per recipient -> closed / expired) and keeps
 * its fields here. risk-analysis reads RifProfileActivated: a RIF's risk profile becomes a live criterion with the
 * RIF as its origin. Correlation id: the RIF (campaign, alert) id.
 */
import type { Event } from '@ics2/domain';
import type { Criterion } from '../risk/criterion';
import type { MemberStateUser } from '../risk/risk-events';

export const RIF_CATEGORIES = ['security', 'safety', 'financial', 'ipr', 'product-safety', 'cash', 'crisis'] as const;
export type RifCategory = (typeof RIF_CATEGORIES)[number];

/** Who wrote or acts on a RIF: a Member State's user, or the Commission (role admin) for EU-wide RIFs. */
export type RifAuthor = { readonly kind: 'member-state'; readonly memberState: string; readonly userId: string } | { readonly kind: 'commission'; readonly userId: string };

export interface RifContent {
  readonly category: RifCategory;
  readonly title: string;
  readonly riskDescription: string;
  readonly modusOperandi?: string;
  readonly goods?: readonly { readonly hsCode?: string; readonly description?: string }[];
  /** Countries of origin, routing and destination the risk concerns (ISO 3166-1 alpha-2). */
  readonly countries?: { readonly origin?: readonly string[]; readonly routing?: readonly string[]; readonly destination?: readonly string[] };
  readonly operators?: readonly { readonly name?: string; readonly eori?: string; readonly country?: string }[];
  readonly recommendedMeasures?: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly attachments?: readonly { readonly reference: string; readonly title: string }[];
  /** A risk profile in the criteria format of risk-analysis (libs/contracts risk/criterion.ts). */
  readonly riskProfile?: Criterion;
}

export type RifDrafted = Event<'RifDrafted', { readonly rifId: string; readonly author: RifAuthor; readonly content: RifContent; readonly draftedAt: string }>;
export type RifDraftEdited = Event<'RifDraftEdited', { readonly rifId: string; readonly content: RifContent; readonly editedBy: RifAuthor; readonly editedAt: string }>;
/** To every Member State (`all`), or to the named ones. */
export type RifPublished = Event<'RifPublished', { readonly rifId: string; readonly recipients: 'all' | readonly string[]; readonly publishedBy: RifAuthor; readonly publishedAt: string }>;

export interface RifFeedback {
  readonly evaluated: boolean;
  readonly measuresTaken?: string;
  readonly controlResults?: string;
  readonly relevance: 'high' | 'medium' | 'low' | 'none';
}

export type RifFeedbackRecorded = Event<'RifFeedbackRecorded', { readonly rifId: string; readonly user: MemberStateUser; readonly feedback: RifFeedback; readonly recordedAt: string }>;
export type RifClosed = Event<'RifClosed', { readonly rifId: string; readonly closedBy: RifAuthor; readonly reason?: string; readonly closedAt: string }>;
/** The end of the RIF's validity passed (the crms expiry timer). */
export type RifExpired = Event<'RifExpired', { readonly rifId: string; readonly expiredAt: string }>;
export type RifProfileBacktested = Event<
  'RifProfileBacktested',
  { readonly rifId: string; readonly from: string; readonly to: string; readonly filings: number; readonly hit: number; readonly sampleMrns: readonly string[]; readonly by: RifAuthor; readonly backtestedAt: string }
>;
/** The RIF's risk profile becomes a live criterion (risk-analysis records and activates it, origin = this RIF). */
export type RifProfileActivated = Event<'RifProfileActivated', { readonly rifId: string; readonly criterion: Criterion; readonly activatedBy: RifAuthor; readonly activatedAt: string }>;
export type RifProfileDeactivated = Event<'RifProfileDeactivated', { readonly rifId: string; readonly criterionId: string; readonly version: number; readonly deactivatedBy: RifAuthor; readonly deactivatedAt: string }>;

export type RifEvent =
  | RifDrafted
  | RifDraftEdited
  | RifPublished
  | RifFeedbackRecorded
  | RifClosed
  | RifExpired
  | RifProfileBacktested
  | RifProfileActivated
  | RifProfileDeactivated;

/** A priority control area campaign (policy digest: PCA), with interim and final reports from criteria statistics. */
export type PcaCampaignStarted = Event<
  'PcaCampaignStarted',
  {
    readonly campaignId: string;
    readonly title: string;
    readonly from: string;
    readonly to: string;
    readonly participatingMemberStates: readonly string[];
    readonly criteria: readonly { readonly id: string; readonly version?: number }[];
    readonly startedBy: RifAuthor;
    readonly startedAt: string;
  }
>;
export type PcaReportIssued = Event<
  'PcaReportIssued',
  { readonly campaignId: string; readonly kind: 'interim' | 'final'; readonly report: unknown; readonly issuedBy: RifAuthor; readonly issuedAt: string }
>;
export type PcaEvent = PcaCampaignStarted | PcaReportIssued;

/** A crisis alert, seen at once by every risk unit. */
export type CrisisAlertPublished = Event<
  'CrisisAlertPublished',
  { readonly alertId: string; readonly title: string; readonly description: string; readonly memberStates: 'all' | readonly string[]; readonly rifId?: string; readonly publishedBy: RifAuthor; readonly publishedAt: string }
>;
export type CrisisEvent = CrisisAlertPublished;

export const CRMS_SCHEMA_VERSIONS: Readonly<Record<RifEvent['type'] | PcaEvent['type'] | CrisisEvent['type'], number>> = {
  RifDrafted: 1,
  RifDraftEdited: 1,
  RifPublished: 1,
  RifFeedbackRecorded: 1,
  RifClosed: 1,
  RifExpired: 1,
  RifProfileBacktested: 1,
  RifProfileActivated: 1,
  RifProfileDeactivated: 1,
  PcaCampaignStarted: 1,
  PcaReportIssued: 1,
  CrisisAlertPublished: 1,
};
