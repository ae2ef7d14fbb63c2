import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { parseMrn } from '@ics2/domain';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { filingNotFound, invalidMessage, toIssues, traderEori } from '../doors/door-answers';
import { InvalidateFilingHandler } from './invalidate-filing.handler';

@Controller()
export class InvalidateFilingGrpcController {
  constructor(
    private readonly handler: InvalidateFilingHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'InvalidateFiling')
  @Roles('trader')
  async invalidateFiling(@Payload() request: commonRepositoryV1.InvalidateFilingRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.InvalidateFilingReply> {
    const sender = traderEori(caller);
    if (!parseMrn(request.mrn).ok) throw filingNotFound(request.mrn);
    if (!request.message_id) throw invalidMessage([{ code: 'X01', pointer: '', description: 'a message id is required' }]);
    const a = await this.handler.handle(request.mrn, request.message_id, sender, this.clock.now());
    return { message_type: a.errors.length ? 'IE3N01' : 'IE3R07', mrn: a.mrn, lrn: a.lrn, invalidated_at: a.at, replayed: a.replayed, errors: toIssues(a.errors) };
  }
}
