/**
 * gRPC side of the error table: the table's status code, the message as status details, and trailers
 * `ics2-error-kind`, `ics2-error-code` and, when there are ICS2 details, `ics2-error-details-bin` (UTF-8 JSON
 * array of `{ validationCode, pointer, description }`).
 */
import { Metadata } from '@grpc/grpc-js';
import type { ArgumentsHost } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import type { PlatformLogger } from '../logging/logger';
import { correlationIdOf } from '../request/request-context';
import { ERROR_STATUS, toFailure } from './error-status.table';

export class GrpcExceptionFilter {
  constructor(private readonly logger: PlatformLogger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const metadata = host.switchToRpc().getContext<object>();
    const failure = toFailure(exception);
    if (failure.kind === 'internal') {
      this.logger.error({ err: exception, correlationId: correlationIdOf(metadata) }, 'call failed with an internal error');
    }
    const trailers = new Metadata();
    trailers.set('ics2-error-kind', failure.kind);
    trailers.set('ics2-error-code', failure.code);
    if (failure.details.length) trailers.set('ics2-error-details-bin', Buffer.from(JSON.stringify(failure.details), 'utf8'));
    // grpc-js reads code, details and metadata from the error object the handler's observable fails with.
    const error = { code: ERROR_STATUS[failure.kind].grpc, message: failure.message, details: failure.message, metadata: trailers };
    return throwError(() => error);
  }
}
