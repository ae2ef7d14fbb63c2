import { TransportDocument } from '@ics2/contracts';
import { TRANSPORT_DOCUMENT_TYPES } from '@ics2/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';

/**
 * A master or house transport document (B/L, air waybill, CIM, CMR): the unique linking key of multiple filing.
 * Which CL754 types a filing type accepts at each level is in the filing-types table.
 */
export class TransportDocumentRequestDto implements TransportDocument {
  @ApiProperty({
    description: 'Document number, exactly as on the document',
    example: '176-12345675',
    maxLength: MAX_LENGTH.documentNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.documentNumber)
  readonly documentNumber!: string;

  @ApiProperty({
    description: 'CL754: N741 master air waybill, N703 house waybill, N704 master B/L, N714 house B/L, N705 B/L...',
    enum: TRANSPORT_DOCUMENT_TYPES.map((type) => type.code),
    example: 'N741',
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.documentType)
  readonly type!: string;
}
