import { Address } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';

/** A party's address. Street and number or a PO box; the postcode where the country has them. */
export class AddressRequestDto implements Address {
  @ApiPropertyOptional({
    description: 'Street and number',
    example: 'Hauptstrasse 12',
    maxLength: MAX_LENGTH.streetAndNumber,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.streetAndNumber)
  readonly streetAndNumber?: string;

  @ApiPropertyOptional({ description: 'PO box', example: 'PO Box 118', maxLength: MAX_LENGTH.poBox })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.poBox)
  readonly poBox?: string;

  @ApiPropertyOptional({ description: 'Postcode', example: '60311', maxLength: MAX_LENGTH.postcode })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.postcode)
  readonly postcode?: string;

  @ApiProperty({ description: 'City', example: 'Frankfurt am Main', maxLength: MAX_LENGTH.city })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.city)
  readonly city!: string;

  @ApiProperty({
    description: 'Country, ISO 3166-1 alpha-2',
    example: 'DE',
    minLength: 2,
    maxLength: MAX_LENGTH.country,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.country)
  readonly country!: string;

  @ApiPropertyOptional({
    description: 'Country subdivision (state, province)',
    example: 'Hessen',
    maxLength: MAX_LENGTH.subDivision,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.subDivision)
  readonly subDivision?: string;
}
