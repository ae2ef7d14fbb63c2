import { EventStoreUnavailableError } from '../store.errors';

interface PgError {
  readonly code?: string;
  readonly constraint?: string;
  readonly message?: string;
}

/** A unique violation of the named constraint (schema/001-events.sql). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as PgError | null;
  return e?.code === '23505' && e.constraint === constraint;
}

// Socket errors (ENOENT: no server at a Unix socket path), SQLSTATE class 08 (connection exception), and the
// server shutting down or starting up.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', '57P01', '57P02', '57P03']);

/** Failures to reach PostgreSQL become EventStoreUnavailableError (callers may retry); anything else is unchanged. */
export function toStoreError(error: unknown): unknown {
  // Shape, not instanceof Error: socket errors may come from another realm (e.g. under jest).
  if (error instanceof EventStoreUnavailableError || typeof error !== 'object' || error === null) return error;
  const { code = '', message = '' } = error as PgError;
  // node-postgres reports a dropped or timed-out connection with a message only.
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || /^Connection terminated/.test(message)) {
    return new EventStoreUnavailableError(`PostgreSQL unavailable: ${message}`, error);
  }
  return error;
}
