/**
 * The operator's answers to a referral (POST /v1/referrals/{reference}/answer), HTI element names in camelCase:
 * IE3R02 answers a request for information (IE3Q02), IE3R03 a request for HRCM screening (IE3Q03). `messageType`
 * says which; the reference is in the path. The decorators are the shape (validate-answer.ts reads them through
 * the filings' shape layer) and the OpenAPI schema alike.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_SCREENING_METHODS, SCREENING_METHODS, SCREENING_RESULTS } from '@ics2/contracts';
import { MAX_LENGTH } from '../filings/validation/element-formats.table';
import { OptionalNestedArray, StringArray } from '../filings/validation/nested-elements.decorators';

/** The answers' multiplicities: documents 1..99, screening methods 1..MAX_SCREENING_METHODS (contracts). */
export const MAX_DOCUMENTS = 99;
/** The longest screening result code ('not-screened'). */
const SCREENING_RESULT_MAX_LENGTH = Math.max(...Object.keys(SCREENING_RESULTS).map((k) => k.length));

const MESSAGE_TYPE = 'IE3R02 answers a request for information (IE3Q02), IE3R03 a request for HRCM screening (IE3Q03)';

/** A document sent with an IE3R02 answer. */
export class ReferralDocumentRequestDto {
  @ApiProperty({ description: 'CL013 document type', example: 'N380', maxLength: MAX_LENGTH.documentType })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.documentType)
  readonly type!: string;

  @ApiProperty({ description: 'Reference number of the document', example: 'INV-2026-000417', maxLength: MAX_LENGTH.referenceNumber })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.referenceNumber)
  readonly referenceNumber!: string;
}

/** IE3R02: the information asked for, the documents, or both. */
export class InformationAnswerRequestDto {
  @ApiProperty({ description: MESSAGE_TYPE, enum: ['IE3R02'], example: 'IE3R02' })
  @IsDefined()
  @IsString()
  readonly messageType!: 'IE3R02';

  @ApiPropertyOptional({ description: 'The information asked for (free text, an..512)', example: 'The goods are spare parts for printing machines, see the invoice.', maxLength: MAX_LENGTH.text })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.text)
  readonly information?: string;

  @OptionalNestedArray(
    () => ReferralDocumentRequestDto,
    'Documents sent with the answer, 1..99',
    { min: 1, max: MAX_DOCUMENTS },
  )
  readonly documents?: ReferralDocumentRequestDto[];
}

/** IE3R03: the result of the HRCM screening and the methods used. */
export class ScreeningAnswerRequestDto {
  @ApiProperty({ description: MESSAGE_TYPE, enum: ['IE3R03'], example: 'IE3R03' })
  @IsDefined()
  @IsString()
  readonly messageType!: 'IE3R03';

  @ApiProperty({
    description: `CL726 screening result: ${Object.entries(SCREENING_RESULTS).map(([code, meaning]) => `${code} (${meaning})`).join(', ')}`,
    enum: Object.keys(SCREENING_RESULTS),
    example: 'clear',
  })
  @IsDefined()
  @IsString()
  @MaxLength(SCREENING_RESULT_MAX_LENGTH)
  readonly screeningResult!: string;

  @StringArray(
    `CL724 screening methods used, 1..9: ${Object.entries(SCREENING_METHODS).map(([code, meaning]) => `${code} (${meaning})`).join(', ')}`,
    { min: 1, max: MAX_SCREENING_METHODS },
    { maxLength: MAX_LENGTH.screeningCode, example: ['XRY', 'ETD'], enum: Object.keys(SCREENING_METHODS) },
  )
  readonly screeningMethods!: string[];

  @ApiPropertyOptional({ description: 'Anything the risk unit should know (free text, an..512); why, when not screened', example: 'Screened at the LEJ hub by the regulated agent.', maxLength: MAX_LENGTH.text })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.text)
  readonly additionalInformation?: string;
}
