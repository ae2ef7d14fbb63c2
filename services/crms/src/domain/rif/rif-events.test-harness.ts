/**
 * Builders for the RIF decider's given/when/then tests (STYLE "Tests"): each shows only what a rule reads, with plain
 * defaults for the rest. Events and commands share the defaults, so `given([drafted()]).when(publish())` reads as
 * the story it tells.
 */
import type { Criterion, RifAuthor, RifContent, RifEvent, RifFeedback } from '@ics2/contracts';
import type { RifCommand } from './rif.commands';
import { stampProfile } from './rules/rif-profile';

export const RIF_ID = 'RIF-DE-K7Q2M9X4TB';
export const AT = '2026-12-01T10:00:00.000Z';
export const LATER = '2026-12-02T10:00:00.000Z';
export const VALID_FROM = '2026-12-01T00:00:00.000Z';
export const VALID_TO = '2027-06-01T00:00:00.000Z';

export const DE: RifAuthor = { kind: 'member-state', memberState: 'DE', userId: 'de-risk-1' };
export const DE_COLLEAGUE: RifAuthor = { kind: 'member-state', memberState: 'DE', userId: 'de-risk-2' };
export const FR: RifAuthor = { kind: 'member-state', memberState: 'FR', userId: 'fr-risk-1' };
export const BE: RifAuthor = { kind: 'member-state', memberState: 'BE', userId: 'be-risk-1' };
export const IT: RifAuthor = { kind: 'member-state', memberState: 'IT', userId: 'it-risk-1' };
export const COMMISSION: RifAuthor = { kind: 'commission', userId: 'taxud-1' };

export const profile = (overrides: Partial<Criterion> = {}, author: RifAuthor = DE, rifId = RIF_ID): Criterion => ({
  ...stampProfile(rifId, author, {
    title: 'Detonators declared as toys',
    riskArea: 'security' as const,
    phases: ['pre-loading' as const],
    validFrom: VALID_FROM,
    score: 60,
    condition: { kind: 'hsPrefix' as const, prefixes: ['3603'] },
  }),
  ...overrides,
});

export const content = (overrides: Partial<RifContent> = {}): RifContent => ({
  category: 'security',
  title: 'Detonators declared as toys',
  riskDescription: 'Electric detonators shipped by air as toy parts.',
  validFrom: VALID_FROM,
  validTo: VALID_TO,
  ...overrides,
});

export const withProfile = (overrides: Partial<Criterion> = {}): RifContent => content({ riskProfile: profile(overrides) });

export const FEEDBACK: RifFeedback = { evaluated: true, measuresTaken: 'national profile DE-17 adjusted', controlResults: '2 seizures', relevance: 'high' };

// events ---------------------------------------------------------------------------------------------------------

export const drafted = (o: { by?: RifAuthor; content?: RifContent; rifId?: string } = {}): RifEvent => ({
  type: 'RifDrafted',
  data: { rifId: o.rifId ?? RIF_ID, author: o.by ?? DE, content: o.content ?? content(), draftedAt: AT },
});
export const edited = (c: RifContent, by: RifAuthor = DE): RifEvent => ({ type: 'RifDraftEdited', data: { rifId: RIF_ID, content: c, editedBy: by, editedAt: AT } });
export const published = (recipients: 'all' | readonly string[] = 'all', by: RifAuthor = DE): RifEvent => ({
  type: 'RifPublished',
  data: { rifId: RIF_ID, recipients, publishedBy: by, publishedAt: AT },
});
export const feedbackRecorded = (by: RifAuthor = FR, feedback: RifFeedback = FEEDBACK): RifEvent => ({
  type: 'RifFeedbackRecorded',
  data: { rifId: RIF_ID, user: { memberState: by.kind === 'member-state' ? by.memberState : '', userId: by.userId }, feedback, recordedAt: AT },
});
export const closed = (by: RifAuthor = DE, at = AT): RifEvent => ({ type: 'RifClosed', data: { rifId: RIF_ID, closedBy: by, closedAt: at } });
export const expired = (): RifEvent => ({ type: 'RifExpired', data: { rifId: RIF_ID, expiredAt: VALID_TO } });
export const backtested = (o: { filings?: number; hit?: number; by?: RifAuthor } = {}): RifEvent => ({
  type: 'RifProfileBacktested',
  data: { rifId: RIF_ID, from: '2026-01-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', filings: o.filings ?? 120, hit: o.hit ?? 3, sampleMrns: [], by: o.by ?? DE, backtestedAt: AT },
});
export const activated = (by: RifAuthor = DE, at = AT): RifEvent => ({ type: 'RifProfileActivated', data: { rifId: RIF_ID, criterion: profile(), activatedBy: by, activatedAt: at } });
export const deactivated = (by: RifAuthor = DE, at = AT): RifEvent => ({
  type: 'RifProfileDeactivated',
  data: { rifId: RIF_ID, criterionId: profile().id, version: 1, deactivatedBy: by, deactivatedAt: at },
});

// commands -------------------------------------------------------------------------------------------------------

export const draft = (o: { by?: RifAuthor; content?: RifContent; rifId?: string } = {}): RifCommand => ({
  type: 'DraftRif',
  data: { rifId: o.rifId ?? RIF_ID, by: o.by ?? DE, content: o.content ?? content(), at: AT },
});
export const edit = (c: RifContent, by: RifAuthor = DE): RifCommand => ({ type: 'EditRif', data: { by, content: c, at: AT } });
export const publish = (recipients: 'all' | readonly string[] = 'all', by: RifAuthor = DE, at = AT): RifCommand => ({ type: 'PublishRif', data: { by, recipients, at } });
export const giveFeedback = (by: RifAuthor = FR, feedback: RifFeedback = FEEDBACK, at = AT): RifCommand => ({ type: 'RecordFeedback', data: { by, feedback, at } });
export const close = (by: RifAuthor = DE, at = AT): RifCommand => ({ type: 'CloseRif', data: { by, at } });
export const expire = (at: string): RifCommand => ({ type: 'ExpireRif', data: { at } });
export const PAST = { from: '2026-01-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
export const recordBacktest = (o: { by?: RifAuthor; profile?: Criterion; period?: { from: string; to: string }; at?: string } = {}): RifCommand => ({
  type: 'RecordBacktest',
  data: { by: o.by ?? DE, profile: o.profile ?? profile(), period: o.period ?? PAST, result: { filings: 120, hit: 3, sampleMrns: [] }, at: o.at ?? AT },
});
export const activate = (by: RifAuthor = DE, at = AT): RifCommand => ({ type: 'ActivateProfile', data: { by, at } });
export const deactivate = (by: RifAuthor = DE, at = AT): RifCommand => ({ type: 'DeactivateProfile', data: { by, at } });
