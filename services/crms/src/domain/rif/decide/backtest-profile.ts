import type { Criterion, RifAuthor, RifEvent } from '@ics2/contracts';
import { conflict, invalid, isRefusal, outOfSequence, wrong, type CrmsRefusal } from '../../crms.refusals';
import { sameJson } from '../../rules/canonical-json';
import { hasReached, isBefore } from '../../rules/instants';
import type { BacktestPeriod, RecordBacktest } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { asAuthor } from '../rules/rif-access';
import type { ExistingRif, RifState } from '../rif.state';

/**
 * May the caller backtest this RIF's profile over this period now? The author only, on a draft or a published RIF
 * still valid, with a profile, over a past period. The door asks before it calls risk-analysis, and the decider asks
 * again when the result is recorded: one rule, one place.
 */
export function mayBacktest(state: RifState, by: RifAuthor, period: BacktestPeriod, at: string): (ExistingRif & { readonly profile: Criterion }) | CrmsRefusal {
  const rif = asAuthor(state, by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.BacktestProfile[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  if (rif.status === 'published' && hasReached(at, rif.content.validTo)) return outOfSequence('RIF_VALIDITY_ENDED');
  const profile = rif.content.riskProfile;
  if (!profile) return outOfSequence('RIF_NO_PROFILE');
  if (!isBefore(period.from, period.to)) return invalid([wrong('/to', 'PERIOD_RANGE')]);
  if (isBefore(at, period.to)) return invalid([wrong('/to', 'PERIOD_NOT_PAST')]);
  return { ...rif, profile };
}

/** The backtest's result, recorded for the profile it ran on: if the draft's profile changed meanwhile, refused. */
export function recordBacktest(command: RecordBacktest['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = mayBacktest(state, command.by, command.period, command.at);
  if (isRefusal(rif)) return rif;
  if (!sameJson(rif.profile, command.profile)) return conflict('RIF_PROFILE_CHANGED');
  const { filings, hit, sampleMrns } = command.result;
  return [{ type: 'RifProfileBacktested', data: { rifId: rif.rifId, from: command.period.from, to: command.period.to, filings, hit, sampleMrns, by: command.by, backtestedAt: command.at } }];
}
