import { GoodsItem, Packaging } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArrayOfObjects } from './array-elements';
import { MAX_LENGTH, MAX_SEQUENCE_NUMBER } from './element-formats.table';
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

  @ApiPropertyOptional({
    description: 'Commodity code (required where the filing type requires the HS code)',
    type: () => CommodityCodeRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CommodityCodeRequestDto)
  readonly commodityCode?: CommodityCodeRequestDto;

  @ApiPropertyOptional({
    description: 'Dangerous goods, 0..99',
    type: () => DangerousGoodsRequestDto,
    isArray: true,
    maxItems: 99,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => DangerousGoodsRequestDto)
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

  @ApiProperty({ description: 'The goods', type: () => CommodityRequestDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CommodityRequestDto)
  readonly commodity!: CommodityRequestDto;

  @ApiPropertyOptional({ description: 'Gross mass of the item', type: () => WeightRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WeightRequestDto)
  readonly weight?: WeightRequestDto;

  @ApiPropertyOptional({ description: 'Packages, 0..99', type: () => PackagingRequestDto, isArray: true, maxItems: 99 })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => PackagingRequestDto)
  readonly packaging?: PackagingRequestDto[];

  @ApiPropertyOptional({
    description: 'Supporting documents, 0..99',
    type: () => SupportingDocumentRequestDto,
    isArray: true,
    maxItems: 99,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => SupportingDocumentRequestDto)
  readonly supportingDocuments?: SupportingDocumentRequestDto[];

  @ApiPropertyOptional({
    description: 'Additional information, 0..99',
    type: () => AdditionalInformationRequestDto,
    isArray: true,
    maxItems: 99,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => AdditionalInformationRequestDto)
  readonly additionalInformation?: AdditionalInformationRequestDto[];
}
