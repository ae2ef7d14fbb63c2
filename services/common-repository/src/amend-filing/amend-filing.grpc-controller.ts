import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { parseMrn } from '@ics2/domain';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { filingNotFound, invalidMessage, toIssues, traderEori } from '../doors/door-answers';
import { parseFilingMessage, senderError } from '../domain/messages/filing-message';
import { AmendFilingHandler } from './amend-filing.handler';

@Controller()
export class AmendFilingGrpcController {
  constructor(
    private readonly handler: AmendFilingHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'AmendFiling')
  @Roles('trader')
  async amendFiling(@Payload() request: commonRepositoryV1.AmendFilingRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.AmendFilingReply> {
    const sender = traderEori(caller);
    if (!parseMrn(request.mrn).ok) throw filingNotFound(request.mrn);
    if (!request.message_id) throw invalidMessage([{ code: 'X01', pointer: '', description: 'a message id is required' }]);
    const parsed = parseFilingMessage(request.filing_json);
    if (!parsed.ok) throw invalidMessage(parsed.errors);
    const notSender = senderError(parsed.value, sender);
    if (notSender) throw invalidMessage([notSender]);
    const a = await this.handler.handle(request.mrn, request.message_id, parsed.value, sender, this.clock.now());
    return {
      message_type: a.errors.length ? 'IE3N01' : 'IE3N10',
      mrn: a.mrn,
      lrn: a.lrn,
      amended_at: a.amendedAt,
      changed: [...a.changed],
      replayed: a.replayed,
      errors: toIssues(a.errors),
    };
  }
}
