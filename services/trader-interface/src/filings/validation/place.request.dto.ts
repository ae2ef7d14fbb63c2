import { Place } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';
import { OptionalNestedObject } from './nested-elements.decorators';

/** The address form of a place: at least its country. */
export class PlaceAddressRequestDto {
  @ApiProperty({ description: 'Country, ISO 3166-1 alpha-2', example: 'CN', maxLength: MAX_LENGTH.country })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.country)
  readonly country!: string;

  @ApiPropertyOptional({ description: 'City', example: 'Shenzhen', maxLength: MAX_LENGTH.city })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.city)
  readonly city?: string;

  @ApiPropertyOptional({ description: 'Postcode', example: '518000', maxLength: MAX_LENGTH.postcode })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.postcode)
  readonly postcode?: string;
}

/**
 * A place (of acceptance, delivery, loading, unloading): a UN/LOCODE, a free-text location or an address, at least
 * one of them.
 */
export class PlaceRequestDto implements Place {
  @ApiPropertyOptional({
    description: 'Free-text location',
    example: 'Shenzhen Bao an',
    maxLength: MAX_LENGTH.location,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.location)
  readonly location?: string;

  @ApiPropertyOptional({ description: 'UN/LOCODE', example: 'CNSZX', maxLength: MAX_LENGTH.unLocode })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.unLocode)
  readonly unLocode?: string;

  @OptionalNestedObject(() => PlaceAddressRequestDto, 'Address of the place')
  readonly address?: PlaceAddressRequestDto;
}
