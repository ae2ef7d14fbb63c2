import { isIsoInstant } from './instant';

describe('isIsoInstant', () => {
  it.each(['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.5Z', '2026-12-01T09:00:00.123Z', '2028-02-29T00:00:00Z'])('takes %j', (value) => expect(isIsoInstant(value)).toBe(true));
  it.each(['', '1', 'March 3', 'tomorrow', '2026-12-01', '2026-12-01T09:00Z', '2026-12-01T09:00:00', '2026-12-01T09:00:00+01:00', '2026-02-30T00:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T09:00:00.1234Z', ' 2026-12-01T09:00:00Z'])(
    'refuses %j',
    (value) => expect(isIsoInstant(value)).toBe(false),
  );
  it('refuses what is not a string', () => expect(isIsoInstant(Date.now())).toBe(false));
});
