/**
 * Drafting: DraftRif allocates the RIF id from the caller's message id (a retry names the same RIF), EditRif
 * replaces a draft's content. A risk profile is given crms's identity (rules/rif-profile.ts) and checked by
 * risk-analysis, whose criteria format it is (ValidateCriterion, with the caller's own token), before the decider
 * sees it; its problems come back at `/content/riskProfile/...`.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { crmsV1, Criterion, RifAuthor, RifContent } from '@ics2/contracts';
import { CLOCK, PlatformError, type Clock, type Principal } from '@ics2/platform';
import { allocateId, commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, rifReplyOf } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import type { CallContext } from '../doors/forwarded-call';
import { rifContentOf } from '../doors/rif-request';
import { sameJson } from '../domain/rules/canonical-json';
import { stampProfile } from '../domain/rif/rules/rif-profile';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';

@Injectable()
export class DraftRifHandler {
  constructor(
    private readonly commands: CrmsCommands,
    private readonly riskAnalysis: RiskAnalysisClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async draft(r: crmsV1.DraftRifRequest, caller: Principal, ctx: CallContext): Promise<crmsV1.RifReply> {
    const by = crmsCallerOf(caller);
    const messageId = messageIdOf(r.message_id);
    const requested = rifContentOf(r.content);
    const rifId = allocateId('RIF', by, messageId);
    const content = await this.withProfile(rifId, by, requested, ctx);
    const now = this.clock.now();
    const outcome = await this.commands.rif(rifId, { type: 'DraftRif', data: { rifId, by, content, at: now.toISOString() } }, { commandId: commandIdOf('DraftRif', rifId, by, messageId), actor: caller.actor, at: now });
    if (outcome.kind === 'replayed') {
      const first = outcome.events[0];
      if (first?.type !== 'RifDrafted' || !sameJson(first.data.content, content)) {
        throw new PlatformError('conflict', 'CRMS.MESSAGE_ID_REUSED', 'this message id drafted a RIF with other content');
      }
    }
    return rifReplyOf(rifId, outcome);
  }

  async edit(r: crmsV1.EditRifRequest, caller: Principal, ctx: CallContext): Promise<crmsV1.RifReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const content = await this.withProfile(r.rif_id, by, rifContentOf(r.content), ctx);
    const now = this.clock.now();
    const outcome = await this.commands.rif(r.rif_id, { type: 'EditRif', data: { by, content, at: now.toISOString() } }, { commandId: commandIdOf('EditRif', r.rif_id, by, messageId), actor: caller.actor, at: now });
    return rifReplyOf(r.rif_id, outcome);
  }

  /** The content with its profile stamped and accepted by risk-analysis, or without a profile. */
  private async withProfile(rifId: string, by: RifAuthor, requested: ReturnType<typeof rifContentOf>, ctx: CallContext): Promise<RifContent> {
    if (!requested.profile) return requested.content;
    const profile = stampProfile(rifId, by, requested.profile);
    const verdict = await this.riskAnalysis.validateCriterion({ criterion_json: JSON.stringify(profile) }, ctx);
    if (!verdict.valid) {
      throw new PlatformError(
        'validation',
        'CRMS.PROFILE_INVALID',
        'the risk profile is not a valid criterion',
        verdict.errors.map((e) => ({ validationCode: e.validation_code, pointer: `/content/riskProfile${e.pointer}`, description: e.description })),
      );
    }
    return { ...requested.content, riskProfile: profile as unknown as Criterion };
  }
}
