/**
 * The inbox doors' query parameters, checked at the door: a wrong one is a 400 (PlatformError 'validation') with
 * one ICS2 item per parameter, code 12 and a pointer naming it, and nothing is read.
 */
import { PlatformError, type ErrorDetail } from '@ics2/platform';
import { parseCursor, START_CURSOR } from './notification-cursor';

export const LIMIT = { min: 1, max: 500, default: 100 } as const;
export const WAIT_SECONDS = { min: 0, max: 30, default: 0 } as const;

export interface ReadNotificationsRequest {
  /** The cursor as given (START_CURSOR when left out): `next` when there is nothing new. */
  readonly after: string;
  readonly afterSeq: bigint;
  readonly limit: number;
  readonly waitSeconds: number;
}

export interface StreamNotificationsRequest {
  readonly after: string;
  readonly afterSeq: bigint;
  /** Where the cursor came from, to name in a refusal: `/headers/last-event-id` or `/after`. */
  readonly pointer: string;
}

type Query = Readonly<Record<string, unknown>>;

const INTEGER = /^(0|[1-9][0-9]{0,5})$/;

class Problems {
  readonly details: ErrorDetail[] = [];
  add(pointer: string, description: string): void {
    this.details.push({ validationCode: '12', pointer, description });
  }
  throwIfAny(): void {
    if (this.details.length > 0) throw new PlatformError('validation', 'IE3N99', 'the query is not valid', this.details);
  }
}

/** A single value, or undefined when absent (or empty); an array (the parameter repeated) is refused. */
function single(query: Query, name: string, problems: Problems): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  problems.add(`/${name}`, `${name} must be given once, as a single value`);
  return undefined;
}

const NOT_GIVEN_OUT = 'must be a cursor this inbox gave out (an item\'s cursor, or a reply\'s next)';

function cursor(value: string | undefined, pointer: string, problems: Problems): { after: string; afterSeq: bigint } {
  if (value === undefined) return { after: START_CURSOR, afterSeq: 0n };
  const seq = parseCursor(value);
  if (seq === null) {
    problems.add(pointer, NOT_GIVEN_OUT);
    return { after: START_CURSOR, afterSeq: 0n };
  }
  return { after: value, afterSeq: seq };
}

/**
 * The refusal of a well-formed cursor past the recipient's last item (another inbox's, or a typo): the same as for one
 * that is not a cursor, since this inbox never gave it out either.
 */
export function cursorNotGivenOut(pointer: string): PlatformError {
  const problems = new Problems();
  problems.add(pointer, NOT_GIVEN_OUT);
  return new PlatformError('validation', 'IE3N99', 'the query is not valid', problems.details);
}

function integer(value: string | undefined, range: { min: number; max: number; default: number }, pointer: string, what: string, problems: Problems): number {
  if (value === undefined) return range.default;
  const n = INTEGER.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= range.min && n <= range.max) return n;
  problems.add(pointer, `must be an integer ${range.min}-${range.max}${what}`);
  return range.default;
}

export function parseReadNotifications(query: Query): ReadNotificationsRequest {
  const problems = new Problems();
  const { after, afterSeq } = cursor(single(query, 'after', problems), '/after', problems);
  const limit = integer(single(query, 'limit', problems), LIMIT, '/limit', '', problems);
  const waitSeconds = integer(single(query, 'wait', problems), WAIT_SECONDS, '/wait', ' (seconds)', problems);
  problems.throwIfAny();
  return { after, afterSeq, limit, waitSeconds };
}

/** `Last-Event-ID` (what an EventSource sends when it reconnects) wins over `?after=`. */
export function parseStreamNotifications(query: Query, lastEventId: string | undefined): StreamNotificationsRequest {
  const problems = new Problems();
  const header = lastEventId === undefined || lastEventId === '' ? undefined : lastEventId;
  const fromQuery = single(query, 'after', problems);
  const pointer = header !== undefined ? '/headers/last-event-id' : '/after';
  const parsed = cursor(header ?? fromQuery, pointer, problems);
  problems.throwIfAny();
  return { ...parsed, pointer };
}
