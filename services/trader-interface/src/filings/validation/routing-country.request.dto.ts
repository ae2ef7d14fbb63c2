import { RoutingCountry } from '@ics2/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH, MAX_SEQUENCE_NUMBER } from './element-formats.table';

/** One country of routing (of the consignment or of the means of transport), numbered from 1 in travel order. */
export class RoutingCountryRequestDto implements RoutingCountry {
  @ApiProperty({
    description: 'Position in the routing, from 1',
    example: 1,
    type: 'integer',
    minimum: 1,
    maximum: MAX_SEQUENCE_NUMBER,
  })
  @IsDefined()
  @IsNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_SEQUENCE_NUMBER)
  readonly sequenceNumber!: number;

  @ApiProperty({ description: 'Country, ISO 3166-1 alpha-2', example: 'CN', maxLength: MAX_LENGTH.country })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.country)
  readonly country!: string;
}
