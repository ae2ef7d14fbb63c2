/** The timeline as the OpenAPI document describes it (timeline.ts builds it). */
import { ApiProperty } from '@nestjs/swagger';
import type { Actor } from '@ics2/domain';

export class TimelineDeliveryDto {
  @ApiProperty({ example: 'notification inbox' }) feed!: string;
  @ApiProperty({ example: 'DE123456789012345', description: 'EORI, or Member State code for signals' }) recipient!: string;
  @ApiProperty({ example: 'IE3N03', description: 'message type, or signal kind' }) kind!: string;
  @ApiProperty({ example: '4', description: "the recipient's cursor" }) seq!: string;
  @ApiProperty({ example: '2026-12-01T10:00:01.234Z' }) deliveredAt!: string;
}

export class TimelineEntryDto {
  @ApiProperty({ example: '1234/1234', description: 'place in the global log (commit/prepare)' }) position!: string;
  @ApiProperty({ example: 'risk-26DE0000000000ABT1' }) streamId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'RiskAnalysed' }) type!: string;
  @ApiProperty({ example: 'member-state:DE/de-risk-1' }) actor!: string;
  @ApiProperty({ description: 'the actor as recorded', type: Object }) actorDetail!: Actor;
  @ApiProperty({ description: 'when it happened (the command)' }) occurredAt!: string;
  @ApiProperty({ description: 'when the store recorded it (its clock)' }) recordedAt!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ nullable: true, type: String }) causationId!: string | null;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ nullable: true, type: String, description: 'sha256 chained to the previous event of the stream' }) hash!: string | null;
  @ApiProperty({ description: 'the event as recorded (risk analyses name the exact criteria versions)', type: Object }) data!: unknown;
  @ApiProperty({ type: [TimelineDeliveryDto] }) deliveries!: readonly TimelineDeliveryDto[];
}

export class TimelineSourcesDto {
  @ApiProperty({ example: 'complete' }) events!: string;
  @ApiProperty({ example: 'complete', description: "'complete', or 'missing: <why>' when a delivering service did not answer" }) deliveries!: string;
}

export class TimelineResponseDto {
  @ApiProperty() mrn!: string;
  @ApiProperty({ type: [String], description: 'the filings of the ENS' }) filings!: string[];
  @ApiProperty({ type: [String], description: 'the filings that headed a completion' }) heads!: string[];
  @ApiProperty({ type: [String] }) streams!: string[];
  @ApiProperty({ type: [TimelineEntryDto] }) entries!: readonly TimelineEntryDto[];
  @ApiProperty({ type: TimelineSourcesDto }) sources!: TimelineSourcesDto;
}
