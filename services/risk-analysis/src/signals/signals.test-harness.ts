/**
 * For the signal streams' int tests: a grpc-js client that streams SubscribeSignals from a running risk-analysis
 * (through the real .proto), collecting what arrives, and risk-event helpers for one MRN's stream.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { credentials, loadPackageDefinition, type ClientReadableStream, type Metadata, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { riskAnalysisV1, RISK_SCHEMA_VERSIONS, type RiskEvent } from '@ics2/contracts';
import { riskStream, type EventStore, type RecordedEvent } from '@ics2/event-store';
import { protoRoot } from '@ics2/platform';

export interface StreamEnd {
  readonly code: number;
  readonly details: string;
  readonly errorCode: string;
}

/** One open SubscribeSignals call: what arrived so far, how it ended. */
export interface SignalSubscription {
  readonly signals: riskAnalysisV1.Signal[];
  readonly ended: Promise<StreamEnd>;
  readonly isEnded: () => boolean;
  cancel(): void;
}

export interface SignalsClient {
  subscribe(metadata: Metadata, after?: string): SignalSubscription;
  close(): void;
}

type StreamingClient = { SubscribeSignals(request: object, metadata: Metadata): ClientReadableStream<riskAnalysisV1.Signal>; close(): void };

export function signalsClient(address: string): SignalsClient {
  const definition = loadSync(join(protoRoot(), riskAnalysisV1.RISK_ANALYSIS_PROTO), { keepCase: true, enums: String, longs: String, defaults: true, oneofs: true, includeDirs: [protoRoot()] });
  let node: unknown = loadPackageDefinition(definition);
  for (const part of riskAnalysisV1.RISK_ANALYSIS_SERVICE.split('.')) node = (node as Record<string, unknown>)[part];
  const client = new (node as ServiceClientConstructor)(address, credentials.createInsecure()) as unknown as StreamingClient;
  return {
    subscribe(metadata, after = '') {
      const call = client.SubscribeSignals({ after }, metadata);
      const signals: riskAnalysisV1.Signal[] = [];
      let done = false;
      call.on('data', (s: riskAnalysisV1.Signal) => signals.push(s));
      const ended = new Promise<StreamEnd>((resolve) => {
        // 'error' carries the status of a failed or cancelled call; 'status' comes for every end.
        call.on('error', (_e: ServiceError) => undefined);
        call.on('status', (s) => {
          done = true;
          resolve({ code: s.code, details: s.details, errorCode: String(s.metadata?.get('ics2-error-code')[0] ?? '') });
        });
      });
      return { signals, ended, isEnded: () => done, cancel: () => call.cancel() };
    },
    close: () => client.close(),
  };
}

/** Appends `events` to the risk stream of their MRN (the first event's) as risk-analysis records them. */
export async function appendRisk(store: EventStore, events: readonly RiskEvent[]): Promise<RecordedEvent[]> {
  const stream = riskStream(events[0].data.mrn);
  const result = await store.append(
    stream,
    events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.data,
      metadata: { schemaVersion: RISK_SCHEMA_VERSIONS[e.type], occurredAt: '2026-12-01T10:00:00.000Z', correlationId: e.data.mrn, causationId: null, actor: { kind: 'system', component: 'test' } as const },
    })),
    'any',
  );
  return (await store.readStream(stream, { fromRevision: result.firstRevision })).slice(0, events.length);
}

/** The same event about another MRN (the builders in @ics2/testing default to one MRN). */
export function about<E extends RiskEvent>(mrn: string, event: E): E {
  return { ...event, data: { ...event.data, mrn } };
}
