/**
 * The six services of the local stack and the ports `npm start` gives them. HTTP serves health, metrics and
 * (trader-interface) the trader API; gRPC serves the service's contract and grpc.health.v1.
 * Override with ICS2_HTTP_PORT_BASE / ICS2_GRPC_PORT_BASE.
 */
export const SERVICE_NAMES = ['trader-interface', 'common-repository', 'risk-analysis', 'control-results', 'crms', 'audit'] as const;

export interface LocalService {
  readonly name: (typeof SERVICE_NAMES)[number];
  readonly httpPort: number;
  readonly grpcPort: number;
}

export function localServices(env: NodeJS.ProcessEnv = process.env): LocalService[] {
  const httpBase = Number(env.ICS2_HTTP_PORT_BASE ?? 3000);
  const grpcBase = Number(env.ICS2_GRPC_PORT_BASE ?? 50051);
  return SERVICE_NAMES.map((name, i) => ({ name, httpPort: httpBase + i, grpcPort: grpcBase + i }));
}
