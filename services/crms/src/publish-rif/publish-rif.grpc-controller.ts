/** PublishRif: to every Member State or to the named ones. The door maps; the RIF decider decides. */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, rifReplyOf } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import { recipientsOf } from '../doors/request-shape';

@Controller()
export class PublishRifGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'PublishRif')
  @Roles('member-state', 'admin')
  async publishRif(@Payload() r: crmsV1.PublishRifRequest, @Caller() caller: Principal): Promise<crmsV1.RifReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const recipients = recipientsOf(r.all_member_states, r.member_states);
    const now = this.clock.now();
    const outcome = await this.commands.rif(r.rif_id, { type: 'PublishRif', data: { by, recipients, at: now.toISOString() } }, { commandId: commandIdOf('PublishRif', r.rif_id, by, messageId), actor: caller.actor, at: now });
    return rifReplyOf(r.rif_id, outcome);
  }
}
