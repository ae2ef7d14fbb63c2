/**
 * The trader API answers refusals in ICS2's terms (issue 3): `{ messageType: 'IE3N99' | 'IE3N01', errors:
 * [{ validationCode, pointer, description }] }`. Syntax, semantic and door errors (400, 401, 403, 404, 413, 415) are
 * IE3N99; lifecycle refusals by the repository (409, 422) are IE3N01. The platform's one table gives the status;
 * this is the body for every HTTP error of the service (ServiceDefinition.httpErrorBody), routes or not.
 */
import type { Failure } from '@ics2/platform';

/** The project's codes for a refusal with no element to point at (validation-codes.table.ts). */
const DOOR_CODES: Readonly<Record<string, string>> = { unauthenticated: 'X09', permission: 'X09', 'not-found': '12', unavailable: 'X10', internal: 'X10' };

export function ics2ErrorBody(failure: Failure, correlationId: string | undefined): unknown {
  const lifecycle = failure.kind === 'conflict' || failure.kind === 'precondition';
  const unreadable = failure.httpStatus !== undefined && failure.details.length === 0 && failure.kind === 'validation';
  const errors = failure.details.length
    ? failure.details.map((d) => ({ validationCode: d.validationCode, pointer: d.pointer, description: d.description ?? failure.message }))
    : [{ validationCode: unreadable ? 'X06' : (DOOR_CODES[failure.kind] ?? '12'), pointer: '', description: failure.message }];
  return { messageType: lifecycle ? 'IE3N01' : 'IE3N99', code: failure.code, errors, correlationId };
}
