import { nameBasedUuid, notificationId } from './notification-id';

describe('notification ids', () => {
  it('are RFC 9562 version 5 UUIDs (the RFC\'s DNS example)', () => {
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are the same for the same event, message type, recipient and key, and differ when any of them does', () => {
    const event = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';
    const id = notificationId(event, 'IE3N07', 'LU987654321', 'A');
    expect(notificationId(event, 'IE3N07', 'LU987654321', 'A')).toBe(id);
    expect(new Set([id, notificationId(event, 'IE3N07', 'LU987654321', 'B'), notificationId(event, 'IE3N02', 'LU987654321', 'A'), notificationId(event, 'IE3N07', 'DE1', 'A')]).size).toBe(4);
  });
});
