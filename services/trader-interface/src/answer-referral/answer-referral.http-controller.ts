import { Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { riskAnalysisV1 } from '@ics2/contracts';
import { Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { Forwarded } from '../doors/call-context';
import type { CallContext } from '@ics2/platform';
import { ie3n99 } from '../doors/ics2-refusal';
import { JsonBody, requireJson, traderEori } from '../doors/json-body';
import { IdempotencyKeys } from '../doors/idempotency-keys';
import { Ics2ErrorResponseDto } from '../register-filing/register-filing.response.dto';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';
import { ANSWER_EXAMPLES } from './answer-referral.examples';
import { InformationAnswerRequestDto, ReferralDocumentRequestDto, ScreeningAnswerRequestDto } from './answer-referral.request.dto';
import { ReferralAnsweredResponseDto } from './answer-referral.response.dto';
import { mrnOfReferralReference } from './referral-reference';
import { validateReferralAnswer, type ReferralAnswer } from './validate-answer';

/** One answer for every referral the caller cannot answer: unknown, closed, answered already, or someone else's. */
const notFound = (reference: string) =>
  new PlatformError('not-found', 'REFERRAL.NOT_FOUND', `no open referral ${reference}`, [{ validationCode: '12', pointer: '/reference', description: 'no open referral of yours with this reference' }]);

/**
 * POST /v1/referrals/{reference}/answer: the person filing answers a referral, IE3R02 (information, documents)
 * to a request for information, IE3R03 (screening result and methods) to a request for HRCM screening. Validated
 * at the door (IE3N99 on any error, nothing sent on), then recorded by risk-analysis, which decides whether the
 * referral is the caller's, still open, and of the kind the answer fits. The operator's own token goes with the
 * call; the message id is the Idempotency-Key header, else a digest of (reference, answer), so a re-sent answer
 * gets the first one's reply.
 */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiExtraModels(InformationAnswerRequestDto, ScreeningAnswerRequestDto, ReferralDocumentRequestDto)
@Controller('v1/referrals')
export class AnswerReferralHttpController {
  constructor(
    private readonly riskAnalysis: RiskAnalysisClient,
    private readonly keys: IdempotencyKeys,
  ) {}

  @Post(':reference/answer')
  @Roles('trader')
  @HttpCode(200)
  @ApiParam({ name: 'reference', example: '26DE00000000004FT3-R1', description: "the referral's reference, from its IE3Q02 or IE3Q03: `<MRN>-R<n>`" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: "your message id: a re-sent answer with the same key gets the first time's answer" })
  @ApiBody({
    description: 'IE3R02 (to a request for information) or IE3R03 (to a request for HRCM screening), told apart by messageType',
    schema: { oneOf: [{ $ref: getSchemaPath(InformationAnswerRequestDto) }, { $ref: getSchemaPath(ScreeningAnswerRequestDto) }] },
    examples: ANSWER_EXAMPLES,
  })
  @ApiOkResponse({ type: ReferralAnsweredResponseDto, description: 'the answer is recorded (or was: a re-sent answer gets the same reply)' })
  @ApiBadRequestResponse({ type: Ics2ErrorResponseDto, description: 'IE3N99: rejected at the door; nothing was sent on' })
  @ApiNotFoundResponse({ type: Ics2ErrorResponseDto, description: 'IE3N99: no open referral of yours with this reference (unknown, closed, answered already, or another operator\'s)' })
  @ApiConflictResponse({ type: Ics2ErrorResponseDto, description: 'IE3N01: the answer does not fit the referral (an IE3R02 to a screening request, an IE3R03 to a request for information), or the Idempotency-Key names another message (X11)' })
  async answerReferral(
    @Param('reference') reference: string,
    @JsonBody() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: Principal,
    @Forwarded() ctx: CallContext,
  ): Promise<ReferralAnsweredResponseDto> {
    const sender = traderEori(caller);
    requireJson(contentType);
    if (mrnOfReferralReference(reference) === null) throw notFound(reference);
    const validation = validateReferralAnswer(body);
    if (!validation.ok) throw ie3n99(validation.errors);
    const request = toAnswerReferralRequest(reference, await this.keys.messageIdOf(sender, idempotencyKey, reference, validation.value), validation.value);
    const reply = await this.riskAnalysis.answerReferral(request, ctx).catch((e: unknown) => {
      throw refusalOf(e, reference);
    });
    return { messageType: reply.message_type, mrn: reply.mrn, reference: reply.reference, answeredAt: reply.answered_at };
  }
}

/**
 * The answer in the proto's words, with its message type, so risk-analysis can refuse an answer of the wrong kind
 * for the referral; the other message's elements are left empty (risk-analysis refuses them when present).
 */
export function toAnswerReferralRequest(reference: string, messageId: string, answer: ReferralAnswer): riskAnalysisV1.AnswerReferralRequest {
  if (answer.messageType === 'IE3R03') {
    return {
      reference,
      message_id: messageId,
      message_type: 'IE3R03',
      information: '',
      documents: [],
      screening_result: answer.screeningResult,
      screening_methods: [...answer.screeningMethods],
      additional_information: answer.additionalInformation ?? '',
    };
  }
  return {
    reference,
    message_id: messageId,
    message_type: 'IE3R02',
    information: answer.information ?? '',
    documents: (answer.documents ?? []).map((d) => ({ type: d.type, reference_number: d.referenceNumber })),
    screening_result: '',
    screening_methods: [],
    additional_information: '',
  };
}

/**
 * risk-analysis's refusals in the trader API's terms: NOT_FOUND is this door's one 404; FAILED_PRECONDITION (the
 * answer does not fit the referral) is a lifecycle refusal, 409 IE3N01 with risk-analysis's items. Anything else
 * (unavailable, a permission refusal) passes as it came.
 */
function refusalOf(error: unknown, reference: string): unknown {
  if (!(error instanceof PlatformError)) return error;
  if (error.kind === 'not-found') return notFound(reference);
  if (error.kind === 'precondition') return new PlatformError('conflict', error.code, error.message, error.details);
  return error;
}
