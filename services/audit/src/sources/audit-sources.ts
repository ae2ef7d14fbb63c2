/**
 * The services that own each stream category, asked over their AuditSourceService (the platform's audit source):
 * a stream's state as of an instant is folded by its owner's own deciders, so this service holds no domain rule.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { auditV1 } from '@ics2/contracts';
import { categoryOf } from '@ics2/event-store';
import { GrpcUnaryClient, LIST_DELIVERIES_MAX, PlatformError, SERVICE_CONFIG, type CallContext } from '@ics2/platform';
import type { AuditConfig } from '../service.config';

type Owner = 'common-repository' | 'risk-analysis' | 'control-results' | 'crms' | 'trader-interface';

/** Who keeps which stream category (the stream names of libs/event-store). */
export const STREAM_OWNERS: Readonly<Record<string, Owner>> = {
  ens: 'common-repository',
  arrival: 'common-repository',
  risk: 'risk-analysis',
  criterion: 'risk-analysis',
  control: 'control-results',
  rif: 'crms',
  pca: 'crms',
  crisis: 'crms',
};

/** The services whose feeds deliver things because of an ENS's events. */
const DELIVERING: readonly Owner[] = ['trader-interface', 'risk-analysis'];

@Injectable()
export class AuditSources implements OnModuleDestroy {
  private readonly clients = new Map<Owner, GrpcUnaryClient>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: AuditConfig) {}

  /** The service that keeps the stream; 404 AUDIT.UNKNOWN_STREAM for a stream none does (`access-`: the door's own log). */
  ownerOf(streamId: string): Owner {
    const owner = STREAM_OWNERS[categoryOf(streamId)];
    if (!owner) throw new PlatformError('not-found', 'AUDIT.UNKNOWN_STREAM', `no service keeps the stream ${streamId}`);
    return owner;
  }

  stateAsOf(streamId: string, asOf: Date | undefined, beforeRevision: number, ctx: CallContext): Promise<auditV1.StateAsOfReply> {
    return this.client(this.ownerOf(streamId)).call<auditV1.StateAsOfReply>('StateAsOf', { stream_id: streamId, as_of: asOf?.toISOString() ?? '', before_revision: beforeRevision }, ctx);
  }

  /**
   * Every delivery of these MRNs, from each delivering service: LIST_DELIVERIES_MAX MRNs a call (a source takes no
   * more), one call after the other for each service, the services at once. A master with more houses than that
   * is asked in several calls, where one call was refused and the timeline showed its deliveries as missing.
   */
  async deliveries(mrns: readonly string[], ctx: CallContext): Promise<auditV1.Delivery[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < mrns.length; i += LIST_DELIVERIES_MAX) chunks.push(mrns.slice(i, i + LIST_DELIVERIES_MAX));
    const perOwner = await Promise.all(
      DELIVERING.map(async (o) => {
        const found: auditV1.Delivery[] = [];
        for (const chunk of chunks) found.push(...(await this.client(o).call<auditV1.ListDeliveriesReply>('ListDeliveries', { mrns: chunk }, ctx)).deliveries);
        return found;
      }),
    );
    return perOwner.flat();
  }

  onModuleDestroy(): void {
    for (const c of this.clients.values()) c.close();
  }

  private client(owner: Owner): GrpcUnaryClient {
    let client = this.clients.get(owner);
    if (!client) {
      const address = {
        'common-repository': this.config.COMMON_REPOSITORY_GRPC_URL,
        'risk-analysis': this.config.RISK_ANALYSIS_GRPC_URL,
        'control-results': this.config.CONTROL_RESULTS_GRPC_URL,
        crms: this.config.CRMS_GRPC_URL,
        'trader-interface': this.config.TRADER_INTERFACE_GRPC_URL,
      }[owner];
      client = new GrpcUnaryClient({ proto: auditV1.AUDIT_SOURCE_PROTO, service: auditV1.AUDIT_SOURCE_SERVICE, address, codePrefix: 'AUDIT.SOURCE', name: `${owner} (the owner of these records)` });
      this.clients.set(owner, client);
    }
    return client;
  }
}
