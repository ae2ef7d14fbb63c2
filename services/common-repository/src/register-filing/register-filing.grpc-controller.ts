import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { invalidMessage, toIssues, traderEori } from '../doors/door-answers';
import { parseFilingMessage, senderError } from '../domain/messages/filing-message';
import { RegisterFilingHandler, type Registration } from './register-filing.handler';

/** FilingService.RegisterFiling: request -> RegisterFiling -> IE3R01; maps, holds no rule. */
@Controller()
export class RegisterFilingGrpcController {
  constructor(
    private readonly handler: RegisterFilingHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'RegisterFiling')
  @Roles('trader')
  async registerFiling(@Payload() request: commonRepositoryV1.RegisterFilingRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.RegisterFilingReply> {
    const sender = traderEori(caller);
    const parsed = parseFilingMessage(request.filing_json);
    if (!parsed.ok) throw invalidMessage(parsed.errors);
    const notSender = senderError(parsed.value, sender);
    if (notSender) throw invalidMessage([notSender]);
    return toReply(await this.handler.handle(parsed.value, sender, this.clock.now()));
  }
}

function toReply(r: Registration): commonRepositoryV1.RegisterFilingReply {
  const { registered } = r;
  return {
    message_type: r.rejection ? 'IE3N01' : 'IE3R01',
    mrn: registered.mrn,
    lrn: registered.lrn,
    registered_at: registered.registeredAt,
    replayed: r.replayed,
    specific_circumstance_indicator: registered.filingType,
    customs_office_of_first_entry: registered.filing.customsOfficeOfFirstEntry.referenceNumber,
    responsible_member_state: r.responsibility?.responsibleMemberState ?? '',
    addressed_member_state: registered.filing.addressedMemberState?.country ?? '',
    declarant: registered.parties.declarant,
    representative: registered.parties.representative ?? '',
    carrier: registered.parties.carrier ?? '',
    errors: toIssues(r.rejection ?? []),
  };
}
