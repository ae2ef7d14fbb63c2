/**
 * Instants in ICS2 messages are an20 'YYYY-MM-DDThh:mm:ssZ' (reference 7). The door also accepts a fraction of a
 * second (1 to 9 digits, kept to the millisecond), since most JSON libraries write milliseconds, and nothing else:
 * no offsets, no lower-case 't'/'z', no leap second. [U] the project accepts years 2000..2099 only, the years an
 * MRN can carry (formatMrn), so a typo such as '0225' is caught.
 */
const INSTANT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?Z$/;

/** Milliseconds since the epoch, or undefined if the text is not such an instant of a real calendar day. */
export function parseUtcInstant(raw: string): number | undefined {
  const match = INSTANT.exec(raw);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 April over to 1 May: a real day gives its own date back.
  return new Date(time).getUTCDate() === day ? time : undefined;
}
