import { HouseConsignment, TransportEquipment } from '@ics2/contracts';
import { MAX_GOODS_ITEMS, MAX_ROUTING_COUNTRIES, MAX_TRANSPORT_EQUIPMENT, MIN_ROUTING_COUNTRIES } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArrayOfObjects } from './array-elements';
import { FLAG_CODES } from './code-lists';
import { MAX_LENGTH, MAX_NUMBER_OF_SEALS, MAX_SEQUENCE_NUMBER } from './element-formats.table';
import { GoodsItemRequestDto } from './goods-item.request.dto';
import { PartyRequestDto } from './party.request.dto';
import { PlaceRequestDto } from './place.request.dto';
import { RoutingCountryRequestDto } from './routing-country.request.dto';
import { AdditionalInformationRequestDto, SupportingDocumentRequestDto } from './supporting-document.request.dto';
import { TransportDocumentRequestDto } from './transport-document.request.dto';

/** Buyer and seller of the goods (maritime layered filing). */
export class GoodsShipmentRequestDto {
  @ApiPropertyOptional({ description: 'Buyer', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly buyer?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Seller', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly seller?: PartyRequestDto;
}

/** A container, 0..9,999 per house consignment. */
export class TransportEquipmentRequestDto implements TransportEquipment {
  @ApiPropertyOptional({
    description: 'Position in the list, from 1',
    example: 1,
    type: 'integer',
    minimum: 1,
    maximum: MAX_SEQUENCE_NUMBER,
  })
  @IsOptional()
  @IsNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_SEQUENCE_NUMBER)
  readonly sequenceNumber?: number;

  @ApiProperty({
    description: 'Container number (ISO 6346)',
    example: 'MSCU1234565',
    maxLength: MAX_LENGTH.containerIdentificationNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.containerIdentificationNumber)
  readonly containerIdentificationNumber!: string;

  @ApiPropertyOptional({
    description: 'Number of seals',
    example: 1,
    type: 'integer',
    minimum: 0,
    maximum: MAX_NUMBER_OF_SEALS,
  })
  @IsOptional()
  @IsNumber()
  @IsInt()
  @Min(0)
  @Max(MAX_NUMBER_OF_SEALS)
  readonly numberOfSeals?: number;
}

export class TransportChargesRequestDto {
  @ApiProperty({
    description: 'CL116 method of payment of the transport charges',
    example: 'A',
    maxLength: MAX_LENGTH.methodOfPayment,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.methodOfPayment)
  readonly methodOfPayment!: string;
}

/** Postal items: the postage paid. */
export class PostalChargesRequestDto {
  @ApiProperty({ description: 'Amount (a JSON number, at least 0)', example: 4.5, minimum: 0 })
  @IsDefined()
  @IsNumber()
  readonly value!: number;

  @ApiProperty({ description: 'CL352 currency, ISO 4217', example: 'EUR', maxLength: MAX_LENGTH.currency })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.currency)
  readonly currency!: string;
}

/**
 * A house consignment. In a master-level partial filing it is only listed (house document, optionally the party
 * expected to file it); in a house-level partial filing it names its master document and carrier (the linking key).
 */
export class HouseConsignmentRequestDto implements HouseConsignment {
  @ApiPropertyOptional({
    description: 'Position in the filing, from 1',
    example: 1,
    type: 'integer',
    minimum: 1,
    maximum: MAX_SEQUENCE_NUMBER,
  })
  @IsOptional()
  @IsNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_SEQUENCE_NUMBER)
  readonly sequenceNumber?: number;

  @ApiPropertyOptional({ description: 'CL708: 0 not in containers, 1 in containers', enum: FLAG_CODES, example: '0' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly containerIndicator?: string;

  @ApiPropertyOptional({ description: 'Total gross mass in kg, n..16,6 (a JSON number)', example: 2.5 })
  @IsOptional()
  @IsNumber()
  readonly totalGrossMass?: number;

  @ApiPropertyOptional({
    description: 'Unique consignment reference (UCR)',
    example: '5DE1234567890123-4711',
    maxLength: MAX_LENGTH.referenceNumberUcr,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.referenceNumberUcr)
  readonly referenceNumberUcr?: string;

  @ApiPropertyOptional({
    description: 'House transport document (house waybill, house B/L)',
    type: () => TransportDocumentRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TransportDocumentRequestDto)
  readonly transportDocumentHouseLevel?: TransportDocumentRequestDto;

  @ApiPropertyOptional({
    description: 'House-level filings only: the master document this house belongs to',
    type: () => TransportDocumentRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TransportDocumentRequestDto)
  readonly transportDocumentMasterLevel?: TransportDocumentRequestDto;

  @ApiPropertyOptional({
    description: 'House-level filings only: the carrier of the master, identified by EORI',
    type: () => PartyRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly carrier?: PartyRequestDto;

  @ApiPropertyOptional({
    description: 'Master-level filings: who is expected to file this house',
    type: () => PartyRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly supplementaryDeclarant?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Where the goods were taken over', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfAcceptance?: PlaceRequestDto;

  @ApiPropertyOptional({ description: 'Where the goods are delivered', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfDelivery?: PlaceRequestDto;

  @ApiPropertyOptional({
    description: 'Countries the goods pass, 2..99, including those of acceptance and delivery',
    type: () => RoutingCountryRequestDto,
    isArray: true,
    minItems: MIN_ROUTING_COUNTRIES,
    maxItems: MAX_ROUTING_COUNTRIES,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ArrayMinSize(MIN_ROUTING_COUNTRIES)
  @ValidateNested({ each: true })
  @Type(() => RoutingCountryRequestDto)
  readonly countriesOfRoutingOfConsignment?: RoutingCountryRequestDto[];

  @ApiPropertyOptional({ description: 'Consignor', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly consignor?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Consignee', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly consignee?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Notify party', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly notifyParty?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Buyer and seller', type: () => GoodsShipmentRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GoodsShipmentRequestDto)
  readonly goodsShipment?: GoodsShipmentRequestDto;

  @ApiPropertyOptional({
    description: 'Containers, 0..9,999',
    type: () => TransportEquipmentRequestDto,
    isArray: true,
    maxItems: MAX_TRANSPORT_EQUIPMENT,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => TransportEquipmentRequestDto)
  readonly transportEquipment?: TransportEquipmentRequestDto[];

  @ApiPropertyOptional({ description: 'Transport charges', type: () => TransportChargesRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TransportChargesRequestDto)
  readonly transportCharges?: TransportChargesRequestDto;

  @ApiPropertyOptional({ description: 'Postal items: postage paid', type: () => PostalChargesRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PostalChargesRequestDto)
  readonly postalCharges?: PostalChargesRequestDto;

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

  @ApiPropertyOptional({
    description: 'Goods items, 1..9,999 (none in a master-level house list)',
    type: () => GoodsItemRequestDto,
    isArray: true,
    maxItems: MAX_GOODS_ITEMS,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => GoodsItemRequestDto)
  readonly goodsItem?: GoodsItemRequestDto[];
}
