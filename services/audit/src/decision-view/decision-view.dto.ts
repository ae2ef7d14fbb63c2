import { ApiProperty } from '@nestjs/swagger';
import { TimelineEntryDto } from '../timeline/timeline.response.dto';

export class StreamBeforeDto {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'the last revision before the decision' }) revision!: number;
  @ApiProperty() eventsApplied!: number;
  @ApiProperty({ type: Object }) state!: unknown;
}

export class FilingSeenDto {
  @ApiProperty() mrn!: string;
  @ApiProperty({ description: '-1 when the filing did not exist yet' }) revision!: number;
  @ApiProperty({ nullable: true, type: String }) lastRecordedAt!: string | null;
  @ApiProperty({ type: Object }) state!: unknown;
}

export class DecisionViewDto {
  @ApiProperty({ type: TimelineEntryDto }) decision!: TimelineEntryDto;
  @ApiProperty({ description: 'the instant the decision was recorded: what was recorded by then was visible' }) seenAt!: string;
  @ApiProperty({ type: StreamBeforeDto, nullable: true }) streamBefore!: StreamBeforeDto | null;
  @ApiProperty({ type: [FilingSeenDto] }) filings!: FilingSeenDto[];
}
