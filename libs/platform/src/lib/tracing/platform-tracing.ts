/**
 * One service instance's OpenTelemetry tracing: its own tracer provider (so two services in one test process keep
 * their own service.name and exporter), W3C trace context in and out, and a batch exporter that never holds up a
 * request: spans are queued and sent in the background, a collector that is down costs a log line, not an answer.
 * `PlatformTracing.disabled` does nothing at all; it is what a service gets unless OTEL_* configure tracing.
 *
 * Doors start spans from what the caller sent (`startFromCarrier`); code below them finds the tracing of the
 * request it runs for through the active context (`tracingOf`), so a gRPC client or the event store needs no
 * injected tracer and creates spans only inside a traced request or subscription, never on its own.
 */
import { context, createContextKey, ROOT_CONTEXT, SpanStatusCode, trace, type Context, type Span, type SpanOptions, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { PlatformLogger } from '../logging/logger';
import type { SamplerSetting, TracingSettings } from './tracing.config';

const TRACING = createContextKey('@ics2/platform tracing');
const propagator = new W3CTraceContextPropagator();

export interface StartedSpan {
  readonly span: Span;
  /** The context to run the span's work in: the span active, and this tracing findable by `tracingOf`. */
  readonly context: Context;
}

function samplerFor(s: SamplerSetting): Sampler {
  switch (s.kind) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(s.ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(s.ratio) });
    default: {
      const never: never = s;
      throw new Error(`unknown sampler ${JSON.stringify(never)}`);
    }
  }
}

function exporterFor(settings: Extract<TracingSettings, { enabled: true }>): SpanExporter {
  const options = { url: settings.endpoint, headers: { ...settings.headers }, timeoutMillis: settings.timeoutMillis };
  return settings.protocol === 'http/json' ? new OtlpJsonExporter(options) : new OtlpProtobufExporter(options);
}

// Process-wide by the API's design: one context manager serves every tracer in the process.
let contextManagerInstalled = false;
function installContextManager(): void {
  if (contextManagerInstalled) return;
  contextManagerInstalled = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

// Failed exports (collector down, refused, timed out): one warning a minute at most, so a collector that is away
// does not flood the logs either.
const EXPORT_WARNING_EVERY_MS = 60_000;

function exportFailureReporter(logger: PlatformLogger): (err: unknown) => void {
  let lastWarning = Number.NEGATIVE_INFINITY;
  return (err) => {
    const now = Date.now();
    if (now - lastWarning < EXPORT_WARNING_EVERY_MS) return;
    lastWarning = now;
    const first = Array.isArray(err) ? err[0] : err;
    const reason = first instanceof Error ? first.message : String(first);
    logger.warn({ component: 'tracing', reason }, 'spans could not be exported; requests are not affected, spans may be lost');
  };
}

// The SDK reports failures of background exports to one handler per process: the first traced service's log.
let errorHandlerInstalled = false;
function installErrorHandler(report: (err: unknown) => void): void {
  if (errorHandlerInstalled) return;
  errorHandlerInstalled = true;
  setGlobalErrorHandler(report);
}

export class PlatformTracing {
  /** No provider, no spans, no propagation. */
  static readonly disabled = new PlatformTracing(undefined, () => undefined);

  private readonly tracer;

  private constructor(
    private readonly provider: BasicTracerProvider | undefined,
    private readonly reportFailure: (err: unknown) => void,
  ) {
    this.tracer = provider?.getTracer('@ics2/platform');
  }

  /** `exporter` replaces the OTLP exporter (tests pass an InMemorySpanExporter); whether to trace is still the settings'. */
  static start(settings: TracingSettings, logger: PlatformLogger, exporter?: SpanExporter): PlatformTracing {
    if (!settings.enabled) return PlatformTracing.disabled;
    installContextManager();
    const report = exportFailureReporter(logger);
    installErrorHandler(report);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes(settings.resource),
      sampler: samplerFor(settings.sampler),
      spanProcessors: [new BatchSpanProcessor(exporter ?? exporterFor(settings), settings.batch)],
    });
    return new PlatformTracing(provider, report);
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  /**
   * A door's span: it continues the trace the caller named (W3C `traceparent` in `carrier`) or starts one. Never a
   * child of whatever else is active in this process: a request's parent is what its caller sent.
   */
  startFromCarrier<C>(name: string, options: SpanOptions, carrier: C, getter: TextMapGetter<C>): StartedSpan | undefined {
    if (!this.tracer) return undefined;
    return this.startSpan(name, options, propagator.extract(ROOT_CONTEXT, carrier, getter));
  }

  startSpan(name: string, options: SpanOptions, parent: Context = context.active()): StartedSpan | undefined {
    if (!this.tracer) return undefined;
    const span = this.tracer.startSpan(name, options, parent);
    return { span, context: trace.setSpan(parent.setValue(TRACING, this), span) };
  }

  /** Runs `work` inside a span under `parent`; the span ends when it settles, as an error if it throws. */
  async inSpan<T>(name: string, options: SpanOptions, parent: Context, work: (span: Span | undefined) => Promise<T>): Promise<T> {
    const started = this.startSpan(name, options, parent);
    if (!started) return work(undefined);
    try {
      return await context.with(started.context, () => work(started.span));
    } catch (e) {
      markFailed(started.span, e);
      throw e;
    } finally {
      started.span.end();
    }
  }

  /** Sends every ended span now; tests call it before reading their exporter. A failed export is logged, never thrown. */
  async forceFlush(): Promise<void> {
    await this.provider?.forceFlush().catch(this.reportFailure);
  }

  /** Flushes and stops (ShutdownRegistry, `close` phase); a collector that is down only costs a warning. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown().catch(this.reportFailure);
  }
}

/** The tracing of the traced request or subscription this code runs for; undefined outside one. */
export function tracingOf(ctx: Context = context.active()): PlatformTracing | undefined {
  const tracing = ctx.getValue(TRACING);
  return tracing instanceof PlatformTracing && trace.getSpan(ctx) !== undefined ? tracing : undefined;
}

/** Writes the W3C trace context of `ctx` (traceparent, tracestate) into an outgoing call's headers or metadata. */
export function injectTraceContext<C>(ctx: Context, carrier: C, setter: TextMapSetter<C>): void {
  propagator.inject(ctx, carrier, setter);
}

/**
 * An error status with the error's name and, for a PlatformError, its stable code. Never the message or the stack:
 * they may quote a filing's content, and traces leave the cluster.
 */
export function markFailed(span: Span, error: unknown): void {
  const name = error instanceof Error ? error.name : 'Error';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') span.setAttribute('ics2.error.code', code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: name });
}
