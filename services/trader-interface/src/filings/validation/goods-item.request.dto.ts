import { GoodsItem, Packaging } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_LENGTH, MAX_SEQUENCE_NUMBER } from './element-formats.table';
import { NestedObject, OptionalNestedArray, OptionalNestedObject } from './nested-elements.decorators';
import { AdditionalInformationRequestDto, SupportingDocumentRequestDto } from './supporting-document.request.dto';

/** HS subheading (6 digits), optionally extended by the 2 CN digits. */
export class CommodityCodeRequestDto {
  @ApiProperty({
    description: 'HS subheading, 6 digits',
    example: '851713',
    minLength: 6,
    maxLength: MAX_LENGTH.harmonizedSystemSubHeadingCode,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.harmonizedSystemSubHeadingCode)
  readonly harmonizedSystemSubHeadingCode!: string;

  @ApiPropertyOptional({
    description: 'Combined Nomenclature digits 7 and 8',
    example: '00',
    maxLength: MAX_LENGTH.combinedNomenclatureCode,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.combinedNomenclatureCode)
  readonly combinedNomenclatureCode?: string;
}

export class DangerousGoodsRequestDto {
  @ApiProperty({ description: 'UN number, 4 digits', example: '3481', maxLength: MAX_LENGTH.unNumber })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.unNumber)
  readonly unNumber!: string;
}

/** What the goods are: a description that says it (stop words are refused with 100) and, where required, the HS code. */
export class CommodityRequestDto {
  @ApiProperty({
    description: 'Plain description of the goods; generic terms alone ("parts", "gift") are refused',
    example: 'Mobile phones, smartphones',
    maxLength: MAX_LENGTH.descriptionOfGoods,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.descriptionOfGoods)
  readonly descriptionOfGoods!: string;

  @OptionalNestedObject(
    () => CommodityCodeRequestDto,
    'Commodity code (required where the filing type requires the HS code)',
  )
  readonly commodityCode?: CommodityCodeRequestDto;

  @OptionalNestedArray(() => DangerousGoodsRequestDto, 'Dangerous goods, 0..99', { max: 99 })
  readonly dangerousGoods?: DangerousGoodsRequestDto[];
}

export class WeightRequestDto {
  @ApiProperty({
    description: 'Gross mass in kg, n..16,6, more than zero (a JSON number, not a string)',
    example: 1.25,
  })
  @IsDefined()
  @IsNumber()
  readonly grossMass!: number;
}

export class PackagingRequestDto implements Packaging {
  @ApiPropertyOptional({ description: 'Shipping marks', example: 'ACME 1/3', maxLength: MAX_LENGTH.shippingMarks })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.shippingMarks)
  readonly shippingMarks?: string;

  @ApiPropertyOptional({
    description: 'Number of packages, 0..99,999,999',
    example: 3,
    type: 'integer',
    minimum: 0,
    maximum: 99_999_999,
  })
  @IsOptional()
  @IsNumber()
  readonly numberOfPackages?: number;

  @ApiPropertyOptional({
    description: 'CL017 (UN/ECE Rec. 21) type of packages',
    example: 'PK',
    maxLength: MAX_LENGTH.typeOfPackages,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.typeOfPackages)
  readonly typeOfPackages?: string;
}

/** One goods item of a house consignment, 1..9,999, numbered 1..n. */
export class GoodsItemRequestDto implements GoodsItem {
  @ApiProperty({
    description: 'Item number, 1..n within its house consignment',
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
  readonly goodsItemNumber!: number;

  @NestedObject(() => CommodityRequestDto, 'The goods')
  readonly commodity!: CommodityRequestDto;

  @OptionalNestedObject(() => WeightRequestDto, 'Gross mass of the item')
  readonly weight?: WeightRequestDto;

  @OptionalNestedArray(() => PackagingRequestDto, 'Packages, 0..99', { max: 99 })
  readonly packaging?: PackagingRequestDto[];

  @OptionalNestedArray(() => SupportingDocumentRequestDto, 'Supporting documents, 0..99', { max: 99 })
  readonly supportingDocuments?: SupportingDocumentRequestDto[];

  @OptionalNestedArray(() => AdditionalInformationRequestDto, 'Additional information, 0..99', { max: 99 })
  readonly additionalInformation?: AdditionalInformationRequestDto[];
}
