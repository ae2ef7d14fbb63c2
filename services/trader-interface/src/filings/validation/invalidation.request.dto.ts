import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from './element-formats.table';

/** IE3Q04, the invalidation request of a filing (the MRN is in the path). */
export class InvalidationRequestDto {
  @ApiPropertyOptional({
    description: 'Why the filing is invalidated (free text)',
    example: 'Goods not shipped',
    maxLength: MAX_LENGTH.invalidationReason,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.invalidationReason)
  readonly reason?: string;
}
