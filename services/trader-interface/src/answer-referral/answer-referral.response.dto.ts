import { ApiProperty } from '@nestjs/swagger';

/** The answer as risk-analysis recorded it. */
export class ReferralAnsweredResponseDto {
  @ApiProperty({ example: 'IE3R02', enum: ['IE3R02', 'IE3R03'], description: 'the answer as recorded' }) messageType!: 'IE3R02' | 'IE3R03';
  @ApiProperty({ example: '26DE00000000004FT3', description: 'the MRN of the ENS the referral is about' }) mrn!: string;
  @ApiProperty({ example: '26DE00000000004FT3-R1', description: 'the referral answered' }) reference!: string;
  @ApiProperty({ example: '2026-12-01T10:05:00.000Z' }) answeredAt!: string;
}
