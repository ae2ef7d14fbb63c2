import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import type { commonRepositoryV1 } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { CommonRepositoryClient, type CallContext } from '../common-repository/common-repository.client';
import { Forwarded } from '../doors/call-context';
import { ie3n99 } from '../doors/ics2-refusal';
import { JsonBody, requireJson, traderEori } from '../doors/json-body';
import { EnsFilingRequestDto, validateFiling } from '../filings/validation';
import { FILING_EXAMPLES } from '../openapi/filing-examples';
import { FilingRegisteredResponseDto, Ics2ErrorResponseDto } from './register-filing.response.dto';

interface StatusResponse {
  status(code: number): unknown;
}

/**
 * POST /v1/filings (IE3Fxx): validated at the door (IE3N99 on any error, nothing sent on), registered by the
 * common repository (IE3R01, 201; the same filing again: the same MRN, 200; the same LRN with another body: 409).
 */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('v1/filings')
export class RegisterFilingHttpController {
  constructor(private readonly repository: CommonRepositoryClient) {}

  @Post()
  @Roles('trader')
  @HttpCode(201)
  @ApiBody({ type: EnsFilingRequestDto, examples: FILING_EXAMPLES })
  @ApiCreatedResponse({ type: FilingRegisteredResponseDto, description: 'IE3R01: registered' })
  @ApiOkResponse({ type: FilingRegisteredResponseDto, description: 'IE3R01: this filing was registered before; nothing new was written' })
  @ApiBadRequestResponse({ type: Ics2ErrorResponseDto, description: 'IE3N99: rejected at the door' })
  @ApiConflictResponse({ type: Ics2ErrorResponseDto, description: 'IE3N01: the LRN is used by another filing of this declarant' })
  async registerFiling(
    @JsonBody() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Caller() caller: Principal,
    @Forwarded() ctx: CallContext,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<FilingRegisteredResponseDto | Ics2ErrorResponseDto> {
    requireJson(contentType);
    const validation = validateFiling(body, { sender: traderEori(caller) });
    if (!validation.ok) throw ie3n99(validation.errors);
    const reply = await this.repository.registerFiling({ filing_json: JSON.stringify(validation.value) }, ctx);
    if (reply.message_type === 'IE3N01') {
      res.status(409);
      return { messageType: 'IE3N01', mrn: reply.mrn, errors: reply.errors.map((e) => ({ validationCode: e.validation_code, pointer: e.pointer, description: e.description })) };
    }
    if (reply.replayed) res.status(200);
    return toResponse(reply);
  }
}

function toResponse(r: commonRepositoryV1.RegisterFilingReply): FilingRegisteredResponseDto {
  return {
    messageType: 'IE3R01',
    mrn: r.mrn,
    lrn: r.lrn,
    registeredAt: r.registered_at,
    specificCircumstanceIndicator: r.specific_circumstance_indicator,
    customsOfficeOfFirstEntry: r.customs_office_of_first_entry,
    responsibleMemberState: r.responsible_member_state,
    ...(r.addressed_member_state ? { addressedMemberState: r.addressed_member_state } : {}),
    declarant: r.declarant,
    ...(r.representative ? { representative: r.representative } : {}),
    ...(r.carrier ? { carrier: r.carrier } : {}),
  };
}
