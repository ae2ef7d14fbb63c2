/**
 * ActivateProfile, DeactivateProfile: the RIF's profile becomes (stops being) a live criterion. crms only appends
 * RifProfileActivated / RifProfileDeactivated; risk-analysis reads them and records and (de)activates the criterion
 * with the RIF as its origin. The door maps; the RIF decider decides.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, refusalError } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';

const S = crmsV1.CRMS_SERVICE;

@Controller()
export class ActivateProfileGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(S, 'ActivateProfile')
  @Roles('member-state', 'admin')
  activateProfile(@Payload() r: crmsV1.ProfileRequest, @Caller() caller: Principal): Promise<crmsV1.ProfileReply> {
    return this.change(r, caller, 'ActivateProfile');
  }

  @GrpcMethod(S, 'DeactivateProfile')
  @Roles('member-state', 'admin')
  deactivateProfile(@Payload() r: crmsV1.ProfileRequest, @Caller() caller: Principal): Promise<crmsV1.ProfileReply> {
    return this.change(r, caller, 'DeactivateProfile');
  }

  private async change(r: crmsV1.ProfileRequest, caller: Principal, type: 'ActivateProfile' | 'DeactivateProfile'): Promise<crmsV1.ProfileReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const now = this.clock.now();
    const outcome = await this.commands.rif(r.rif_id, { type, data: { by, at: now.toISOString() } }, { commandId: commandIdOf(type, r.rif_id, by, messageId), actor: caller.actor, at: now });
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'RIF', r.rif_id);
    const state = outcome.state;
    const profile = state.status === 'none' ? undefined : state.content.riskProfile;
    return {
      rif_id: r.rif_id,
      criterion_id: profile?.id ?? '',
      version: profile?.version ?? 0,
      active: state.status !== 'none' && state.profileActive,
      replayed: outcome.kind === 'replayed',
    };
  }
}
