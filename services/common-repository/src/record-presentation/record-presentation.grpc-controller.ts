import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { isIsoInstant, parseCustomsOffice, parseMrn } from '@ics2/domain';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { filingNotFound, invalidMessage, memberStateOf, refusalError } from '../doors/door-answers';
import { RecordPresentationHandler } from './record-presentation.handler';

/** FilingService.RecordPresentation: the Member State of presentation records that the goods were presented. */
@Controller()
export class RecordPresentationGrpcController {
  constructor(
    private readonly handler: RecordPresentationHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'RecordPresentation')
  @Roles('member-state')
  async recordPresentation(@Payload() request: commonRepositoryV1.RecordPresentationRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.RecordPresentationReply> {
    const { memberState, userId } = memberStateOf(caller);
    if (!parseMrn(request.mrn).ok) throw filingNotFound(request.mrn);
    if (!parseCustomsOffice(request.office).ok) throw invalidMessage([{ code: '12', pointer: '/office', description: 'not a customs office reference' }]);
    const now = this.clock.now();
    const presentedAt = request.presented_at || now.toISOString();
    // Date.parse alone took '1' (2001) and a time without its zone, which the presentation then recorded as given.
    if (!isIsoInstant(presentedAt)) throw invalidMessage([{ code: '12', pointer: '/presentedAt', description: 'an ISO-8601 UTC instant, 2026-12-01T09:00:00Z' }]);
    const outcome = await this.handler.handle(
      request.mrn,
      { type: 'RecordPresentation', data: { office: request.office, presentedAt: new Date(presentedAt).toISOString(), memberState } },
      { kind: 'member-state', memberState, userId },
      now,
    );
    if (outcome.kind === 'refused') throw refusalError(outcome.refusal, request.mrn);
    const state = outcome.state;
    return {
      mrn: request.mrn,
      state: state.status,
      presented_at: state.status === 'none' ? '' : (state.presentedAt ?? ''),
      replayed: outcome.kind !== 'appended',
      errors: [],
    };
  }
}
