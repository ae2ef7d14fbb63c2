/**
 * HTTP side of the error table: `{ error: { kind, code, message, details?, correlationId } }` with the table's
 * status. Internal errors are logged here with their stack and reach the caller as a bare 500.
 */
import type { ArgumentsHost } from '@nestjs/common';
import type { PlatformLogger } from '../logging/logger';
import { correlationIdOf } from '../request/request-context';
import { ERROR_STATUS, toFailure, type Failure } from './error-status.table';

interface JsonResponse {
  readonly headersSent: boolean;
  status(code: number): JsonResponse;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
  end(): unknown;
}

export class HttpExceptionFilter {
  constructor(
    private readonly logger: PlatformLogger,
    private readonly body?: (failure: Failure, correlationId: string | undefined) => unknown,
  ) {}

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
    if (failure.kind === 'unauthenticated') res.setHeader('www-authenticate', 'Bearer');
    const { kind, code, message, details } = failure;
    const body = this.body ? this.body(failure, correlationId) : { error: { kind, code, message, ...(details.length ? { details } : {}), correlationId } };
    res.status(failure.httpStatus ?? ERROR_STATUS[kind].http).json(body);
  }
}
