/**
 * OpenTelemetry traces across a real hop: an operator's POST /v1/filings on trader-interface, its gRPC call to
 * common-repository, the append, and the subscribers that handle the new events. Both services run in this process
 * with the SDK's in-memory exporter in place of OTLP (ServiceAppOptions.spanExporter); whether they trace is still
 * decided by OTEL_* alone, which the second case checks. The third points OTLP at a collector that is not there.
 */
import { createServer } from 'node:net';
import type { SpanKind as SpanKindType } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { commonRepositoryV1 } from '@ics2/contracts';
import { isMrn } from '@ics2/domain';
import { MRN_ATTRIBUTE } from '@ics2/platform';
import { eventually, freshDatabase, mintToken, sampleFiling, startTestService, testKeys, type FreshDatabase, type TestKeys, type TestService } from '@ics2/testing';
import { migrateCommonRepository } from '../../services/common-repository/src/migrate';
import { definition as commonRepository } from '../../services/common-repository/src/service.definition';
import { migrateTraderInterface } from '../../services/trader-interface/src/migrate';
import { definition as traderInterface } from '../../services/trader-interface/src/service.definition';

const DECLARANT = 'DE123456789012345';
// SpanKind values of @opentelemetry/api, spelled out so the assertions read as the kinds they check.
const SERVER = 1 as SpanKindType;
const CLIENT = 2 as SpanKindType;
const CONSUMER = 4 as SpanKindType;

interface Pair {
  readonly commonRepository: TestService;
  readonly traderInterface: TestService;
  close(): Promise<void>;
}

