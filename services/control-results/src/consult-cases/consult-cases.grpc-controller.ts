/**
 * What a Member State reads of control cases: its queue as the Member State of control (the read model), and one
 * case with its decision and results, read from the case's stream. The responsible and involved Member States see
 * the cases of their filings (the results are shared with them); any other caller finds nothing. Each case either
 * door answers is recorded in the access log of its MRN first.
 */
import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { controlResultsV1 } from '@ics2/contracts';
import { isMrn } from '@ics2/domain';
import { AccessLog, Caller, memberStateUserOf, Purpose, ReadModelDatabase, Roles, type Principal } from '@ics2/platform';
import { In } from 'typeorm';
import { caseReply, concerns } from '../doors/case-reply';
import { ControlCommands } from '../doors/control-commands';
import { caseNotFound, invalid } from '../doors/door-answers';
import { caseOf } from '../domain/control-case.state';
import { ControlCaseRow } from '../read-models/control-cases/control-case.row';

const S = controlResultsV1.CONTROL_RESULTS_SERVICE;
/** The queue's page: `limit` 0 (not given) is this many, and at most CASES_MAX_LIMIT. */
const CASES_DEFAULT_LIMIT = 50;
const CASES_MAX_LIMIT = 200;

@Controller()
export class ConsultCasesGrpcController {
  constructor(
    private readonly db: ReadModelDatabase,
    private readonly commands: ControlCommands,
    private readonly accessLog: AccessLog,
  ) {}

  @GrpcMethod(S, 'ListCases')
  @Roles('member-state')
  async listCases(@Payload() r: controlResultsV1.ListCasesRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<controlResultsV1.ListCasesReply> {
    const { memberState } = memberStateUserOf(caller);
    // Out of range is refused, not bent: -1 gave one case, and 5,000 two hundred as if that were the whole queue.
    if (r.limit < 0 || r.limit > CASES_MAX_LIMIT) throw invalid('/limit', `1 to ${CASES_MAX_LIMIT} cases, or 0 for ${CASES_DEFAULT_LIMIT}`);
    const rows = await this.db.manager.getRepository(ControlCaseRow).find({
      where: { memberStateOfControl: memberState, status: In(['awaiting-decision', 'decided-control']) },
      order: { openedAt: 'ASC' },
      take: r.limit || CASES_DEFAULT_LIMIT,
    });
    const cases = (await Promise.all(rows.map(async (row) => caseOf(await this.commands.state(row.mrn), row.caseId)))).flatMap((c) => (c ? [c] : []));
    // Whole cases leave here as from GetCase (the filers, carrier and AEOs the decision names, the results' findings):
    // each is recorded as read, else the queue was a way to read them that left no trace.
    await this.accessLog.recordAll(
      caller,
      cases.map((c) => ({ resource: 'control-case', id: c.opened.caseId, mrn: c.opened.mrn, purpose, defaultPurpose: 'customs control', door: `${S} ListCases` })),
    );
    return { cases: cases.map(caseReply) };
  }

  @GrpcMethod(S, 'GetCase')
  @Roles('member-state')
  async getCase(@Payload() r: controlResultsV1.GetCaseRequest, @Caller() caller: Principal, @Purpose() purpose: string | undefined): Promise<controlResultsV1.ControlCase> {
    const { memberState } = memberStateUserOf(caller);
    if (!isMrn(r.mrn) || !r.case_id) throw caseNotFound(r.mrn, r.case_id);
    const c = caseOf(await this.commands.state(r.mrn), r.case_id);
    if (!c || !concerns(c, memberState)) throw caseNotFound(r.mrn, r.case_id);
    await this.accessLog.record(caller, { resource: 'control-case', id: r.case_id, mrn: r.mrn, purpose, defaultPurpose: 'customs control', door: `${S} GetCase` });
    return caseReply(c);
  }
}
