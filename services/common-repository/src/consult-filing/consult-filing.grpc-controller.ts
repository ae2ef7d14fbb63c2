import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { filingNotFound, traderEori } from '../doors/door-answers';
import { ConsultFilingQuery, type ConsultedFiling } from './consult-filing.query';

const iso = (d: Date | null) => (d ? d.toISOString() : '');

@Controller()
export class ConsultFilingGrpcController {
  constructor(private readonly query: ConsultFilingQuery) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'ConsultFiling')
  @Roles('trader')
  async consultFiling(@Payload() request: commonRepositoryV1.ConsultFilingRequest, @Caller() caller: Principal): Promise<commonRepositoryV1.ConsultFilingReply> {
    const found = await this.query.byMrn(request.mrn, traderEori(caller));
    if (!found) throw filingNotFound(request.mrn);
    return toReply(found);
  }
}

function toReply({ row, linked }: ConsultedFiling): commonRepositoryV1.ConsultFilingReply {
  return {
    message_type: 'IE3R08',
    mrn: row.mrn,
    lrn: row.lrn,
    state: row.status,
    specific_circumstance_indicator: row.filingType,
    level: row.level,
    registered_at: iso(row.registeredAt),
    filing_json: JSON.stringify(row.filing),
    linked: linked.map((l) => ({ mrn: l.mrn, level: l.level, state: l.state, house_document: l.houseDocument, visible: l.visible })),
    missing_house_documents: row.missing,
    consistency: row.consistency ?? '',
    responsible_member_state: row.responsibleMemberState ?? '',
    involved_member_states: row.involvedMemberStates,
    arrived_at: iso(row.arrivedAt),
    presented_at: iso(row.presentedAt),
    invalidated_at: iso(row.invalidatedAt),
    amended_at: iso(row.amendedAt),
    revision: row.revision,
    ens_presented_mrn: row.ensPresentedMrn ?? '',
    ens_presented_at: iso(row.ensPresentedAt),
  };
}
