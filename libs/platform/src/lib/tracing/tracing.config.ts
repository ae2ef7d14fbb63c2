/**
 * Whether this instance traces, and where the spans go, from the standard OpenTelemetry variables
 * (opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables). Read from the same environment as
 * the rest of the configuration (a test's own env, not only process.env), and checked at start like it: a wrong
 * value stops the service with one line.
 *
 * One deliberate difference from the spec: tracing is OFF unless configured. The spec's default exporter is
 * `otlp` to localhost:4318, which would make every laptop run and every test try to reach a collector nobody
 * started. So tracing starts only when OTEL_TRACES_EXPORTER=otlp, or when an OTLP endpoint is set and
 * OTEL_TRACES_EXPORTER is unset. OTEL_SDK_DISABLED=true and OTEL_TRACES_EXPORTER=none win over everything.
 */
import { ConfigError, type ConfigIssue } from '../config/config-schema';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

export type SamplerSetting =
  | { readonly kind: 'always_on' | 'always_off' | 'parentbased_always_on' | 'parentbased_always_off' }
  | { readonly kind: 'traceidratio' | 'parentbased_traceidratio'; readonly ratio: number };

export interface BatchSettings {
  readonly scheduledDelayMillis?: number;
  readonly maxQueueSize?: number;
  readonly maxExportBatchSize?: number;
  readonly exportTimeoutMillis?: number;
}

export type TracingSettings =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      /** Full URL of the traces endpoint (…/v1/traces). */
      readonly endpoint: string;
      readonly protocol: OtlpProtocol;
      /** Sent with every export (a collector's API key, for example): never logged. */
      readonly headers: Readonly<Record<string, string>>;
      readonly timeoutMillis: number;
      readonly sampler: SamplerSetting;
      /** OTEL_RESOURCE_ATTRIBUTES, then service.name (OTEL_SERVICE_NAME, else the attribute, else the service's name). */
      readonly resource: Readonly<Record<string, string>>;
      readonly batch: BatchSettings;
    };

type Env = Readonly<Record<string, string | undefined>>;

const SPEC_DEFAULT_ENDPOINT = 'http://localhost:4318/v1/traces';
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

const value = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
};

/** `k=v,k2=v2` with percent-encoded values (OTEL_RESOURCE_ATTRIBUTES, OTEL_EXPORTER_OTLP_HEADERS). */
function keyValueList(raw: string | undefined, variable: string, issues: ConfigIssue[], secret: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    let decoded: string | undefined;
    try {
      decoded = eq > 0 ? decodeURIComponent(item.slice(eq + 1).trim()) : undefined;
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined) {
      // Headers may carry credentials: name the variable, never the value.
      issues.push({ variable, message: `${variable} must be a list of key=value pairs, got ${secret ? 'an item that is not one (not shown: it may hold a secret)' : JSON.stringify(item)}` });
      continue;
    }
    out[item.slice(0, eq).trim()] = decoded;
  }
  return out;
}

