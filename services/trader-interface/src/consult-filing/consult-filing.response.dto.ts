import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LinkedFilingDto {
  @ApiProperty({ example: '26DE00000000005FT1' }) mrn!: string;
  @ApiProperty({ example: 'house', enum: ['complete', 'master', 'house'] }) level!: string;
  @ApiProperty({ example: 'complete', description: 'the linked filing\'s state' }) state!: string;
  @ApiProperty({ example: 'HAWB-000123' }) houseDocument!: string;
  @ApiProperty({ description: 'whether the caller may consult that filing itself' }) visible!: boolean;
}

/**
 * Part of the filing's ENS was presented, though not this filing itself: a house whose master was presented, or a
 * master one of whose houses was. Its own `state` stays; it can no longer be amended or invalidated (IE3N01, 92).
 */
export class EnsPresentationDto {
  @ApiPropertyOptional({ example: '26DE00000000004FT3', description: 'the presented filing (absent for a filing consulted before the repository recorded it)' }) mrn?: string;
  @ApiProperty({ example: 'master', enum: ['master', 'house'], description: "the presented filing's level: a house's master, or a master's house" }) level!: 'master' | 'house';
  @ApiProperty({ example: '2026-12-02T09:00:00.000Z' }) presentedAt!: string;
}

/** IE3R08: the filing, its state, its linked filings and their states. */
export class FilingConsultedResponseDto {
  @ApiProperty({ example: 'IE3R08', enum: ['IE3R08'] }) messageType!: 'IE3R08';
  @ApiProperty({ example: '26DE00000000004FT3' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123' }) lrn!: string;
  @ApiProperty({
    example: 'pending-completeness',
    enum: ['registered', 'pending-completeness', 'complete', 'arrived', 'presented', 'invalidated', 'rejected'],
    description: 'the filing\'s lifecycle state (service README "States")',
  })
  state!: string;
  @ApiProperty({ example: 'F21' }) specificCircumstanceIndicator!: string;
  @ApiProperty({ example: 'master', enum: ['complete', 'master', 'house'] }) level!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) registeredAt!: string;
  @ApiPropertyOptional({ example: '2026-12-01T11:00:00.000Z' }) amendedAt?: string;
  @ApiPropertyOptional() arrivedAt?: string;
  @ApiPropertyOptional() presentedAt?: string;
  @ApiPropertyOptional({ type: EnsPresentationDto, description: 'part of its ENS was presented: for a house, its master; for a master, one of its houses' })
  ensPresentation?: EnsPresentationDto;
  @ApiPropertyOptional() invalidatedAt?: string;
  @ApiProperty({ example: 'DE' }) responsibleMemberState!: string;
  @ApiProperty({ example: ['BE'] }) involvedMemberStates!: string[];
  @ApiProperty({ type: [LinkedFilingDto] }) linkedFilings!: LinkedFilingDto[];
  @ApiProperty({ example: ['HAWB-000124'], description: 'house documents a master still waits for' }) missingHouseDocuments!: string[];
  @ApiPropertyOptional({ example: 'ok', enum: ['ok', 'flagged'] }) consistency?: string;
  @ApiProperty({ description: 'the filing as it now stands (after amendments), HTI element names' }) filing!: Record<string, unknown>;
}

export class FilingSummaryDto {
  @ApiProperty({ example: '26DE00000000004FT3' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123' }) lrn!: string;
  @ApiProperty({ example: 'registered' }) state!: string;
  @ApiProperty({ example: 'F22' }) specificCircumstanceIndicator!: string;
  @ApiProperty({ example: 'house' }) level!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) registeredAt!: string;
  @ApiProperty({ example: 'house', enum: ['master', 'house'] }) matchedDocument!: string;
}

export class FilingsFoundResponseDto {
  @ApiProperty({ example: 'IE3R08', enum: ['IE3R08'] }) messageType!: 'IE3R08';
  @ApiProperty({ type: [FilingSummaryDto] }) filings!: FilingSummaryDto[];
}
