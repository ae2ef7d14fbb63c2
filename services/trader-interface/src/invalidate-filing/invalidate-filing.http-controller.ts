import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { parseMrn } from '@ics2/domain';
import { Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { CommonRepositoryClient, type CallContext } from '../common-repository/common-repository.client';
import { Forwarded } from '../doors/call-context';
import { ie3n99 } from '../doors/ics2-refusal';
import { OptionalJsonBody, traderEori } from '../doors/json-body';
import { IdempotencyKeys } from '../doors/idempotency-keys';
import { InvalidationRequestDto, validateInvalidation } from '../filings/validation';
import { Ics2ErrorResponseDto } from '../register-filing/register-filing.response.dto';

export class FilingInvalidatedResponseDto {
  @ApiProperty({ example: 'IE3R07', enum: ['IE3R07'] }) messageType!: 'IE3R07';
  @ApiProperty({ example: '26DE00000000004FT3' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123' }) lrn!: string;
  @ApiProperty({ example: '2026-12-01T12:00:00.000Z' }) invalidatedAt!: string;
}

interface StatusResponse {
  status(code: number): unknown;
}

const notFound = (mrn: string) => new PlatformError('not-found', 'ENS.NOT_FOUND', `no filing ${mrn}`, [{ validationCode: '12', pointer: '/mrn', description: 'no filing with this MRN' }]);

/** POST /v1/filings/{mrn}/invalidation (IE3Q04): IE3R07, or IE3N01 once the goods were presented. */
@ApiTags('filings')
@ApiBearerAuth()
@Controller('v1/filings')
export class InvalidateFilingHttpController {
  constructor(
    private readonly repository: CommonRepositoryClient,
    private readonly keys: IdempotencyKeys,
  ) {}

  @Post(':mrn/invalidation')
  @Roles('trader')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ type: InvalidationRequestDto, required: false })
  @ApiOkResponse({ type: FilingInvalidatedResponseDto, description: 'IE3R07: invalidated' })
  @ApiConflictResponse({ type: Ics2ErrorResponseDto, description: 'IE3N01: presented already, or invalidated already, or the Idempotency-Key names another message (X11)' })
  @ApiNotFoundResponse({ type: Ics2ErrorResponseDto })
  async invalidateFiling(
    @Param('mrn') mrn: string,
    @OptionalJsonBody() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Forwarded() ctx: CallContext,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<FilingInvalidatedResponseDto | Ics2ErrorResponseDto> {
    const sender = traderEori(caller);
    if (!parseMrn(mrn).ok) throw notFound(mrn);
    // No body is an invalidation without a reason; any body sent is the message, so an array or null is refused.
    const validation = validateInvalidation(body === undefined ? {} : body);
    if (!validation.ok) throw ie3n99(validation.errors);
    const messageId = await this.keys.messageIdOf(sender, idempotencyKey, mrn, 'invalidation');
    const reply = await this.repository
      .invalidateFiling({ mrn, message_id: messageId, reason: validation.value.reason ?? '' }, ctx)
      .catch((e: unknown) => {
        throw e instanceof PlatformError && e.kind === 'not-found' ? notFound(mrn) : e;
      });
    if (reply.message_type === 'IE3N01') {
      res.status(409);
      return { messageType: 'IE3N01', mrn, errors: reply.errors.map((e) => ({ validationCode: e.validation_code, pointer: e.pointer, description: e.description })) };
    }
    return { messageType: 'IE3R07', mrn: reply.mrn, lrn: reply.lrn, invalidatedAt: reply.invalidated_at };
  }
}
