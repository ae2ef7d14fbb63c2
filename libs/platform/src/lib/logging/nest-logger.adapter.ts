/** Routes Nest's own logger into pino, so a service writes one JSON format only. */
import type { LoggerService } from '@nestjs/common';
import type { PlatformLogger } from './logger';

// Nest's start-up chatter (module wiring, one line per route) is for debugging, not for the service's log.
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'NestMicroservice']);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export class NestLoggerAdapter implements LoggerService {
  constructor(private readonly logger: PlatformLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    this.write(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, contextOf(rest), rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, contextOf(rest), rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, contextOf(rest), rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, contextOf(rest), rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, contextOf(rest), rest);
  }

  private write(level: Level, message: unknown, context: string | undefined, rest: unknown[]): void {
    const fields: Record<string, unknown> = { context };
    // Nest passes a stack string before the context for errors.
    const stack = rest.find((r) => typeof r === 'string' && r.includes('\n    at '));
    if (message instanceof Error) fields['err'] = message;
    else if (stack) fields['stack'] = stack;
    const text = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    this.logger[level](fields, text);
  }
}

/** Nest passes the context (class name) as the last string argument. */
function contextOf(rest: unknown[]): string | undefined {
  const last = rest[rest.length - 1];
  return typeof last === 'string' && !last.includes('\n') ? last : undefined;
}
