import { ApiProperty } from '@nestjs/swagger';

export class StreamStateDto {
  @ApiProperty({ example: 'ens-26DE0000000000ABT1' }) streamId!: string;
  @ApiProperty({ nullable: true, type: String }) asOf!: string | null;
  @ApiProperty({ description: 'the last revision folded; -1 when none' }) revision!: number;
  @ApiProperty() eventsApplied!: number;
  @ApiProperty({ nullable: true, type: String }) lastEventId!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastRecordedAt!: string | null;
  @ApiProperty({ description: "the state as the owning service's decider folds it", type: Object }) state!: unknown;
}
