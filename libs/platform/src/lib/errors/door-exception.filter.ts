/**
 * The global filter. Nest applies a single catch-all filter to both doors of a hybrid app, so this one hands
 * each exception to the filter of the door it came through.
 */
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { PlatformLogger } from '../logging/logger';
import type { PlatformRuntime } from '../bootstrap/platform-runtime';
import { PLATFORM_LOGGER, PLATFORM_RUNTIME } from '../platform.tokens';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { HttpExceptionFilter } from './http-exception.filter';

@Catch()
export class DoorExceptionFilter implements ExceptionFilter {
  private readonly http: HttpExceptionFilter;
  private readonly grpc: GrpcExceptionFilter;

  constructor(@Inject(PLATFORM_LOGGER) logger: PlatformLogger, @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime) {
    this.http = new HttpExceptionFilter(logger, runtime.httpErrorBody);
    this.grpc = new GrpcExceptionFilter(logger);
  }

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    return host.getType() === 'rpc' ? this.grpc.catch(exception, host) : this.http.catch(exception, host);
  }
}
