import { Communication, Party, Representative } from '@ics2/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { AddressRequestDto } from './address.request.dto';
import { REPRESENTATIVE_STATUS_CODES, TYPE_OF_PERSON_CODES } from './code-lists';
import { MAX_LENGTH } from './element-formats.table';
import { OptionalNestedArray, OptionalNestedObject } from './nested-elements.decorators';

/** A telephone number, e-mail address... of a party (1..9 per party). */
export class CommunicationRequestDto implements Communication {
  @ApiProperty({
    description: 'The number or address',
    example: 'customs@example.com',
    maxLength: MAX_LENGTH.communicationIdentifier,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.communicationIdentifier)
  readonly identifier!: string;

  @ApiProperty({
    description: 'CL707: EM e-mail, TE telephone...',
    example: 'EM',
    maxLength: MAX_LENGTH.communicationType,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.communicationType)
  readonly type!: string;
}

/** What every party has besides its identification: name, type of person, address, communication. */
abstract class PartyDetailsRequestDto {
  @ApiPropertyOptional({ description: 'Name', example: 'Rheinland Logistik GmbH', maxLength: MAX_LENGTH.name })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.name)
  readonly name?: string;

  @ApiPropertyOptional({
    description: 'CL729: 1 natural person, 2 legal person, 3 association of persons',
    enum: TYPE_OF_PERSON_CODES,
    example: '2',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly typeOfPerson?: string;

  @OptionalNestedObject(() => AddressRequestDto, 'Address')
  readonly address?: AddressRequestDto;

  @OptionalNestedArray(() => CommunicationRequestDto, 'Telephone, e-mail... (1..9)', { min: 1, max: 9 })
  readonly communication?: CommunicationRequestDto[];
}

/** A party that may be identified (consignor, consignee, carrier, buyer, seller, notify party...). */
export class PartyRequestDto extends PartyDetailsRequestDto implements Party {
  @ApiPropertyOptional({
    description: 'EORI, an..17',
    example: 'CN9876543210',
    maxLength: MAX_LENGTH.identificationNumber,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.identificationNumber)
  readonly identificationNumber?: string;
}

/** The person filing: always identified by EORI, which must be the sender's unless a representative files. */
export class DeclarantRequestDto extends PartyDetailsRequestDto implements Party {
  @ApiProperty({
    description: 'EORI of the declarant (person filing), an..17',
    example: 'DE1234567890123',
    maxLength: MAX_LENGTH.identificationNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.identificationNumber)
  readonly identificationNumber!: string;
}

/** Who files on behalf of the declarant; must differ from the declarant. */
export class RepresentativeRequestDto extends PartyDetailsRequestDto implements Representative {
  @ApiProperty({
    description: 'EORI of the representative, an..17',
    example: 'DE9999999999999',
    maxLength: MAX_LENGTH.identificationNumber,
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.identificationNumber)
  readonly identificationNumber!: string;

  @ApiProperty({
    description: 'CL094: 2 direct, 3 indirect representation',
    enum: REPRESENTATIVE_STATUS_CODES,
    example: '2',
  })
  @IsDefined()
  @IsString()
  @MaxLength(MAX_LENGTH.codeN1)
  readonly status!: string;
}
