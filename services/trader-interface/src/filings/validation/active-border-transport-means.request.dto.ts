import { ActiveBorderTransportMeans } from '@ics2/contracts';
import { MAX_ROUTING_COUNTRIES, MIN_ROUTING_COUNTRIES } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MODE_OF_TRANSPORT_CODES } from './code-lists';
import { MAX_LENGTH } from './element-formats.table';
import { OptionalNestedArray } from './nested-elements.decorators';
import { RoutingCountryRequestDto } from './routing-country.request.dto';

const INSTANT = 'ISO-8601 UTC instant, YYYY-MM-DDThh:mm:ssZ (fractions of a second accepted)';

/** The vessel, aircraft, truck or train that crosses the EU border. */
export class ActiveBorderTransportMeansRequestDto implements ActiveBorderTransportMeans {
  @ApiPropertyOptional({
    description: 'IMO number, aircraft registration, plate, train number',
    example: 'DAIMB',
    maxLength: MAX_LENGTH.meansIdentificationNumber,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.meansIdentificationNumber)
  readonly identificationNumber?: string;

  @ApiPropertyOptional({
    description: 'CL750 type of identification',
    example: '41',
    maxLength: MAX_LENGTH.typeOfIdentification,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.typeOfIdentification)
  readonly typeOfIdentification?: string;

  @ApiPropertyOptional({
    description: 'CL751 type of means of transport',
    example: '4000',
    maxLength: MAX_LENGTH.typeOfMeansOfTransport,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.typeOfMeansOfTransport)
  readonly typeOfMeansOfTransport?: string;

  @ApiPropertyOptional({
    description: 'CL718 nationality, ISO 3166-1 alpha-2',
    example: 'DE',
    maxLength: MAX_LENGTH.country,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.country)
  readonly nationality?: string;

  @ApiProperty({
    description: 'CL018: 1 maritime, 2 rail, 3 road, 4 air, 5 postal, 8 inland waterway; must fit the filing type',
    enum: MODE_OF_TRANSPORT_CODES,
    example: '4',
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly modeOfTransport!: string;

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
    description: `Estimated departure, ${INSTANT}`,
    example: '2025-03-01T22:15:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly estimatedDateAndTimeOfDeparture?: string;

  @ApiPropertyOptional({
    description: `Actual departure, ${INSTANT}`,
    example: '2025-03-01T22:40:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly actualDateAndTimeOfDeparture?: string;

  @ApiPropertyOptional({
    description: `Estimated arrival at the first EU place, ${INSTANT}; not before the document issue date`,
    example: '2025-03-02T06:05:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly estimatedDateAndTimeOfArrival?: string;

  @OptionalNestedArray(
    () => RoutingCountryRequestDto,
    'Countries the means of transport passes, 2..99, sequence numbers 1..n',
    { min: MIN_ROUTING_COUNTRIES, max: MAX_ROUTING_COUNTRIES },
  )
  readonly countriesOfRoutingOfMeansOfTransport?: RoutingCountryRequestDto[];
}
