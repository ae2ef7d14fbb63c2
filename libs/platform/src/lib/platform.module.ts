/**
 * What every service's root module imports: the health and metrics doors, gRPC health, the global auth guard (and
 * the interceptor that ends a stream when its token expires), the global error filter and the shutdown lifecycle.
 * The values it needs (config, logger, registries) come from `PlatformRuntimeModule`, which `createServiceApp` /
 * `bootstrapService` add; start services through them.
 */
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { TokenExpiryInterceptor } from './auth/token-expiry.interceptor';
import { DoorExceptionFilter } from './errors/door-exception.filter';
import { HealthGrpcController } from './health/health.grpc-controller';
import { HealthHttpController } from './health/health.http-controller';
import { MetricsHttpController } from './metrics/metrics.http-controller';
import { PlatformLifecycle } from './shutdown/platform-lifecycle';

@Module({
  controllers: [HealthHttpController, MetricsHttpController, HealthGrpcController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TokenExpiryInterceptor },
    { provide: APP_FILTER, useClass: DoorExceptionFilter },
    PlatformLifecycle,
  ],
})
export class PlatformModule {}
