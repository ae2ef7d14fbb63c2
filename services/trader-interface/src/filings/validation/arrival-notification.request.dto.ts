import { ArrivalNotification } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';
import { CustomsOfficeReferenceRequestDto } from './ens-filing.request.dto';
import { NestedObject, OptionalNestedArray, OptionalNestedObject, OptionalStringArray } from './nested-elements.decorators';

const INSTANT = 'ISO-8601 UTC instant, YYYY-MM-DDThh:mm:ssZ (fractions of a second accepted)';

/** Matching by means of transport: its identification (or flight / voyage number) and estimated arrival. */
export class ArrivingTransportMeansRequestDto {
  @ApiPropertyOptional({
    description: 'IMO number (maritime), registration (air, road), train number (rail)',
    example: '9321483',
    maxLength: MAX_LENGTH.meansIdentificationNumber,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.meansIdentificationNumber)
  readonly identificationNumber?: string;

  @ApiPropertyOptional({
    description: 'Flight or voyage number',
    example: 'LH8401',
    maxLength: MAX_LENGTH.conveyanceReferenceNumber,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.conveyanceReferenceNumber)
  readonly conveyanceReferenceNumber?: string;

  @ApiPropertyOptional({
    description: `Estimated arrival as filed, ${INSTANT}`,
    example: '2025-03-02T06:05:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly estimatedDateAndTimeOfArrival?: string;
}

export class MasterDocumentReferenceRequestDto {
  @ApiProperty({
    description: 'Master air waybill number',
    example: '176-12345675',
    maxLength: MAX_LENGTH.documentNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.documentNumber)
  readonly documentNumber!: string;
}

/**
 * IE3N06, the arrival notification. Exactly one way of matching the filings: `mrns`, `activeBorderTransportMeans`
 * (identification and estimated arrival) or `masterTransportDocuments`.
 */
export class ArrivalNotificationRequestDto implements ArrivalNotification {
  @OptionalNestedObject(() => ArrivingTransportMeansRequestDto, 'Matching by means of transport')
  readonly activeBorderTransportMeans?: ArrivingTransportMeansRequestDto;

  @ApiProperty({
    description: `Actual arrival, ${INSTANT}`,
    example: '2025-03-02T06:12:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly actualDateAndTimeOfArrival!: string;

  @NestedObject(() => CustomsOfficeReferenceRequestDto, 'Office of the first EU place of arrival')
  readonly customsOfficeOfActualFirstEntry!: CustomsOfficeReferenceRequestDto;

  @OptionalStringArray(
    'Matching by MRN, 1..9,999 ENS MRNs',
    { min: 1, max: 9_999 },
    { maxLength: MAX_LENGTH.mrn, example: ['25DE00000000004XT4'] },
  )
  readonly mrns?: string[];

  @OptionalNestedArray(
    () => MasterDocumentReferenceRequestDto,
    'Matching by master air waybill, 1..9,999',
    { min: 1, max: 9_999 },
  )
  readonly masterTransportDocuments?: MasterDocumentReferenceRequestDto[];
}
