import { mrnOf } from '@ics2/testing';
import { instantOf, streamIdOf } from './audit-answers';

describe('instantOf (the doors\' instants)', () => {
  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00.123456789Z', '2026-12-01T10:00:00.123Z'],
    ['2026-12-01T10:00:00+01:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T10:00:00-05:30', '2026-12-01T15:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0050-03-01T00:00:00Z', '0050-03-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, iso) => expect(instantOf(text, '/asOf')?.toISOString()).toBe(iso));

  it.each([
    ['no zone (local time, which the server would read in its own)', '2026-12-01T10:00:00'],
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['a day without its leap day', '2026-02-29T10:00:00Z'],
    ['24:00', '2026-12-01T24:00:00Z'],
    ['a leap second', '2026-06-30T23:59:60Z'],
    ['a date only', '2026-12-01'],
    ['year 0', '0000-01-01T00:00:00Z'],
    ['year 0 once in UTC', '0001-01-01T00:30:00+01:00'],
    ['year 10000 once in UTC', '9999-12-31T23:30:00-01:00'],
    ['an offset beyond 18 hours', '2026-12-01T10:00:00+19:00'],
    ['trailing text', '2026-12-01T10:00:00Z now'],
  ])('refuses %s, coded at its pointer', (_what, text) =>
    expect(() => instantOf(text, '/asOf')).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_REQUEST', details: [expect.objectContaining({ validationCode: '12', pointer: '/asOf' })] })));

  it('refuses a parameter given twice (a list), and takes none as none', () => {
    expect(() => instantOf(['2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z'] as unknown as string, '/from')).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_REQUEST' }));
    expect(instantOf(undefined, '/from')).toBeUndefined();
    expect(instantOf('', '/from')).toBeUndefined();
  });
});

describe('streamIdOf (the doors\' stream ids)', () => {
  const mrn = mrnOf(1);

  it.each([`ens-${mrn}`, `arrival-${mrn}`, `risk-${mrn}`, `control-${mrn}`, 'rif-RIF-2026-0001', 'criterion-eu-sec-001', 'access-anything'])('takes %s', (id) => expect(streamIdOf(id, '/streamId')).toBe(id));

  it.each([
    ['no category', mrn],
    ['a lower-case MRN', `ens-${mrn.toLowerCase()}`],
    ['a wrong check digit', `risk-${mrn.slice(0, -1)}${mrn.endsWith('0') ? '1' : '0'}`],
    ['no MRN at all', 'control-x'],
    ['an arrival of no MRN', 'arrival-42'],
  ])('refuses %s, coded at its pointer', (_what, id) =>
    expect(() => streamIdOf(id, '/stream')).toThrow(expect.objectContaining({ code: 'AUDIT.INVALID_REQUEST', details: [expect.objectContaining({ pointer: '/stream' })] })));
});