async function startPair(db: FreshDatabase, keys: TestKeys, env: Record<string, string>, spanExporter?: InMemorySpanExporter): Promise<Pair> {
  const cr = await startTestService(commonRepository, { databaseUrl: db.appUrl, keys, env: { ...env, LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0' }, spanExporter });
  const ti = await startTestService(traderInterface, { databaseUrl: db.appUrl, keys, env: { ...env, COMMON_REPOSITORY_GRPC_URL: cr.app.grpcAddress }, spanExporter }).catch(async (e: unknown) => {
    await cr.close();
    throw e;
  });
  return {
    commonRepository: cr,
    traderInterface: ti,
    async close() {
      await ti.close();
      await cr.close();
    },
  };
}

async function fileOne(pair: Pair, keys: TestKeys, seed: number): Promise<string> {
  const token = await mintToken(keys, { role: 'trader', eori: DECLARANT });
  const res = await fetch(`${pair.traderInterface.app.httpUrl}/v1/filings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(sampleFiling('F20', { seed, declarant: DECLARANT })),
  });
  const body = (await res.json()) as { mrn?: string };
  expect([res.status, isMrn(body.mrn)]).toEqual([201, true]);
  return body.mrn as string;
}

const serviceOf = (s: ReadableSpan) => s.resource.attributes['service.name'];
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('OpenTelemetry traces', () => {
  let db: FreshDatabase;
  const keys = testKeys();

  beforeAll(async () => {
    db = await freshDatabase('traces', async (url) => {
      await migrateCommonRepository(url);
      await migrateTraderInterface(url);
    });
  }, 60_000);
  afterAll(() => db?.drop());

  describe('with OTEL_TRACES_EXPORTER=otlp', () => {
    const exporter = new InMemorySpanExporter();
    let pair: Pair;
    beforeAll(async () => {
      pair = await startPair(db, keys, { OTEL_TRACES_EXPORTER: 'otlp' }, exporter);
    }, 30_000);
    afterAll(() => pair?.close());

    const flushed = async (): Promise<ReadableSpan[]> => {
      await Promise.all([pair.traderInterface.app.runtime.tracing.forceFlush(), pair.commonRepository.app.runtime.tracing.forceFlush()]);
      return exporter.getFinishedSpans();
    };

    it('one filing is one trace from the HTTP door through gRPC to the append, every span naming the MRN', async () => {
      const mrn = await fileOne(pair, keys, 7001);
      const rpc = `${commonRepositoryV1.FILING_SERVICE}/RegisterFiling`;
      // The HTTP span ends when the response has been written, which may be just after the client read it.
      const spans = await eventually(async () => {
        const all = await flushed();
        expect(all.some((s) => s.name === 'POST /v1/filings' && s.attributes[MRN_ATTRIBUTE] === mrn)).toBe(true);
        return all;
      });
      const one = (service: string, kind: SpanKindType, name: string) => {
        const found = spans.filter((s) => serviceOf(s) === service && s.kind === kind && s.name === name && s.attributes[MRN_ATTRIBUTE] === mrn);
        expect([service, name, found.length]).toEqual([service, name, 1]);
        return found[0];
      };
      const http = one('trader-interface', SERVER, 'POST /v1/filings');
      const client = one('trader-interface', CLIENT, rpc);
      const server = one('common-repository', SERVER, rpc);
      const append = one('common-repository', CLIENT, 'event-store append');

      const traceId = http.spanContext().traceId;
      expect([client, server, append].map((s) => s.spanContext().traceId)).toEqual([traceId, traceId, traceId]);
      expect(parentOf(http)).toBeUndefined();
      expect(parentOf(client)).toBe(http.spanContext().spanId);
      expect(parentOf(server)).toBe(client.spanContext().spanId);
      // The append happens under the handler, which runs under the gRPC server span.
      const inTrace = new Map(spans.filter((s) => s.spanContext().traceId === traceId).map((s) => [s.spanContext().spanId, s]));
      let ancestor: ReadableSpan | undefined = append;
      while (ancestor && ancestor !== server) ancestor = inTrace.get(parentOf(ancestor) ?? '');
      expect(ancestor).toBe(server);
      expect(append.attributes['ics2.stream']).toBe(`ens-${mrn}`);
      expect(http.attributes['http.response.status_code']).toBe(201);
    }, 20_000);

    it('a subscriber handling the filing event makes its own trace, found by the same MRN and event id', async () => {
      const mrn = await fileOne(pair, keys, 7002);
      const spans = await eventually(async () => {
        const all = await flushed();
        expect(all.some((s) => s.kind === CONSUMER && s.attributes[MRN_ATTRIBUTE] === mrn)).toBe(true);
        expect(all.some((s) => s.name === 'event-store append' && s.attributes[MRN_ATTRIBUTE] === mrn)).toBe(true);
        return all;
      });
      const append = spans.find((s) => s.name === 'event-store append' && s.attributes[MRN_ATTRIBUTE] === mrn) as ReadableSpan;
      const handled = spans.filter((s) => s.kind === CONSUMER && s.attributes[MRN_ATTRIBUTE] === mrn);
      for (const consumer of handled) {
        // Not linked to the appending trace: events do not carry trace context (libs/platform subscriptions.ts).
        expect(parentOf(consumer)).toBeUndefined();
        expect(consumer.spanContext().traceId).not.toBe(append.spanContext().traceId);
      }
      const appendedIds = append.attributes['ics2.event.ids'] as string[];
      expect(handled.some((c) => appendedIds.includes(c.attributes['ics2.event.id'] as string))).toBe(true);
    }, 20_000);

    it('health probes and metric scrapes make no spans', async () => {
      exporter.reset();
      await fetch(`${pair.traderInterface.app.httpUrl}/health/ready`);
      await fetch(`${pair.traderInterface.app.httpUrl}/metrics`);
      expect((await flushed()).filter((s) => s.kind === SERVER)).toEqual([]);
    });
  });

  describe('without OTEL_* (the default)', () => {
    const exporter = new InMemorySpanExporter();
    let pair: Pair;
    beforeAll(async () => {
      pair = await startPair(db, keys, {}, exporter);
    }, 30_000);
    afterAll(() => pair?.close());

    it('makes no spans at all', async () => {
      await fileOne(pair, keys, 7003);
      expect([pair.traderInterface.app.runtime.tracing.enabled, pair.commonRepository.app.runtime.tracing.enabled]).toEqual([false, false]);
      await pair.traderInterface.app.runtime.tracing.forceFlush();
      expect(exporter.getFinishedSpans()).toEqual([]);
    }, 20_000);
  });

  describe('with the collector down', () => {
    it('answers the filing and still shuts down', async () => {
      // A port that was just free and is closed again: exports are refused at once.
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port: p } = server.address() as { port: number };
          server.close(() => resolve(p));
        });
      });
      const pair = await startPair(db, keys, { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_EXPORTER_OTLP_TIMEOUT: '2000' });
      try {
        expect(pair.traderInterface.app.runtime.tracing.enabled).toBe(true);
        await fileOne(pair, keys, 7004);
        await expect(pair.traderInterface.app.runtime.tracing.forceFlush()).resolves.toBeUndefined();
      } finally {
        await pair.close();
      }
    }, 30_000);
  });
});
