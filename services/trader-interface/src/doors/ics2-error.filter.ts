/**
 * The trader API answers in ICS2's terms (issue 3): a refused message is `{ messageType: 'IE3N99' | 'IE3N01',
 * errors: [{ validationCode, pointer, description }] }`. Syntax, semantic and door errors (400, 401, 403, 404, 413,
 * 415) are IE3N99; lifecycle refusals by the repository (409, 422) are IE3N01. Statuses come from the platform's one
 * table; internal errors stay a bare 500 whose details never leave the service.
 */
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { correlationIdOf, ERROR_STATUS, PLATFORM_LOGGER, toFailure, type PlatformLogger } from '@ics2/platform';

interface JsonResponse {
  readonly headersSent: boolean;
  status(code: number): JsonResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
  end(): unknown;
}

/** The project's code for a door-level refusal with no element to point at (auth, size, media type). */
const DOOR_CODES: Readonly<Record<string, string>> = { unauthenticated: 'X09', permission: 'X09', 'not-found': '12', unavailable: 'X10' };

@Catch()
export class Ics2ErrorFilter implements ExceptionFilter {
  constructor(@Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<object>();
    const res = http.getResponse<JsonResponse>();
    const failure = toFailure(exception);
    const correlationId = correlationIdOf(req);
    if (failure.kind === 'internal') this.logger.error({ err: exception, correlationId }, 'request failed with an internal error');
    if (res.headersSent) {
      res.end();
      return;
    }
    const statusCode = failure.httpStatus ?? ERROR_STATUS[failure.kind].http;
    if (failure.kind === 'internal') {
      res.status(statusCode).json({ messageType: 'IE3N99', errors: [{ validationCode: 'X10', pointer: '', description: 'internal error' }], correlationId });
      return;
    }
    if (failure.kind === 'unauthenticated') res.setHeader('www-authenticate', 'Bearer');
    const lifecycle = failure.kind === 'conflict' || failure.kind === 'precondition';
    const errors = failure.details.length
      ? failure.details.map((d) => ({ validationCode: d.validationCode, pointer: d.pointer, description: d.description ?? failure.message }))
      : [{ validationCode: failure.httpStatus && failure.httpStatus !== 400 ? 'X06' : (DOOR_CODES[failure.kind] ?? '12'), pointer: '', description: failure.message }];
    res.status(statusCode).json({ messageType: lifecycle ? 'IE3N01' : 'IE3N99', code: failure.code, errors, correlationId });
  }
}
