/** RecordFeedback: a recipient Member State's evaluation of a RIF. The door maps; the RIF decider decides. */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { commandIdOf, crmsCallerOf, isCrmsId, messageIdOf, notFoundError, rifReplyOf } from '../doors/door-answers';
import { CrmsCommands } from '../doors/crms-commands';
import { rifFeedbackOf } from '../doors/rif-request';

@Controller()
export class RecordFeedbackGrpcController {
  constructor(
    private readonly commands: CrmsCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // The Commission may call it (it is refused by the decider, as it sees the RIF): the answer is the same either way.
  @GrpcMethod(crmsV1.CRMS_SERVICE, 'RecordFeedback')
  @Roles('member-state', 'admin')
  async recordFeedback(@Payload() r: crmsV1.RecordFeedbackRequest, @Caller() caller: Principal): Promise<crmsV1.RifReply> {
    const by = crmsCallerOf(caller);
    if (!isCrmsId('RIF', r.rif_id)) throw notFoundError('RIF', r.rif_id);
    const messageId = messageIdOf(r.message_id);
    const feedback = rifFeedbackOf(r.feedback);
    const now = this.clock.now();
    const outcome = await this.commands.rif(r.rif_id, { type: 'RecordFeedback', data: { by, feedback, at: now.toISOString() } }, { commandId: commandIdOf('RecordFeedback', r.rif_id, by, messageId), actor: caller.actor, at: now });
    return rifReplyOf(r.rif_id, outcome);
  }
}
