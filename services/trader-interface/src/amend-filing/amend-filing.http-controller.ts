import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { parseMrn } from '@ics2/domain';
import { Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { CommonRepositoryClient, type CallContext } from '../common-repository/common-repository.client';
import { Forwarded } from '../doors/call-context';
import { ie3n99 } from '../doors/ics2-refusal';
import { JsonBody, requireJson, traderEori } from '../doors/json-body';
import { IdempotencyKeys } from '../doors/idempotency-keys';
import { EnsFilingRequestDto, validateAmendment } from '../filings/validation';
import { Ics2ErrorResponseDto } from '../register-filing/register-filing.response.dto';

export class FilingAmendedResponseDto {
  @ApiProperty({ example: 'IE3N10', enum: ['IE3N10'] }) messageType!: 'IE3N10';
  @ApiProperty({ example: '26DE00000000004FT3' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123' }) lrn!: string;
  @ApiProperty({ example: '2026-12-01T11:00:00.000Z' }) amendedAt!: string;
  @ApiProperty({ example: ['/consignmentHouseLevel/0/goodsItem/0/weight/grossMass'], description: 'JSON pointers of the elements that changed' }) changed!: string[];
}

interface StatusResponse {
  status(code: number): unknown;
}

const notFound = (mrn: string) => new PlatformError('not-found', 'ENS.NOT_FOUND', `no filing ${mrn}`, [{ validationCode: '12', pointer: '/mrn', description: 'no filing with this MRN' }]);

/** POST /v1/filings/{mrn}/amendments (IE3Axx, the whole amended filing): IE3N10, or IE3N01 when refused. */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('v1/filings')
export class AmendFilingHttpController {
  constructor(
    private readonly repository: CommonRepositoryClient,
    private readonly keys: IdempotencyKeys,
  ) {}

  @Post(':mrn/amendments')
  @Roles('trader')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'your message id: a re-sent amendment with the same key answers the first time\'s answer' })
  @ApiBody({ type: EnsFilingRequestDto, description: 'the whole filing as amended' })
  @ApiOkResponse({ type: FilingAmendedResponseDto, description: 'IE3N10: amended' })
  @ApiConflictResponse({ type: Ics2ErrorResponseDto, description: 'IE3N01: the filing cannot be amended (presented, control decided, protected element), or the Idempotency-Key names another message (X11)' })
  @ApiNotFoundResponse({ type: Ics2ErrorResponseDto })
  async amendFiling(
    @Param('mrn') mrn: string,
    @JsonBody() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Forwarded() ctx: CallContext,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<FilingAmendedResponseDto | Ics2ErrorResponseDto> {
    const sender = traderEori(caller);
    requireJson(contentType);
    if (!parseMrn(mrn).ok) throw notFound(mrn);
    const validation = validateAmendment(body, { sender });
    if (!validation.ok) throw ie3n99(validation.errors);
    const messageId = await this.keys.messageIdOf(sender, idempotencyKey, mrn, validation.value);
    const reply = await this.repository
      .amendFiling({ mrn, filing_json: JSON.stringify(validation.value), message_id: messageId }, ctx)
      .catch((e: unknown) => {
        throw e instanceof PlatformError && e.kind === 'not-found' ? notFound(mrn) : e;
      });
    if (reply.message_type === 'IE3N01') {
      res.status(409);
      return { messageType: 'IE3N01', mrn, errors: reply.errors.map((e) => ({ validationCode: e.validation_code, pointer: e.pointer, description: e.description })) };
    }
    return { messageType: 'IE3N10', mrn: reply.mrn, lrn: reply.lrn, amendedAt: reply.amended_at, changed: reply.changed };
  }
}
