/**
 * An instant as every door of the platform takes one: ISO-8601 in UTC, `2026-12-01T09:00:00Z`, seconds given,
 * at most milliseconds, naming a real date. `Date.parse` alone is not that test: it also takes '1' (2001), 'March 3'
 * and '2026-02-30T00:00:00Z' (2 March), which a door then recorded as given.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}
