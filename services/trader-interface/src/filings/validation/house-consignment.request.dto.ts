import { HouseConsignment, TransportEquipment } from '@ics2/contracts';
import { MAX_GOODS_ITEMS, MAX_ROUTING_COUNTRIES, MAX_TRANSPORT_EQUIPMENT, MIN_ROUTING_COUNTRIES } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FLAG_CODES } from './code-lists';
import { MAX_LENGTH, MAX_NUMBER_OF_SEALS, MAX_SEQUENCE_NUMBER } from './element-formats.table';
import { GoodsItemRequestDto } from './goods-item.request.dto';
import { OptionalNestedArray, OptionalNestedObject } from './nested-elements.decorators';
import { PartyRequestDto } from './party.request.dto';
import { PlaceRequestDto } from './place.request.dto';
import { RoutingCountryRequestDto } from './routing-country.request.dto';
import { AdditionalInformationRequestDto, SupportingDocumentRequestDto } from './supporting-document.request.dto';
import { TransportDocumentRequestDto } from './transport-document.request.dto';

/** Buyer and seller of the goods (maritime layered filing). */
export class GoodsShipmentRequestDto {
  @OptionalNestedObject(() => PartyRequestDto, 'Buyer')
  readonly buyer?: PartyRequestDto;

  @OptionalNestedObject(() => PartyRequestDto, 'Seller')
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

  @OptionalNestedObject(() => TransportDocumentRequestDto, 'House transport document (house waybill, house B/L)')
  readonly transportDocumentHouseLevel?: TransportDocumentRequestDto;

  @OptionalNestedObject(
    () => TransportDocumentRequestDto,
    'House-level filings only: the master document this house belongs to',
  )
  readonly transportDocumentMasterLevel?: TransportDocumentRequestDto;

  @OptionalNestedObject(
    () => PartyRequestDto,
    'House-level filings only: the carrier of the master, identified by EORI',
  )
  readonly carrier?: PartyRequestDto;

  @OptionalNestedObject(() => PartyRequestDto, 'Master-level filings: who is expected to file this house')
  readonly supplementaryDeclarant?: PartyRequestDto;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods were taken over')
  readonly placeOfAcceptance?: PlaceRequestDto;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods are delivered')
  readonly placeOfDelivery?: PlaceRequestDto;

  @OptionalNestedArray(
    () => RoutingCountryRequestDto,
    'Countries the goods pass, 2..99, including those of acceptance and delivery',
    { min: MIN_ROUTING_COUNTRIES, max: MAX_ROUTING_COUNTRIES },
  )
  readonly countriesOfRoutingOfConsignment?: RoutingCountryRequestDto[];

  @OptionalNestedObject(() => PartyRequestDto, 'Consignor')
  readonly consignor?: PartyRequestDto;

  @OptionalNestedObject(() => PartyRequestDto, 'Consignee')
  readonly consignee?: PartyRequestDto;

  @OptionalNestedObject(() => PartyRequestDto, 'Notify party')
  readonly notifyParty?: PartyRequestDto;

  @OptionalNestedObject(() => GoodsShipmentRequestDto, 'Buyer and seller')
  readonly goodsShipment?: GoodsShipmentRequestDto;

  @OptionalNestedArray(() => TransportEquipmentRequestDto, 'Containers, 0..9,999', { max: MAX_TRANSPORT_EQUIPMENT })
  readonly transportEquipment?: TransportEquipmentRequestDto[];

  @OptionalNestedObject(() => TransportChargesRequestDto, 'Transport charges')
  readonly transportCharges?: TransportChargesRequestDto;

  @OptionalNestedObject(() => PostalChargesRequestDto, 'Postal items: postage paid')
  readonly postalCharges?: PostalChargesRequestDto;

  @OptionalNestedArray(() => SupportingDocumentRequestDto, 'Supporting documents, 0..99', { max: 99 })
  readonly supportingDocuments?: SupportingDocumentRequestDto[];

  @OptionalNestedArray(() => AdditionalInformationRequestDto, 'Additional information, 0..99', { max: 99 })
  readonly additionalInformation?: AdditionalInformationRequestDto[];

  @OptionalNestedArray(
    () => GoodsItemRequestDto,
    'Goods items, 1..9,999 (none in a master-level house list)',
    { max: MAX_GOODS_ITEMS },
  )
  readonly goodsItem?: GoodsItemRequestDto[];
}
