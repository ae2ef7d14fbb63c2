import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { commonRepositoryV1 } from '@ics2/contracts';
import { parseMrn } from '@ics2/domain';
import { Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { CommonRepositoryClient, type CallContext } from '../common-repository/common-repository.client';
import { Forwarded } from '../doors/call-context';
import { ie3n99 } from '../doors/ics2-refusal';
import { traderEori } from '../doors/json-body';
import { Ics2ErrorResponseDto } from '../register-filing/register-filing.response.dto';
import { FilingConsultedResponseDto, FilingsFoundResponseDto } from './consult-filing.response.dto';

const notFound = (mrn: string) => new PlatformError('not-found', 'ENS.NOT_FOUND', `no filing ${mrn}`, [{ validationCode: '12', pointer: '/mrn', description: 'no filing with this MRN' }]);

/**
 * IE3Q05, consultation: GET /v1/filings/{mrn} (IE3R08: the filing, its state, its linked filings) and
 * GET /v1/filings?transportDocument= (the caller's filings with that master or house document). A filing the caller
 * may not see answers 404 exactly like an unknown MRN.
 */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('v1/filings')
export class ConsultFilingHttpController {
  constructor(private readonly repository: CommonRepositoryClient) {}

  @Get(':mrn')
  @Roles('trader')
  @ApiOkResponse({ type: FilingConsultedResponseDto })
  @ApiNotFoundResponse({ type: Ics2ErrorResponseDto, description: 'unknown, or not the caller\'s' })
  async consultFiling(@Param('mrn') mrn: string, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<FilingConsultedResponseDto> {
    traderEori(caller);
    if (!parseMrn(mrn).ok) throw notFound(mrn);
    const reply = await this.repository.consultFiling({ mrn }, ctx).catch((e: unknown) => {
      throw e instanceof PlatformError && e.kind === 'not-found' ? notFound(mrn) : e;
    });
    return toConsulted(reply);
  }

  @Get()
  @Roles('trader')
  @ApiQuery({ name: 'transportDocument', required: true, example: '176-12345675', description: 'a master or house transport document number' })
  @ApiOkResponse({ type: FilingsFoundResponseDto })
  async findFilings(@Query('transportDocument') transportDocument: unknown, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<FilingsFoundResponseDto> {
    traderEori(caller);
    const reply = await this.repository.findFilings({ transport_document: transportDocumentOf(transportDocument) }, ctx);
    return {
      messageType: 'IE3R08',
      filings: reply.filings.map((f) => ({
        mrn: f.mrn,
        lrn: f.lrn,
        state: f.state,
        specificCircumstanceIndicator: f.specific_circumstance_indicator,
        level: f.level,
        registeredAt: f.registered_at,
        matchedDocument: f.matched_document,
      })),
    };
  }
}

/** The query's one transport document: left out, X01; given more than once (an array) or over 70 characters, 12. */
function transportDocumentOf(value: unknown): string {
  const pointer = '/transportDocument';
  if (value === undefined || value === '') throw ie3n99([{ code: 'X01', pointer, description: 'a transport document number of 1 to 70 characters' }]);
  if (typeof value !== 'string') throw ie3n99([{ code: '12', pointer, description: 'transportDocument must be given once, as a single value' }]);
  if (value.length > 70) throw ie3n99([{ code: '12', pointer, description: 'a transport document number of 1 to 70 characters' }]);
  return value;
}

const optional = (key: string, value: string) => (value ? { [key]: value } : {});

function toConsulted(r: commonRepositoryV1.ConsultFilingReply): FilingConsultedResponseDto {
  return {
    messageType: 'IE3R08',
    mrn: r.mrn,
    lrn: r.lrn,
    state: r.state,
    specificCircumstanceIndicator: r.specific_circumstance_indicator,
    level: r.level,
    registeredAt: r.registered_at,
    ...optional('amendedAt', r.amended_at),
    ...optional('arrivedAt', r.arrived_at),
    ...optional('presentedAt', r.presented_at),
    ...(r.ens_presented_at ? { ensPresentation: { ...optional('mrn', r.ens_presented_mrn), level: r.level === 'house' ? ('master' as const) : ('house' as const), presentedAt: r.ens_presented_at } } : {}),
    ...optional('invalidatedAt', r.invalidated_at),
    responsibleMemberState: r.responsible_member_state,
    involvedMemberStates: r.involved_member_states,
    linkedFilings: r.linked.map((l) => ({ mrn: l.mrn, level: l.level, state: l.state, houseDocument: l.house_document, visible: l.visible })),
    missingHouseDocuments: r.missing_house_documents,
    ...optional('consistency', r.consistency),
    filing: JSON.parse(r.filing_json) as Record<string, unknown>,
  };
}
