/** A RIF's state, a union by status (STYLE): what the rules read, folded from its events by rif.evolve.ts. */
import type { RifAuthor, RifContent } from '@ics2/contracts';

export const RIF_STATUSES = ['draft', 'published', 'closed', 'expired'] as const;
export type RifStatus = (typeof RIF_STATUSES)[number];

export interface RecordedBacktest {
  readonly from: string;
  readonly to: string;
  readonly filings: number;
  readonly hit: number;
  readonly backtestedAt: string;
}

export interface RifFacts {
  readonly rifId: string;
  readonly author: RifAuthor;
  readonly content: RifContent;
  /** Null until published. */
  readonly recipients: 'all' | readonly string[] | null;
  readonly publishedAt: string | null;
  /** The Member States that recorded feedback, each once. */
  readonly feedbackFrom: readonly string[];
  /** The last backtest of the current profile; an edit that changes the profile forgets it. */
  readonly backtest: RecordedBacktest | null;
  readonly profileActive: boolean;
}

export type DraftedRif = RifFacts & { readonly status: 'draft' };
export type PublishedRif = RifFacts & { readonly status: 'published'; readonly recipients: 'all' | readonly string[]; readonly publishedAt: string };
export type ClosedRif = RifFacts & { readonly status: 'closed' };
export type ExpiredRif = RifFacts & { readonly status: 'expired' };
export type ExistingRif = DraftedRif | PublishedRif | ClosedRif | ExpiredRif;
export type RifState = { readonly status: 'none' } | ExistingRif;

export const initialRifState = (): RifState => ({ status: 'none' });
