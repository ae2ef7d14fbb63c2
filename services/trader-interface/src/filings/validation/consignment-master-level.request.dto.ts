import { ConsignmentMasterLevel } from '@ics2/contracts';
import { MAX_HOUSE_CONSIGNMENTS } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';
import { HouseConsignmentRequestDto } from './house-consignment.request.dto';
import { NestedArray, OptionalNestedArray, OptionalNestedObject } from './nested-elements.decorators';
import { PartyRequestDto } from './party.request.dto';
import { PlaceRequestDto } from './place.request.dto';
import { SupportingDocumentRequestDto } from './supporting-document.request.dto';
import { TransportDocumentRequestDto } from './transport-document.request.dto';

/** An AEO of the supply chain other than the named parties (mutual recognition). */
export class AdditionalSupplyChainActorRequestDto {
  @ApiProperty({
    description: 'EORI or AEO mutual-recognition identifier, an..17',
    example: 'US1234567890',
    maxLength: MAX_LENGTH.identificationNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.identificationNumber)
  readonly identificationNumber!: string;

  @ApiProperty({ description: 'CL704 role', example: 'CS', maxLength: MAX_LENGTH.role })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.role)
  readonly role!: string;
}

/** The master level: the carrier, the master document, the places, and the house consignments. */
export class ConsignmentMasterLevelRequestDto implements ConsignmentMasterLevel {
  @OptionalNestedObject(
    () => TransportDocumentRequestDto,
    'Master transport document (master B/L, master air waybill, CIM, CMR)',
  )
  readonly transportDocumentMasterLevel?: TransportDocumentRequestDto;

  @OptionalNestedObject(() => PartyRequestDto, 'The carrier, identified by EORI')
  readonly carrier?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Total gross mass in kg, n..16,6 (a JSON number)', example: 1250.5 })
  @IsOptional()
  @IsNumber()
  readonly totalGrossMass?: number;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods were taken over')
  readonly placeOfAcceptance?: PlaceRequestDto;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods are loaded')
  readonly placeOfLoading?: PlaceRequestDto;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods are unloaded')
  readonly placeOfUnloading?: PlaceRequestDto;

  @OptionalNestedObject(() => PlaceRequestDto, 'Where the goods are delivered')
  readonly placeOfDelivery?: PlaceRequestDto;

  @OptionalNestedArray(() => SupportingDocumentRequestDto, 'Supporting documents, 0..99', { max: 99 })
  readonly supportingDocuments?: SupportingDocumentRequestDto[];

  @OptionalNestedArray(() => AdditionalSupplyChainActorRequestDto, 'Additional supply chain actors, 0..99', { max: 99 })
  readonly additionalSupplyChainActor?: AdditionalSupplyChainActorRequestDto[];

  @NestedArray(
    () => HouseConsignmentRequestDto,
    'House consignments, 0..99,999 (at least one where the filing type requires them)',
    { max: MAX_HOUSE_CONSIGNMENTS },
  )
  readonly consignmentHouseLevel!: HouseConsignmentRequestDto[];
}
