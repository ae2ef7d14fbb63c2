import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** IE3R01: the filing is registered under its MRN. */
export class FilingRegisteredResponseDto {
  @ApiProperty({ example: 'IE3R01', enum: ['IE3R01'] }) messageType!: 'IE3R01';
  @ApiProperty({ example: '26DE00000000004FT3', description: 'Master Reference Number (an18, check digit included)' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123' }) lrn!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: 'F22' }) specificCircumstanceIndicator!: string;
  @ApiProperty({ example: 'DE004700' }) customsOfficeOfFirstEntry!: string;
  @ApiProperty({ example: 'DE', description: 'the Member State responsible for the risk analysis' }) responsibleMemberState!: string;
  @ApiPropertyOptional({ example: 'NL' }) addressedMemberState?: string;
  @ApiProperty({ example: 'DE123456789012345' }) declarant!: string;
  @ApiPropertyOptional({ example: 'FR555555555' }) representative?: string;
  @ApiPropertyOptional({ example: 'LU987654321' }) carrier?: string;
}

/** One ICS2 error item (IE3N99 / IE3N01). */
export class Ics2ErrorItemDto {
  @ApiProperty({ example: '100', description: 'CL723-style validation code (see the service README)' }) validationCode!: string;
  @ApiProperty({ example: '/consignmentHouseLevel/0/goodsItem/0/commodity/descriptionOfGoods', description: 'JSON pointer into the request' }) pointer!: string;
  @ApiProperty({ example: 'the goods description says nothing about the goods' }) description!: string;
}

/** IE3N99 (rejected at the door) or IE3N01 (refused by lifecycle validation). */
export class Ics2ErrorResponseDto {
  @ApiProperty({ example: 'IE3N99', enum: ['IE3N99', 'IE3N01'] }) messageType!: 'IE3N99' | 'IE3N01';
  @ApiPropertyOptional({ example: '26DE00000000004FT3' }) mrn?: string;
  @ApiProperty({ type: [Ics2ErrorItemDto] }) errors!: Ics2ErrorItemDto[];
  @ApiPropertyOptional({ example: '6f1c5e0e-...' }) correlationId?: string;
}
