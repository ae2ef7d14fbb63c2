/**
 * Asks a server's grpc.health.v1.Health/Check. For tests, the local stack and container health checks, which all
 * need "is that gRPC port serving?" without generated stubs.
 */
import { credentials, loadPackageDefinition, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { HEALTH_PROTO, protoFile } from '../bootstrap/proto-files';

type HealthClient = InstanceType<ServiceClientConstructor> & {
  Check(request: { service: string }, options: { deadline: Date }, callback: (err: ServiceError | null, reply?: { status: string }) => void): void;
};

let healthService: ServiceClientConstructor | undefined;

function healthClientConstructor(): ServiceClientConstructor {
  if (!healthService) {
    const definition = loadSync(protoFile(HEALTH_PROTO), { keepCase: true, enums: String, defaults: true });
    const loaded = loadPackageDefinition(definition) as unknown as { grpc: { health: { v1: { Health: ServiceClientConstructor } } } };
    healthService = loaded.grpc.health.v1.Health;
  }
  return healthService;
}

/** Resolves with `SERVING`, `NOT_SERVING`...; rejects with the gRPC error (e.g. UNAVAILABLE when nothing listens). */
export function checkGrpcHealth(address: string, service = '', timeoutMs = 3_000): Promise<string> {
  const Health = healthClientConstructor();
  const client = new Health(address, credentials.createInsecure()) as HealthClient;
  return new Promise<string>((resolve, reject) => {
    client.Check({ service }, { deadline: new Date(Date.now() + timeoutMs) }, (err, reply) => {
      client.close();
      if (err) reject(err);
      else resolve(reply?.status ?? 'UNKNOWN');
    });
  });
}
