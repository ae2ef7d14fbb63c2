import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { checkCharacterSet } from '@ics2/domain';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { invalidMessage, traderEori } from '../doors/door-answers';
import { FindFilingsQuery } from './find-filings.query';

@Controller()
export class FindFilingsGrpcController {
  constructor(private readonly query: FindFilingsQuery) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'FindFilings')
  @Roles('trader')
  async findFilings(@Payload() request: commonRepositoryV1.FindFilingsRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.FindFilingsReply> {
    const doc = request.transport_document;
    if (!doc || doc.length > 70) throw invalidMessage([{ code: '12', pointer: '/transportDocument', description: 'a transport document number of 1 to 70 characters' }]);
    // Every stored document number passed this check when it was filed, so refusing here hides no filing; and a NUL
    // character, which PostgreSQL cannot take as text, failed the query (INTERNAL).
    const characters = checkCharacterSet(doc);
    if (!characters.ok) throw invalidMessage([{ code: '102', pointer: '/transportDocument', description: characters.problem.reason }]);
    const rows = await this.query.byTransportDocument(doc, traderEori(caller));
    return {
      message_type: 'IE3R08',
      filings: rows.map((r) => ({
        mrn: r.mrn,
        lrn: r.lrn,
        state: r.status,
        specific_circumstance_indicator: r.filingType,
        level: r.level,
        registered_at: r.registeredAt.toISOString(),
        matched_document: r.masterDocument === doc ? 'master' : 'house',
      })),
    };
  }
}
