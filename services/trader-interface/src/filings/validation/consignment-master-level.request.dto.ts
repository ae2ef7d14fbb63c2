import { ConsignmentMasterLevel } from '@ics2/contracts';
import { MAX_HOUSE_CONSIGNMENTS } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsNumber, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ArrayOfObjects } from './array-elements';
import { MAX_LENGTH } from './element-formats.table';
import { HouseConsignmentRequestDto } from './house-consignment.request.dto';
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
  @ApiPropertyOptional({
    description: 'Master transport document (master B/L, master air waybill, CIM, CMR)',
    type: () => TransportDocumentRequestDto,
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TransportDocumentRequestDto)
  readonly transportDocumentMasterLevel?: TransportDocumentRequestDto;

  @ApiPropertyOptional({ description: 'The carrier, identified by EORI', type: () => PartyRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyRequestDto)
  readonly carrier?: PartyRequestDto;

  @ApiPropertyOptional({ description: 'Total gross mass in kg, n..16,6 (a JSON number)', example: 1250.5 })
  @IsOptional()
  @IsNumber()
  readonly totalGrossMass?: number;

  @ApiPropertyOptional({ description: 'Where the goods were taken over', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfAcceptance?: PlaceRequestDto;

  @ApiPropertyOptional({ description: 'Where the goods are loaded', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfLoading?: PlaceRequestDto;

  @ApiPropertyOptional({ description: 'Where the goods are unloaded', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfUnloading?: PlaceRequestDto;

  @ApiPropertyOptional({ description: 'Where the goods are delivered', type: () => PlaceRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceRequestDto)
  readonly placeOfDelivery?: PlaceRequestDto;

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
    description: 'Additional supply chain actors, 0..99',
    type: () => AdditionalSupplyChainActorRequestDto,
    isArray: true,
    maxItems: 99,
  })
  @IsOptional()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => AdditionalSupplyChainActorRequestDto)
  readonly additionalSupplyChainActor?: AdditionalSupplyChainActorRequestDto[];

  @ApiProperty({
    description: 'House consignments, 0..99,999 (at least one where the filing type requires them)',
    type: () => HouseConsignmentRequestDto,
    isArray: true,
    maxItems: MAX_HOUSE_CONSIGNMENTS,
  })
  @IsDefined()
  @IsArray()
  @ArrayOfObjects()
  @ValidateNested({ each: true })
  @Type(() => HouseConsignmentRequestDto)
  readonly consignmentHouseLevel!: HouseConsignmentRequestDto[];
}
