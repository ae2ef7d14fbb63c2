import { ApiProperty } from '@nestjs/swagger';

export class AccessLogEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ example: 'member-state:DE/de-risk-1' }) reader!: string;
  @ApiProperty({ example: 'ens-filing' }) resource!: string;
  @ApiProperty({ description: 'what was read: an MRN, analysis, case or stream id' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) mrn!: string | null;
  @ApiProperty({ example: 'pre-loading risk assessment' }) purpose!: string;
  @ApiProperty({ example: 'risk-analysis GetFiling' }) door!: string;
}

export class AccessLogDto {
  @ApiProperty({ type: [AccessLogEntryDto], description: 'newest first' }) entries!: AccessLogEntryDto[];
}
