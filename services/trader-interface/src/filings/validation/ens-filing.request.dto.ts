import { EnsFiling, HrcmScreeningResult } from '@ics2/contracts';
import { FILING_TYPE_CODES, MAX_HOUSE_CONSIGNMENTS } from '@ics2/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { ActiveBorderTransportMeansRequestDto } from './active-border-transport-means.request.dto';
import { FLAG_CODES } from './code-lists';
import { ConsignmentMasterLevelRequestDto } from './consignment-master-level.request.dto';
import { MAX_LENGTH } from './element-formats.table';
import { HouseConsignmentRequestDto } from './house-consignment.request.dto';
import { NestedObject, OptionalNestedArray, OptionalNestedObject, StringArray } from './nested-elements.decorators';
import { DeclarantRequestDto, RepresentativeRequestDto } from './party.request.dto';
import { TransportDocumentRequestDto } from './transport-document.request.dto';

export class SplitConsignmentRequestDto {
  @ApiProperty({ description: 'CL027: 1 when this is the rest of a split consignment', enum: FLAG_CODES, example: '0' })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly splitConsignmentIndicator!: string;

  @ApiPropertyOptional({
    description: 'MRN of the ENS the goods were split from; required when the indicator is 1',
    example: '25DE00000000004XT4',
    maxLength: MAX_LENGTH.mrn,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.mrn)
  readonly previousMrn?: string;
}

export class AddressedMemberStateRequestDto {
  @ApiProperty({
    description: 'CL717: the Member State the filing is addressed to',
    example: 'NL',
    maxLength: MAX_LENGTH.country,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.country)
  readonly country!: string;
}

export class CustomsOfficeReferenceRequestDto {
  @ApiProperty({
    description: 'CL141 customs office reference, an8: a Member State code and 6 characters',
    example: 'DE004711',
    maxLength: MAX_LENGTH.customsOffice,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.customsOffice)
  readonly referenceNumber!: string;
}

/** HRCM screening done before the filing (air, F20 / F28). */
export class HrcmScreeningResultRequestDto implements HrcmScreeningResult {
  @OptionalNestedObject(() => TransportDocumentRequestDto, 'The house waybill screened')
  readonly houseTransportDocument?: TransportDocumentRequestDto;

  @ApiProperty({ description: 'CL726 screening result', example: 'SPX', maxLength: MAX_LENGTH.screeningCode })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.screeningCode)
  readonly result!: string;

  @StringArray(
    'CL724 screening methods, 2..9',
    { min: 2, max: 9 },
    { maxLength: MAX_LENGTH.screeningCode, example: ['XRY', 'ETD'] },
  )
  readonly screeningMethod!: string[];
}

/**
 * IE3Fxx (and IE3Axx, the whole replacement): an ENS filing. Which groups must be present depends on the filing
 * type (specificCircumstanceIndicator), read from the filing-types table: complete and master-level filings carry
 * consignmentMasterLevel, house-level filings the top-level consignmentHouseLevel.
 */
export class EnsFilingRequestDto implements EnsFiling {
  @ApiProperty({
    description: 'Local reference number, unique per declarant',
    example: 'LRN-2025-000001',
    maxLength: MAX_LENGTH.lrn,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.lrn)
  readonly lrn!: string;

  @ApiProperty({
    description: 'When the filing was issued, ISO-8601 UTC YYYY-MM-DDThh:mm:ssZ',
    example: '2025-03-01T08:30:00Z',
    maxLength: MAX_LENGTH.instant,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.instant)
  readonly documentIssueDate!: string;

  @ApiProperty({ description: 'CL742 filing type', enum: FILING_TYPE_CODES, example: 'F20' })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.specificCircumstanceIndicator)
  readonly specificCircumstanceIndicator!: string;

  @ApiPropertyOptional({ description: 'CL027: 1 when the goods re-enter the EU', enum: FLAG_CODES, example: '0' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly reEntryIndicator?: string;

  @OptionalNestedObject(() => SplitConsignmentRequestDto, 'Split consignment')
  readonly splitConsignment?: SplitConsignmentRequestDto;

  @OptionalNestedObject(() => AddressedMemberStateRequestDto, 'Addressed Member State')
  readonly addressedMemberState?: AddressedMemberStateRequestDto;

  @NestedObject(() => DeclarantRequestDto, 'The person filing; the sender must be the declarant or the representative')
  readonly declarant!: DeclarantRequestDto;

  @OptionalNestedObject(() => RepresentativeRequestDto, 'Who files on behalf of the declarant')
  readonly representative?: RepresentativeRequestDto;

  @OptionalNestedObject(() => ActiveBorderTransportMeansRequestDto, 'The means of transport crossing the border')
  readonly activeBorderTransportMeans?: ActiveBorderTransportMeansRequestDto;

  @NestedObject(() => CustomsOfficeReferenceRequestDto, 'Declared customs office of first entry')
  readonly customsOfficeOfFirstEntry!: CustomsOfficeReferenceRequestDto;

  @OptionalNestedObject(() => ConsignmentMasterLevelRequestDto, 'Complete and master-level filings: the master level')
  readonly consignmentMasterLevel?: ConsignmentMasterLevelRequestDto;

  @OptionalNestedArray(
    () => HouseConsignmentRequestDto,
    'House-level filings only: the house consignments, each naming its master document and carrier',
    { max: MAX_HOUSE_CONSIGNMENTS },
  )
  readonly consignmentHouseLevel?: HouseConsignmentRequestDto[];

  @OptionalNestedArray(() => HrcmScreeningResultRequestDto, 'HRCM screening results, 0..99', { max: 99 })
  readonly hrcmScreeningResults?: HrcmScreeningResultRequestDto[];
}
