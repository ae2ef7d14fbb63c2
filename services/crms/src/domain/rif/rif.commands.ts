/**
 * What can be asked of a RIF (stream `rif-<id>`). Every input arrives as data: who asks (`by`), when (`at`), the
 * id the door allocated, the backtest's result as risk-analysis counted it.
 */
import type { Command } from '@ics2/domain';
import type { Criterion, RifAuthor, RifContent, RifFeedback } from '@ics2/contracts';

export type DraftRif = Command<'DraftRif', { readonly rifId: string; readonly by: RifAuthor; readonly content: RifContent; readonly at: string }>;
export type EditRif = Command<'EditRif', { readonly by: RifAuthor; readonly content: RifContent; readonly at: string }>;
export type PublishRif = Command<'PublishRif', { readonly by: RifAuthor; readonly recipients: 'all' | readonly string[]; readonly at: string }>;
export type RecordFeedback = Command<'RecordFeedback', { readonly by: RifAuthor; readonly feedback: RifFeedback; readonly at: string }>;
export type CloseRif = Command<'CloseRif', { readonly by: RifAuthor; readonly reason?: string; readonly at: string }>;
/** The expiry processor's: the end of validity passed. */
export type ExpireRif = Command<'ExpireRif', { readonly at: string }>;

export interface BacktestPeriod {
  readonly from: string;
  readonly to: string;
}

export interface BacktestResult {
  readonly filings: number;
  readonly hit: number;
  readonly sampleMrns: readonly string[];
}

/** The profile risk-analysis ran (so a profile edited meanwhile is noticed), the period and what it counted. */
export type RecordBacktest = Command<
  'RecordBacktest',
  { readonly by: RifAuthor; readonly profile: Criterion; readonly period: BacktestPeriod; readonly result: BacktestResult; readonly at: string }
>;
export type ActivateProfile = Command<'ActivateProfile', { readonly by: RifAuthor; readonly at: string }>;
export type DeactivateProfile = Command<'DeactivateProfile', { readonly by: RifAuthor; readonly at: string }>;

export type RifCommand = DraftRif | EditRif | PublishRif | RecordFeedback | CloseRif | ExpireRif | RecordBacktest | ActivateProfile | DeactivateProfile;
