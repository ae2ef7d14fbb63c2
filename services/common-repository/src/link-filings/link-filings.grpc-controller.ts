import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { Caller, CLOCK, ReadModelDatabase, Roles, type Clock, type Principal } from '@ics2/platform';
import { filingNotFound, invalidMessage, memberStateOf, refusalError } from '../doors/door-answers';
import { LinkFilingsHandler } from './link-filings.handler';
import { LinkingKeys } from './linking-keys';

/**
 * FilingService.LinkFilings: the responsible Member State links a house filing to a master by hand (after a link
 * proposal, PET12). Only the master's responsible Member State may; to any other the master is unknown.
 */
@Controller()
export class LinkFilingsGrpcController {
  constructor(
    private readonly handler: LinkFilingsHandler,
    private readonly db: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'LinkFilings')
  @Roles('member-state')
  async linkFilings(@Payload() request: commonRepositoryV1.LinkFilingsRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.LinkFilingsReply> {
    const { memberState, userId } = memberStateOf(caller);
    const responsible = await this.db.manager.query('SELECT responsible_member_state FROM common_repository.filing_view WHERE mrn = $1', [request.master_mrn]);
    if (responsible[0]?.responsible_member_state !== memberState) throw filingNotFound(request.master_mrn);
    const now = this.clock.now();
    return this.db.inTransaction(async (tx) => {
      const keys = new LinkingKeys(tx);
      const [master, house] = [await keys.get(request.master_mrn), await keys.get(request.house_mrn)];
      if (!master || master.level !== 'master') throw filingNotFound(request.master_mrn);
      if (!house || house.level !== 'house') throw filingNotFound(request.house_mrn);
      if (!master.house_documents.includes(request.house_document) && master.house_documents.length > 0) {
        throw invalidMessage([{ code: '12', pointer: '/houseDocument', description: 'the master does not list this house document' }]);
      }
      const result = await this.handler.link(keys, master, house, request.house_document, 'manual', { kind: 'member-state', memberState, userId }, now);
      if (result.kind === 'refused') throw refusalError(result.refusal, result.by === 'master' ? request.master_mrn : request.house_mrn);
      return { master_mrn: master.mrn, house_mrn: house.mrn, master_state: result.master.state.status, errors: [] };
    });
  }
}
