import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { commonRepositoryV1 } from '@ics2/contracts';
import { parseMrn } from '@ics2/domain';
import { AccessLog, Caller, Purpose, Roles, type Principal } from '@ics2/platform';
import { invalidMessage, memberStateOf } from '../doors/door-answers';
import { LinkProposalsQuery, PROPOSALS_MAX_LIMIT } from './link-proposals.query';

const DOOR = `${commonRepositoryV1.FILING_SERVICE} ListLinkProposals`;

/**
 * FilingService.ListLinkProposals: the responsible Member State's queue for manual linking (PET12), what the
 * linking timer proposed and LinkFilings acts on. A proposal names filings and their documents, filing data of
 * the candidate's operator too, so every filing listed is recorded in the access log before the answer leaves.
 */
@Controller()
export class LinkProposalsGrpcController {
  constructor(
    private readonly query: LinkProposalsQuery,
    private readonly accessLog: AccessLog,
  ) {}

  @GrpcMethod(commonRepositoryV1.FILING_SERVICE, 'ListLinkProposals')
  @Roles('member-state')
  async listLinkProposals(
    @Payload() request: commonRepositoryV1.ListLinkProposalsRequest,
    @Caller() caller: Principal,
    @Purpose() purpose: string | undefined,
  ): Promise<commonRepositoryV1.ListLinkProposalsReply> {
    const { memberState } = memberStateOf(caller);
    const limit = request.limit ?? 0;
    if (!Number.isInteger(limit) || limit < 0 || limit > PROPOSALS_MAX_LIMIT) {
      throw invalidMessage([{ code: '12', pointer: '/limit', description: `from 1 to ${PROPOSALS_MAX_LIMIT}, or 0 for the default` }]);
    }
    if (request.master_mrn && !parseMrn(request.master_mrn).ok) throw invalidMessage([{ code: '12', pointer: '/masterMrn', description: 'not an MRN' }]);
    const proposals = await this.query.open(memberState, limit, request.master_mrn || undefined);
    const listed = [...new Set(proposals.flatMap((p) => [p.masterMrn, p.candidateMrn]))];
    await this.accessLog.recordAll(
      caller,
      listed.map((mrn) => ({ resource: 'ens-filing', id: mrn, mrn, purpose, defaultPurpose: 'manual linking', door: DOOR })),
    );
    return {
      proposals: proposals.map((p) => ({
        master_mrn: p.masterMrn,
        master_document: p.masterDocument ?? '',
        house_document: p.houseDocument,
        candidate_mrn: p.candidateMrn,
        candidate_master_document: p.candidateMasterDocument ?? '',
        matched_on: p.matchedOn,
        proposed_at: p.proposedAt.toISOString(),
        master_state: p.masterState,
        candidate_state: p.candidateState,
      })),
    };
  }
}
