/**
 * Which RIF status accepts which command, as data: `ok`, or the rule it is refused by (code 92). The expiry
 * processor's command reads the same table but a "no" is nothing to do, not a refusal.
 */
import type { LifecycleRule } from '../../refusal-rules.table';
import type { RifCommand } from '../rif.commands';
import type { RifStatus } from '../rif.state';

export type RifLifecycleCommand = Exclude<RifCommand['type'], 'DraftRif' | 'RecordBacktest'> | 'BacktestProfile';
export type LifecycleVerdict = 'ok' | LifecycleRule;

const ENDED = { closed: 'RIF_CLOSED', expired: 'RIF_EXPIRED' } as const;

export const RIF_LIFECYCLE: Readonly<Record<RifLifecycleCommand, Readonly<Record<RifStatus, LifecycleVerdict>>>> = {
  EditRif: { draft: 'ok', published: 'RIF_PUBLISHED', ...ENDED },
  PublishRif: { draft: 'ok', published: 'RIF_PUBLISHED', ...ENDED },
  RecordFeedback: { draft: 'RIF_NOT_PUBLISHED', published: 'ok', ...ENDED },
  // A draft may be closed too: withdrawn without ever being published.
  CloseRif: { draft: 'ok', published: 'ok', ...ENDED },
  ExpireRif: { draft: 'RIF_NOT_PUBLISHED', published: 'ok', ...ENDED },
  // A backtest helps write the profile: drafts may be backtested as well as published RIFs.
  BacktestProfile: { draft: 'ok', published: 'ok', ...ENDED },
  ActivateProfile: { draft: 'RIF_NOT_PUBLISHED', published: 'ok', ...ENDED },
  DeactivateProfile: { draft: 'RIF_NOT_PUBLISHED', published: 'ok', ...ENDED },
};
