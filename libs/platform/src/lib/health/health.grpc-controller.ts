/** grpc.health.v1.Health on the service's gRPC port (proto/grpc/health/v1/health.proto). Public, like HTTP probes. */
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { map, type Observable } from 'rxjs';
import { Public } from '../auth/auth.decorators';
import { PlatformError } from '../errors/platform-error';
import { ServingStatus, type HealthStatus } from './serving-status';

interface HealthCheckRequest {
  readonly service?: string;
}
interface HealthCheckResponse {
  readonly status: HealthStatus;
}

const HEALTH_SERVICE = 'grpc.health.v1.Health';

@Public()
@Controller()
export class HealthGrpcController {
  constructor(private readonly serving: ServingStatus) {}

  @GrpcMethod(HEALTH_SERVICE, 'Check')
  async check(request: HealthCheckRequest): Promise<HealthCheckResponse> {
    const service = request.service ?? '';
    // The protocol answers an unknown name with NOT_FOUND.
    if (!this.serving.knows(service)) throw new PlatformError('not-found', 'HEALTH.SERVICE_UNKNOWN', 'unknown service name');
    return { status: await this.serving.current() };
  }

  @GrpcMethod(HEALTH_SERVICE, 'Watch')
  watch(request: HealthCheckRequest): Observable<HealthCheckResponse> {
    return this.serving.watch(request.service ?? '').pipe(map((status) => ({ status })));
  }
}
