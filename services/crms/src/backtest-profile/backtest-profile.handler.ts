/**
 * BacktestProfile: the decider's rule is asked first (mayBacktest: the author, a profile, a past period), then
 * risk-analysis counts the filings of the period the profile would have hit (BacktestCriterion, with the caller's
 * own token), then the result is recorded for the profile it ran on (RifProfileBacktested). A retry with the same
 * message id is answered from the recorded event, before the rule is asked again.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { crmsV1, RifEvent, RifProfileBacktested } from '@ics2/contracts';
import { rifStream } from '@ics2/event-store';
import { CLOCK, type Clock, type Principal } from '@ics2/platform';
import { commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, refusalError } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import type { CallContext } from '../doors/forwarded-call';
import { Shape } from '../doors/request-shape';
import { isRefusal } from '../domain/crms.refusals';
import { mayBacktest } from '../domain/rif/decide/backtest-profile';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';

@Injectable()
export class BacktestProfileHandler {
  constructor(
    private readonly commands: CrmsCommands,
    private readonly riskAnalysis: RiskAnalysisClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async backtest(r: crmsV1.BacktestProfileRequest, caller: Principal, ctx: CallContext): Promise<crmsV1.BacktestProfileReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const shape = new Shape();
    const period = { from: shape.instant(r.from, '/from'), to: shape.instant(r.to, '/to') };
    shape.done();
    const commandId = commandIdOf('BacktestProfile', r.rif_id, by, messageId);
    // A retry is answered with the backtest its first request recorded, before the rule is asked again or
    // risk-analysis counts again (the RIF may have been closed since: the retry was RIF_CLOSED).
    const recorded = (await this.commands.recordedBy<RifEvent>(rifStream(r.rif_id), commandId))?.find((e) => e.type === 'RifProfileBacktested');
    if (recorded?.type === 'RifProfileBacktested') return replyOf(r.rif_id, recorded.data, true);
    const now = this.clock.now();
    const at = now.toISOString();
    const rif = mayBacktest(await this.commands.rifState(r.rif_id), by, period, at);
    if (isRefusal(rif)) throw refusalError(rif, 'RIF', r.rif_id);
    const counted = await this.riskAnalysis.backtestCriterion({ criterion_json: JSON.stringify(rif.profile), from: period.from, to: period.to }, ctx);
    const outcome = await this.commands.rif(
      r.rif_id,
      { type: 'RecordBacktest', data: { by, profile: rif.profile, period, result: { filings: counted.filings, hit: counted.hit, sampleMrns: counted.sample_mrns }, at } },
      { commandId, actor: caller.actor, at: now },
    );
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'RIF', r.rif_id);
    const backtested = outcome.kind === 'unchanged' ? undefined : outcome.events.find((e) => e.type === 'RifProfileBacktested');
    return replyOf(r.rif_id, backtested?.type === 'RifProfileBacktested' ? backtested.data : { filings: counted.filings, hit: counted.hit, sampleMrns: counted.sample_mrns }, outcome.kind === 'replayed');
  }
}

function replyOf(rifId: string, result: Pick<RifProfileBacktested['data'], 'filings' | 'hit' | 'sampleMrns'>, replayed: boolean): crmsV1.BacktestProfileReply {
  return { rif_id: rifId, filings: result.filings, hit: result.hit, sample_mrns: [...result.sampleMrns], replayed };
}
