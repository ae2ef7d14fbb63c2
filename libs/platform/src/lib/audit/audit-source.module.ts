/**
 * Gives a service the audit door's source (AuditSourceService); the service also lists the audit proto among its
 * gRPC contracts (`auditV1.AUDIT_PACKAGE`, `auditV1.AUDIT_SOURCE_PROTO`).
 *
 *   AuditSourceModule.forService({ streams: { ens: auditableStream(filingDecider) }, feeds: [...] })
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { AUDIT_SOURCE_OPTIONS, type AuditSourceOptions } from './audit-source';
import { AuditSourceGrpcController } from './audit-source.grpc-controller';

@Module({})
export class AuditSourceModule {
  static forService(options: AuditSourceOptions): DynamicModule {
    return { module: AuditSourceModule, controllers: [AuditSourceGrpcController], providers: [{ provide: AUDIT_SOURCE_OPTIONS, useValue: options }] };
  }
}
