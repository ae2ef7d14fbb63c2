import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { CommonRepositoryClient, type CallContext } from '../common-repository/common-repository.client';
import { Forwarded } from '../doors/call-context';
import { ie3n99 } from '../doors/ics2-refusal';
import { JsonBody, requireJson, traderEori } from '../doors/json-body';
import { IdempotencyKeys } from '../doors/idempotency-keys';
import { ArrivalNotificationRequestDto, validateArrivalNotification } from '../filings/validation';
import { ARRIVAL_EXAMPLES } from '../openapi/filing-examples';
import { Ics2ErrorItemDto, Ics2ErrorResponseDto } from '../register-filing/register-filing.response.dto';

export class IncorrectStateItemDto {
  @ApiProperty({ example: 'IE3N07', enum: ['IE3N07'] }) messageType!: 'IE3N07';
  @ApiProperty({ example: '26DE00000000004FT3' }) mrn!: string;
  @ApiProperty({ type: [Ics2ErrorItemDto] }) errors!: Ics2ErrorItemDto[];
}

export class ArrivalRegisteredResponseDto {
  @ApiProperty({ example: 'IE3R04', enum: ['IE3R04'] }) messageType!: 'IE3R04';
  @ApiProperty({ example: '26DE00000000009NN4', description: 'the arrival registration\'s own MRN' }) arrivalMrn!: string;
  @ApiProperty({ example: '2026-12-02T06:01:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: ['26DE00000000004FT3'], description: 'filings now arrived' }) arrived!: string[];
  @ApiProperty({ type: [IncorrectStateItemDto], description: 'IE3N07: matched filings that cannot become arrived' }) incorrectState!: IncorrectStateItemDto[];
}

interface StatusResponse {
  status(code: number): unknown;
}

/** POST /v1/arrivals (IE3N06): IE3R04 with its own MRN, plus IE3N07 items for filings in an incorrect state. */
@ApiTags('arrivals')
@ApiBearerAuth()
@Controller('v1/arrivals')
export class NotifyArrivalHttpController {
  constructor(
    private readonly repository: CommonRepositoryClient,
    private readonly keys: IdempotencyKeys,
  ) {}

  @Post()
  @Roles('trader')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ type: ArrivalNotificationRequestDto, examples: ARRIVAL_EXAMPLES })
  @ApiCreatedResponse({ type: ArrivalRegisteredResponseDto, description: 'IE3R04: registered (200 when re-sent)' })
  @ApiConflictResponse({ type: Ics2ErrorResponseDto, description: 'the notification matches none of the caller\'s filings, or the Idempotency-Key names another message (X11)' })
  async notifyArrival(
    @JsonBody() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Forwarded() ctx: CallContext,
    @Res({ passthrough: true }) res: StatusResponse,
  ): Promise<ArrivalRegisteredResponseDto> {
    const sender = traderEori(caller);
    requireJson(contentType);
    const validation = validateArrivalNotification(body, { sender });
    if (!validation.ok) throw ie3n99(validation.errors);
    const messageId = await this.keys.messageIdOf(sender, idempotencyKey, 'arrival', validation.value);
    const reply = await this.repository.notifyArrival({ arrival_json: JSON.stringify(validation.value), message_id: messageId }, ctx);
    if (reply.replayed) res.status(200);
    return {
      messageType: 'IE3R04',
      arrivalMrn: reply.arrival_mrn,
      registeredAt: reply.registered_at,
      arrived: reply.arrived,
      incorrectState: reply.incorrect_state.map((i) => ({
        messageType: 'IE3N07',
        mrn: i.mrn,
        errors: i.errors.map((e) => ({ validationCode: e.validation_code, pointer: e.pointer, description: e.description })),
      })),
    };
  }
}