/** The first of `names` that is set, as a whole number from 1 to `max` (`what` names the unit in the message). */
function wholeNumber(env: Env, names: readonly string[], issues: ConfigIssue[], what = 'milliseconds', max = 600_000): number | undefined {
  const name = names.find((n) => value(env, n) !== undefined);
  if (!name) return undefined;
  const raw = value(env, name) as string;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) {
    issues.push({ variable: name, message: `${name} must be a whole number of ${what} 1-${max}, got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

function endpointOf(env: Env, issues: ConfigIssue[]): string {
  const signal = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  // The signal-specific URL is used as is; the base one gets the traces path appended (the spec's rule).
  const [variable, url] = signal ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', signal] : base ? ['OTEL_EXPORTER_OTLP_ENDPOINT', `${base.replace(/\/+$/, '')}/v1/traces`] : ['', SPEC_DEFAULT_ENDPOINT];
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  issues.push({ variable, message: `${variable} must be an http:// or https:// URL of an OTLP/HTTP collector, got ${JSON.stringify(signal ?? base)}` });
  return url;
}

function protocolOf(env: Env, issues: ConfigIssue[]): OtlpProtocol {
  const variable = value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const raw = value(env, variable) ?? 'http/protobuf';
  if (raw === 'http/protobuf' || raw === 'http/json') return raw;
  // Only the OTLP/HTTP exporters are installed; a collector listens for both on 4318.
  issues.push({ variable, message: `${variable} must be http/protobuf or http/json (OTLP over gRPC is not supported: use the collector's HTTP port, 4318), got ${JSON.stringify(raw)}` });
  return 'http/protobuf';
}

function samplerOf(env: Env, issues: ConfigIssue[]): SamplerSetting {
  const raw = value(env, 'OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on';
  const kind = SAMPLERS.find((s) => s === raw);
  if (!kind) {
    issues.push({ variable: 'OTEL_TRACES_SAMPLER', message: `OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got ${JSON.stringify(raw)}` });
    return { kind: 'parentbased_always_on' };
  }
  if (kind !== 'traceidratio' && kind !== 'parentbased_traceidratio') return { kind };
  const arg = value(env, 'OTEL_TRACES_SAMPLER_ARG') ?? '1';
  const ratio = Number(arg);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    issues.push({ variable: 'OTEL_TRACES_SAMPLER_ARG', message: `OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1 for ${kind}, got ${JSON.stringify(arg)}` });
  }
  return { kind, ratio };
}

function batchOf(env: Env, issues: ConfigIssue[]): BatchSettings {
  const entries = {
    scheduledDelayMillis: wholeNumber(env, ['OTEL_BSP_SCHEDULE_DELAY'], issues),
    exportTimeoutMillis: wholeNumber(env, ['OTEL_BSP_EXPORT_TIMEOUT'], issues),
    maxQueueSize: wholeNumber(env, ['OTEL_BSP_MAX_QUEUE_SIZE'], issues, 'spans', 1_000_000),
    maxExportBatchSize: wholeNumber(env, ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE'], issues, 'spans', 1_000_000),
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** Throws `ConfigError` for a wrong value; `serviceName` is service.name unless OTEL_* name one. */
export function tracingSettings(env: Env, serviceName: string): TracingSettings {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (value(env, 'OTEL_TRACES_EXPORTER') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  const issues: ConfigIssue[] = [];
  const unsupported = exporters.filter((e) => e !== 'otlp');
  if (unsupported.length) {
    // `console` is refused too: it would interleave spans with the JSON log lines on stdout.
    issues.push({ variable: 'OTEL_TRACES_EXPORTER', message: `OTEL_TRACES_EXPORTER must be otlp or none, got ${JSON.stringify(value(env, 'OTEL_TRACES_EXPORTER'))}` });
  }
  const endpointSet = value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined || value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined;
  if (exporters.length === 0 && !endpointSet) return { enabled: false, reason: 'neither OTEL_TRACES_EXPORTER nor an OTLP endpoint is set' };

  const resourceAttributes = keyValueList(value(env, 'OTEL_RESOURCE_ATTRIBUTES'), 'OTEL_RESOURCE_ATTRIBUTES', issues, false);
  const settings: TracingSettings = {
    enabled: true,
    endpoint: endpointOf(env, issues),
    protocol: protocolOf(env, issues),
    headers: {
      ...keyValueList(value(env, 'OTEL_EXPORTER_OTLP_HEADERS'), 'OTEL_EXPORTER_OTLP_HEADERS', issues, true),
      ...keyValueList(value(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'), 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', issues, true),
    },
    timeoutMillis: wholeNumber(env, ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'], issues) ?? 10_000,
    sampler: samplerOf(env, issues),
    resource: { ...resourceAttributes, 'service.name': value(env, 'OTEL_SERVICE_NAME') ?? resourceAttributes['service.name'] ?? serviceName },
    batch: batchOf(env, issues),
  };
  if (issues.length) throw new ConfigError(issues);
  return settings;
}
