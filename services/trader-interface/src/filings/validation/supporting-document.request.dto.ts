import { SupportingDocument } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';

/** A document supporting the filing (invoice, certificate...), 0..99 per level. */
export class SupportingDocumentRequestDto implements SupportingDocument {
  @ApiProperty({ description: 'Reference number', example: 'INV-2025-000417', maxLength: MAX_LENGTH.referenceNumber })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.referenceNumber)
  readonly referenceNumber!: string;

  @ApiProperty({ description: 'CL013 document type', example: 'N380', maxLength: MAX_LENGTH.documentType })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.documentType)
  readonly type!: string;
}

/** Coded additional information with an optional text, 0..99 per level. */
export class AdditionalInformationRequestDto {
  @ApiProperty({ description: 'CL701 code', example: '00200', maxLength: MAX_LENGTH.additionalInformationCode })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.additionalInformationCode)
  readonly code!: string;

  @ApiPropertyOptional({
    description: 'Free text',
    example: 'Several occurrences of the same consignor',
    maxLength: MAX_LENGTH.text,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.text)
  readonly text?: string;
}
