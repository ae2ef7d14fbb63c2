/**
 * For the campaign-report int tests: a real gRPC peer (a grpc-js Server, the service loaded from control-results'
 * real .proto) answering GetCriteriaStatistics from fixture rows, filtered by quarter, criterion and Member State as
 * the request asks. control-results itself is being built elsewhere; this is a peer on the wire, not a mock of our
 * code. It records what each call carried (the request as decoded, the forwarded token).
 */
import { join } from 'node:path';
import { loadPackageDefinition, Server, ServerCredentials, type GrpcObject, type Metadata, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { controlResultsV1 } from '@ics2/contracts';
import { protoRoot } from '@ics2/platform';

export interface ReceivedCall {
  readonly request: controlResultsV1.CriteriaStatisticsRequest;
  readonly authorization: string | undefined;
}

export interface ControlResultsPeer {
  readonly address: string;
  readonly calls: ReceivedCall[];
  close(): Promise<void>;
}

export async function startControlResultsPeer(rows: readonly controlResultsV1.CriteriaStatisticsRow[]): Promise<ControlResultsPeer> {
  const definition = loadSync(join(protoRoot(), controlResultsV1.CONTROL_RESULTS_PROTO), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
  let node: unknown = loadPackageDefinition(definition);
  for (const part of controlResultsV1.CONTROL_RESULTS_SERVICE.split('.')) node = (node as GrpcObject)[part];
  const calls: ReceivedCall[] = [];
  const server = new Server();
  server.addService((node as ServiceClientConstructor).service, {
    GetCriteriaStatistics: (
      call: { request: controlResultsV1.CriteriaStatisticsRequest; metadata: Metadata },
      callback: (error: Partial<ServiceError> | null, reply?: controlResultsV1.CriteriaStatisticsReply) => void,
    ) => {
      const r = call.request;
      const authorization = call.metadata.get('authorization')[0];
      calls.push({ request: r, authorization: authorization === undefined ? undefined : String(authorization) });
      callback(null, {
        rows: rows.filter(
          (x) =>
            (!r.from_quarter || x.quarter >= r.from_quarter) && (!r.to_quarter || x.quarter <= r.to_quarter) && (!r.criterion_id || x.criterion_id === r.criterion_id) && (!r.member_state || x.member_state === r.member_state),
        ),
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { address: `127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())) };
}
