/** CloseRif: the author ends its RIF (or withdraws its draft). The door maps; the RIF decider decides. */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, rifReplyOf } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import { Shape } from '../doors/request-shape';

@Controller()
export class CloseRifGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'CloseRif')
  @Roles('member-state', 'admin')
  async closeRif(@Payload() r: crmsV1.CloseRifRequest, @Caller() caller: Principal): Promise<crmsV1.RifReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const shape = new Shape();
    const reason = shape.optional(r.reason, '/reason', 2_000);
    shape.done();
    const now = this.clock.now();
    const outcome = await this.commands.rif(
      r.rif_id,
      { type: 'CloseRif', data: { by, ...(reason ? { reason } : {}), at: now.toISOString() } },
      { commandId: commandIdOf('CloseRif', r.rif_id, by, messageId), actor: caller.actor, at: now },
    );
    return rifReplyOf(r.rif_id, outcome);
  }
}
