/** What the inbox doors answer: each item named field by field from its row, never the row itself. */
import { ApiProperty } from '@nestjs/swagger';
import { cursorOf } from './notification-cursor';
import { NOTIFICATION_MESSAGE_TYPES, type NotificationMessageType } from './notification';
import type { NotificationItemRow } from './notification-item.row';
import type { NotificationPayload } from './notification-payloads';

export class NotificationItemDto {
  @ApiProperty({ example: '0b5a9c3e-6f1d-5e2a-9c47-1d2e3f405162', description: 'stable: the same notification always has this id' }) id!: string;
  @ApiProperty({ example: '42', description: 'opaque; send it back as `after` (or Last-Event-ID) to read what came after this item' }) cursor!: string;
  @ApiProperty({ example: 'IE3R01', enum: NOTIFICATION_MESSAGE_TYPES, enumName: 'NotificationMessageType', description: 'the ICS2 customs-to-trader message' })
  messageType!: NotificationMessageType;
  @ApiProperty({ example: '26DE00000000004FT3', description: 'the filing it is about (the arrival registration for IE3R04)' }) mrn!: string;
  @ApiProperty({ example: 'LRN-2026-000123', nullable: true, type: String, description: "the filing's LRN, when the recipient is a party of that filing" })
  lrn!: string | null;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z', description: 'when the fact was recorded' }) createdAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the ICS2 message carries; its shape depends on messageType (see the service README)' })
  payload!: NotificationPayload;
}

export class NotificationsPageDto {
  @ApiProperty({ type: [NotificationItemDto] }) items!: NotificationItemDto[];
  @ApiProperty({ example: '42', description: 'the cursor of the last item, or the `after` given when there is none: send it as the next `after`' })
  next!: string;
}

export function toNotificationItem(row: NotificationItemRow): NotificationItemDto {
  return {
    id: row.id,
    cursor: cursorOf(row.seq),
    messageType: row.messageType,
    mrn: row.mrn,
    lrn: row.lrn,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
  };
}

export function toNotificationsPage(rows: readonly NotificationItemRow[], after: string): NotificationsPageDto {
  const items = rows.map(toNotificationItem);
  return { items, next: items.length > 0 ? items[items.length - 1].cursor : after };
}
