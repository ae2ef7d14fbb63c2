import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { invalidMessage, toIssues, traderEori } from '../doors/door-answers';
import { parseArrivalMessage } from '../domain/messages/arrival-message';
import { NotifyArrivalHandler } from './notify-arrival.handler';

@Controller()
export class NotifyArrivalGrpcController {
  constructor(
    private readonly handler: NotifyArrivalHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'NotifyArrival')
  @Roles('trader')
  async notifyArrival(@Payload() request: commonRepositoryV1.NotifyArrivalRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.NotifyArrivalReply> {
    const sender = traderEori(caller);
    if (!request.message_id) throw invalidMessage([{ code: 'X01', pointer: '', description: 'a message id is required' }]);
    const parsed = parseArrivalMessage(request.arrival_json);
    if (!parsed.ok) throw invalidMessage(parsed.errors);
    const { registration, replayed } = await this.handler.handle(parsed.value, request.message_id, sender, this.clock.now());
    return {
      message_type: 'IE3R04',
      arrival_mrn: registration.arrivalMrn,
      registered_at: registration.registeredAt,
      arrived: [...registration.arrived],
      incorrect_state: registration.refused.map((r) => ({ mrn: r.mrn, message_type: 'IE3N07', errors: toIssues(r.errors) })),
      replayed,
    };
  }
}
