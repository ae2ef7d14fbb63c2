import { EventStoreUnavailableError } from '../store.errors';

interface PgError {
  readonly code?: string;
  readonly constraint?: string;
  readonly message?: string;
  readonly syscall?: string;
}

/** A unique violation of the named constraint (schema/001-events.sql). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as PgError | null;
  return e?.code === '23505' && e.constraint === constraint;
}

// Socket errors (ENOENT: no server at a Unix socket path), SQLSTATE class 08 (connection exception), and the
// server shutting down or starting up.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE', '57P01', '57P02', '57P03']);

// node-postgres reports a dropped or timed-out connection with a message only, and pg-pool a pool that gave no
// connection within its connectionTimeoutMillis.
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/**
 * Whether `error` says PostgreSQL cannot be reached or cannot serve now (a retry later may succeed), from node-postgres,
 * pg-pool or TypeORM (whose QueryFailedError carries the driver's code). For the read models' database as much as the
 * store's.
 */
export function isPostgresUnavailable(error: unknown): boolean {
  // Shape, not instanceof Error: socket errors may come from another realm (e.g. under jest).
  if (typeof error !== 'object' || error === null) return false;
  const { code = '', message = '', syscall } = error as PgError;
  // A file that is not there is no server that is not there: only a socket's connect says so.
  if (code === 'ENOENT' && syscall !== undefined && syscall !== 'connect') return false;
  return (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) || UNAVAILABLE_MESSAGE.test(String(message));
}

/** Failures to reach PostgreSQL become EventStoreUnavailableError (callers may retry); anything else is unchanged. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreUnavailableError || !isPostgresUnavailable(error)) return error;
  return new EventStoreUnavailableError(`PostgreSQL unavailable: ${(error as PgError).message ?? ''}`, error);
}
