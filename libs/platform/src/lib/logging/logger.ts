/**
 * One pino JSON logger per service instance, to stdout. Fields every line carries: time (ISO), level (word),
 * service. Credentials are redacted as a second line of defence; the platform never passes them anyway. An error's
 * fields that quote the data a statement failed on are redacted too (serializeError).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/platform.config';

export type PlatformLogger = Logger;

export interface LoggerOptions {
  readonly service: string;
  readonly level: LogLevel;
  /** Tests pass a stream to read the lines back; services write to stdout. */
  readonly destination?: DestinationStream;
}

/**
 * What a database error carries of the data it failed on: TypeORM's `parameters` (every value of the statement) and
 * PostgreSQL's `detail` ("Failing row contains (...)", "Key (...)=(...) already exists"). A projection's insert that
 * breaks a constraint would log a filing's parties and addresses, again on every retry; the code, constraint, table
 * and statement say what failed without them.
 */
const DATA_FIELDS = ['parameters', 'detail'];
const MAX_DEPTH = 8;

function withoutData(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => withoutData(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, DATA_FIELDS.includes(k) && v !== undefined ? '[redacted]' : withoutData(v, depth + 1)]),
  );
}

/** pino's error serializer (type, message, stack, own fields, causes), without the data a database error quotes. */
function serializeError(err: unknown): unknown {
  return withoutData(err instanceof Error ? pino.stdSerializers.err(err) : err, 0);
}

export function createPlatformLogger(options: LoggerOptions): PlatformLogger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    redact: {
      paths: ['authorization', 'token', 'password', '*.authorization', '*.token', '*.password', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
  };
  // Without a destination pino owns stdout and flushes it on process exit (Nest exits with process.exit(0)).
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
