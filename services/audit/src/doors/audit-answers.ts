/** What the audit doors share: coded refusals, the purpose header as OpenAPI documents it, instants and stream ids. */
import { isMrn } from '@ics2/domain';
import { PlatformError, PURPOSE_HEADER } from '@ics2/platform';

export const invalid = (pointer: string, description: string, code = '12') =>
  new PlatformError('validation', 'AUDIT.INVALID_REQUEST', description, [{ validationCode: code, pointer, description }]);

export const PURPOSE_API_HEADER = {
  name: PURPOSE_HEADER,
  required: true,
  description: 'Why this read is made (3 to 200 characters, letters of any script, digits, spaces, . , : ; / ( ) # \' _ -); recorded in the access log with who made it and when. A header holds printable ASCII: percent-encode other letters as UTF-8 (encodeURIComponent), e.g. Pr%C3%BCfung.',
  example: 'ECA 2026 audit of ICS2 risk management, case 17',
};

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_EXPECTED = 'an ISO-8601 instant with its zone, of a real day and time, years 0001 to 9999 (UTC), e.g. 2026-12-01T10:00:00Z';

/**
 * An ISO-8601 instant from a query parameter; undefined when absent. Its zone is required (Z or an offset): a time
 * without one is local time in ISO-8601, and read as the server's zone the same question got another answer. The
 * day and time must exist (2026-02-30, 24:00 and leap seconds are refused, not rolled over to another instant), and
 * the instant must fall in the years 0001 to 9999 UTC, which the event store's timestamps hold (year 0 failed there).
 */
export function instantOf(value: string | undefined, pointer: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) throw invalid(pointer, INSTANT_EXPECTED);
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(match[6] ?? 0);
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const zone = match[8] ?? 'Z';
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads the years 0 to 99 as 1900 to 1999
  wall.setUTCHours(hour, minute, second, millis);
  // Date rolls 30 February over to 2 March and 24:00 to the next day: a real day and time give their own fields back.
  const real = wall.getUTCMonth() === month - 1 && wall.getUTCDate() === day && wall.getUTCHours() === hour && wall.getUTCMinutes() === minute && wall.getUTCSeconds() === second;
  const at = new Date(wall.getTime() - offsetMinutes * 60_000);
  if (!real || Math.abs(offsetMinutes) > 18 * 60 || at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999) throw invalid(pointer, INSTANT_EXPECTED);
  return at;
}

const STREAM_ID = /^([a-z]+)-([A-Za-z0-9._:-]{1,200})$/;
/** The streams named after an MRN (libs/event-store's stream names): ens-<mrn>, arrival-<arrival mrn>, risk-, control-. */
const MRN_STREAMS: ReadonlySet<string> = new Set(['ens', 'arrival', 'risk', 'control']);

/**
 * A stream id from a path or query parameter: <category>-<id>, and for a stream named after an MRN, an MRN (a
 * lower-case or mistyped one named no stream, so its state was the empty one and its verification "ok, 0 events").
 */
export function streamIdOf(value: string, pointer: string): string {
  const match = typeof value === 'string' ? STREAM_ID.exec(value) : null;
  if (!match) throw invalid(pointer, 'a stream id: <category>-<id>');
  if (MRN_STREAMS.has(match[1] ?? '') && !isMrn(match[2])) throw invalid(pointer, `a stream id: ${match[1]}-<MRN> (18 characters, valid check digit)`);
  return value;
}
