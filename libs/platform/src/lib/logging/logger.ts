/**
 * One pino JSON logger per service instance, to stdout. Fields every line carries: time (ISO), level (word),
 * service. Credentials are redacted as a second line of defence; the platform never passes them anyway.
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

export function createPlatformLogger(options: LoggerOptions): PlatformLogger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
    redact: {
      paths: ['authorization', 'token', 'password', '*.authorization', '*.token', '*.password', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
  };
  // Without a destination pino owns stdout and flushes it on process exit (Nest exits with process.exit(0)).
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
