import { parseUtcInstant } from './utc-instant';

describe('utc-instant', () => {
  it.each(['2025-03-01T08:30:00Z', '2025-03-01T08:30:00.123Z', '2024-02-29T23:59:59Z', '2025-03-01T08:30:00.123456Z'])('accepts %s, to the millisecond', (text) =>
    expect(parseUtcInstant(text)).toBe(new Date(text).getTime()),
  );

  it.each([
    '2025-03-01T08:30:00+01:00',
    '2025-03-01 08:30:00Z',
    '2025-03-01T08:30Z',
    '2025-03-01t08:30:00z',
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-03-01T24:00:00Z',
    '2025-03-01T23:60:00Z',
    '2025-03-01T23:59:60Z',
    '1999-12-31T23:59:59Z',
    '0225-03-01T08:30:00Z',
    '2025-03-01T08:30:00.Z',
    '2025-03-01',
    '',
  ])('refuses %s', (text) => expect(parseUtcInstant(text)).toBeUndefined());
});
