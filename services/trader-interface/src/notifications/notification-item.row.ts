import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationMessageType } from './notification';
import type { NotificationPayload } from './notification-payloads';

/**
 * One notification in one recipient's inbox (migration 20261210-0001). Written only by the inbox sequencer, at the
 * end of the projection's transaction; replies name its fields one by one (notifications.response.dto.ts).
 */
@Entity({ name: 'notification_items' })
export class NotificationItemRow {
  @PrimaryColumn({ type: 'text' }) recipient!: string;
  /** bigint comes back from pg as a decimal string. */
  @PrimaryColumn({ type: 'bigint' }) seq!: string;
  @Column({ type: 'uuid' }) id!: string;
  @Column({ type: 'text', name: 'message_type' }) messageType!: NotificationMessageType;
  @Column({ type: 'text' }) mrn!: string;
  @Column({ type: 'text', nullable: true }) lrn!: string | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column({ type: 'jsonb' }) payload!: NotificationPayload;
  @Column({ type: 'uuid', name: 'source_event_id' }) sourceEventId!: string;
}
