/**
 * RiskAnalysisService.AnswerReferral (IE3R02 / IE3R03), called by trader-interface with the operator's own token.
 * An unknown, closed, answered or someone else's referral answers NOT_FOUND, all alike, and nothing is written.
 * The door checks the message's syntax (INVALID_ARGUMENT, nothing written): `message_type` is IE3R02 or IE3R03 and
 * the request carries only that message's elements. Whether the answer fits the referral is the decider's rule.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { isCodeOf, MAX_SCREENING_METHODS, riskAnalysisV1, SCREENING_METHODS, SCREENING_RESULTS } from '@ics2/contracts';
import { Caller, CLOCK, Roles, type Clock, type Principal } from '@ics2/platform';
import { analysisNotFound, invalid, optionalTextOf, riskRefusalError, textOf, traderOf } from '../doors/door-answers';
import { RiskCommands } from '../doors/risk-commands';
import type { InformationAnswer, ScreeningAnswer } from '../domain/risk/risk.commands';
import { mrnOfReference } from '../domain/risk/decide/request-referral';

/**
 * The answer's free text is an..512 and a document's type an..4 and number an..70 (as trader-interface has them), of
 * the ICS2 character set (102): this door is callable on its own, and a NUL character failed the append (INTERNAL).
 */
const TEXT_MAX = 512;
const DOCUMENT_TYPE_MAX = 4;
const DOCUMENT_NUMBER_MAX = 70;
/** trader-interface sends `sha256:` and 64 hex digits; the id also becomes the answer's causation id. */
const MESSAGE_ID_MAX = 128;

/** An element of the other answer: refused rather than dropped, so nothing the operator sent is silently lost. */
const notAllowed = (pointer: string, messageType: string) => invalid(pointer, `not an element of ${messageType}`, 'X07');

/** The request as the answer it is, element by element; throws the door's INVALID_ARGUMENT. */
function answerOf(r: riskAnalysisV1.AnswerReferralRequest): InformationAnswer | ScreeningAnswer {
  if (!r.message_type) throw invalid('/messageType', 'IE3R02 or IE3R03 is required', 'X01');
  if (r.message_type === 'IE3R02') {
    if (r.screening_result) throw notAllowed('/screeningResult', 'IE3R02');
    if (r.screening_methods.length) throw notAllowed('/screeningMethods', 'IE3R02');
    if (r.additional_information) throw notAllowed('/additionalInformation', 'IE3R02');
    return {
      messageType: 'IE3R02',
      ...(r.information ? { information: textOf(r.information, '/information', TEXT_MAX) } : {}),
      ...(r.documents.length
        ? { documents: r.documents.map((d, i) => ({ type: optionalTextOf(d.type, `/documents/${i}/type`, DOCUMENT_TYPE_MAX) ?? '', referenceNumber: optionalTextOf(d.reference_number, `/documents/${i}/referenceNumber`, DOCUMENT_NUMBER_MAX) ?? '' })) }
        : {}),
    };
  }
  if (r.message_type === 'IE3R03') {
    if (r.information) throw notAllowed('/information', 'IE3R03');
    if (r.documents.length) throw notAllowed('/documents', 'IE3R03');
    if (!r.screening_result) throw invalid('/screeningResult', 'an IE3R03 carries the screening result', 'X01');
    if (!isCodeOf(SCREENING_RESULTS, r.screening_result)) throw invalid('/screeningResult', `one of ${Object.keys(SCREENING_RESULTS).join(', ')}`);
    // screeningMethod is mandatory in IE3R03 (ics2-reference 9); trader-interface checks it too, but this door is
    // callable with a trader's token on its own.
    if (r.screening_methods.length === 0) throw invalid('/screeningMethods', 'an IE3R03 names the screening methods used', 'X01');
    if (r.screening_methods.length > MAX_SCREENING_METHODS) throw invalid('/screeningMethods', `at most ${MAX_SCREENING_METHODS} screening methods`, 'X05');
    const badMethod = r.screening_methods.findIndex((m) => !isCodeOf(SCREENING_METHODS, m));
    if (badMethod >= 0) throw invalid(`/screeningMethods/${badMethod}`, `one of ${Object.keys(SCREENING_METHODS).join(', ')}`);
    const additionalInformation = optionalTextOf(r.additional_information, '/additionalInformation', TEXT_MAX);
    return {
      messageType: 'IE3R03',
      screening: { result: r.screening_result, methods: [...r.screening_methods], ...(additionalInformation ? { additionalInformation } : {}) },
    };
  }
  throw invalid('/messageType', 'IE3R02 (information) or IE3R03 (screening result)');
}

@Controller()
export class AnswerReferralGrpcController {
  constructor(
    private readonly commands: RiskCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @GrpcMethod(riskAnalysisV1.RISK_ANALYSIS_SERVICE, 'AnswerReferral')
  @Roles('trader')
  async answerReferral(@Payload() r: riskAnalysisV1.AnswerReferralRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.AnswerReferralReply> {
    const by = traderOf(caller);
    const mrn = mrnOfReference(r.reference);
    if (!mrn) throw analysisNotFound(r.reference);
    if (!r.message_id) throw invalid('', 'a message id is required', 'X01');
    textOf(r.message_id, '/messageId', MESSAGE_ID_MAX);
    const answer = answerOf(r);
    const now = this.clock.now();
    const outcome = await this.commands.risk(
      mrn,
      { type: 'AnswerReferral', data: { reference: r.reference, by, ...answer, at: now.toISOString() } },
      `answer-${r.reference}-${by}-${r.message_id}`, // the sender too: a message id replays only its own sender's answer
      { kind: 'trader', eori: by },
      now,
      r.message_id,
    );
    if (outcome.kind === 'refused') throw riskRefusalError(outcome.refusal, r.reference);
    const answered = outcome.kind === 'unchanged' ? undefined : outcome.events.find((e) => e.type === 'ReferralAnswered');
    if (answered?.type !== 'ReferralAnswered') throw new Error(`answer to ${r.reference} recorded nothing`);
    return { message_type: answered.data.kind === 'RFS' ? 'IE3R03' : 'IE3R02', mrn, reference: r.reference, answered_at: answered.data.answeredAt, replayed: outcome.kind === 'replayed' };
  }
}
