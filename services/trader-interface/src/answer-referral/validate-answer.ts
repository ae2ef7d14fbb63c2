/**
 * The door's validation of a referral answer (IE3R02 / IE3R03), in the filings' layers (filings/validation/README):
 * structure (a JSON object of bounded size, no `__proto__`-style keys), `messageType` (X01 missing, X06 not a
 * string, 12 neither IE3R02 nor IE3R03), shape against that message's DTO (X07 unknown element, X06 wrong JSON
 * type, X01 missing, 12 length or too few, X05 too many), code lists and values (12: CL726 result, CL724 methods,
 * a method twice, an empty text), the character set of every string (102), then the message's one rule (an
 * IE3R02 carries information, documents or both: X01 at ''). Each layer runs only when the one before found
 * nothing. Pure: no I/O, no clock, never throws. Whether the answer fits the referral (an IE3R02 to a screening
 * request) is risk-analysis's decision, not the door's.
 */
import { SCREENING_METHODS, SCREENING_RESULTS, type ScreeningMethod, type ScreeningResult } from '@ics2/contracts';
import { ErrorList } from '../filings/validation/error-list';
import { checkTexts } from '../filings/validation/free-text';
import { checkShape } from '../filings/validation/shape';
import { guardStructure, type JsonObject } from '../filings/validation/structure-guard';
import { refused, type Validation } from '../filings/validation/validation-result';
import { expectInList } from '../filings/validation/value-checks';
import { InformationAnswerRequestDto, ScreeningAnswerRequestDto } from './answer-referral.request.dto';

export interface InformationAnswer {
  readonly messageType: 'IE3R02';
  readonly information?: string;
  readonly documents?: readonly { readonly type: string; readonly referenceNumber: string }[];
}

export interface ScreeningAnswer {
  readonly messageType: 'IE3R03';
  readonly screeningResult: ScreeningResult;
  readonly screeningMethods: readonly ScreeningMethod[];
  readonly additionalInformation?: string;
}

export type ReferralAnswer = InformationAnswer | ScreeningAnswer;

export const ANSWER_MESSAGE_TYPES = ['IE3R02', 'IE3R03'] as const;

const DTO_OF = { IE3R02: InformationAnswerRequestDto, IE3R03: ScreeningAnswerRequestDto } as const;

const RESULT_CODES = Object.keys(SCREENING_RESULTS);
const METHOD_CODES = Object.keys(SCREENING_METHODS);

export function validateReferralAnswer(body: unknown): Validation<ReferralAnswer> {
  const errors = new ErrorList();
  const guarded = guardStructure(body, errors);
  if (!guarded) return refused(errors);
  const message = guarded.body;

  const messageType = message['messageType'];
  if (messageType === undefined) errors.add('X01', '/messageType', 'required element missing: IE3R02 or IE3R03');
  else if (typeof messageType !== 'string') errors.add('X06', '/messageType', 'must be a JSON string');
  else if (messageType !== 'IE3R02' && messageType !== 'IE3R03') errors.add('12', '/messageType', 'must be IE3R02 (information) or IE3R03 (screening result)');
  if (!errors.empty) return refused(errors);
  const type = messageType as (typeof ANSWER_MESSAGE_TYPES)[number];

  checkShape(DTO_OF[type], message, errors);
  if (!errors.empty) return refused(errors);

  if (type === 'IE3R03') checkScreeningValues(message, errors);
  else checkInformationValues(message, errors);
  checkTexts(guarded.texts, errors);
  if (!errors.empty) return refused(errors);

  const answer = type === 'IE3R03' ? toScreeningAnswer(message) : toInformationAnswer(message);
  if (answer.messageType === 'IE3R02' && answer.information === undefined && answer.documents === undefined) {
    errors.add('X01', '', 'an IE3R02 answer carries information, documents, or both');
    return refused(errors);
  }
  return { ok: true, value: answer };
}

function expectText(value: unknown, pointer: string, errors: ErrorList): void {
  if (typeof value === 'string' && value.trim() === '') errors.add('12', pointer, 'must not be empty');
}

function checkInformationValues(message: JsonObject, errors: ErrorList): void {
  expectText(message['information'], '/information', errors);
  const documents = (message['documents'] ?? []) as readonly JsonObject[];
  documents.forEach((document, index) => {
    expectText(document['type'], `/documents/${index}/type`, errors);
    expectText(document['referenceNumber'], `/documents/${index}/referenceNumber`, errors);
  });
}

function checkScreeningValues(message: JsonObject, errors: ErrorList): void {
  expectInList(message['screeningResult'] as string, RESULT_CODES, '/screeningResult', 'the CL726 screening result', errors);
  const methods = message['screeningMethods'] as readonly string[];
  methods.forEach((method, index) => {
    expectInList(method, METHOD_CODES, `/screeningMethods/${index}`, 'a CL724 screening method', errors);
    if (methods.indexOf(method) < index) errors.add('12', `/screeningMethods/${index}`, 'this screening method is listed already');
  });
  expectText(message['additionalInformation'], '/additionalInformation', errors);
}

// The answer as a value, element by element: nothing else of the body can come along.

function toInformationAnswer(message: JsonObject): InformationAnswer {
  const information = message['information'] as string | undefined;
  const documents = message['documents'] as readonly JsonObject[] | undefined;
  return {
    messageType: 'IE3R02',
    ...(information !== undefined ? { information } : {}),
    ...(documents !== undefined ? { documents: documents.map((d) => ({ type: d['type'] as string, referenceNumber: d['referenceNumber'] as string })) } : {}),
  };
}

function toScreeningAnswer(message: JsonObject): ScreeningAnswer {
  const additionalInformation = message['additionalInformation'] as string | undefined;
  return {
    messageType: 'IE3R03',
    screeningResult: message['screeningResult'] as ScreeningResult,
    screeningMethods: [...(message['screeningMethods'] as readonly ScreeningMethod[])],
    ...(additionalInformation !== undefined ? { additionalInformation } : {}),
  };
}
