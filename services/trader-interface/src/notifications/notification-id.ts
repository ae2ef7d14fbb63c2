/**
 * Notification ids are name-based UUIDs (RFC 9562 version 5, SHA-1) of what makes a notification itself: the
 * source event, the message type, the recipient and, where one event gives a recipient several items of a type,
 * their key. A redelivered or replayed event therefore yields the same ids, and the unique (recipient, id) keeps
 * it from making a second item.
 */
import { createHash } from 'node:crypto';

/** The inbox's own namespace (a random v4 UUID, fixed forever: changing it changes every id). */
export const NOTIFICATION_ID_NAMESPACE = '3f0c6a52-7d1e-4b8a-9a57-2f61c4e0b9d3';

export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function notificationId(sourceEventId: string, messageType: string, recipient: string, key = ''): string {
  // Unit separators: none of the parts can contain one, so two different tuples never give the same name.
  return nameBasedUuid(NOTIFICATION_ID_NAMESPACE, [sourceEventId, messageType, recipient, key].join('\u001f'));
}
