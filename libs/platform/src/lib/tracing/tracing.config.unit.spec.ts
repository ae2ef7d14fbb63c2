import { ConfigError } from '../config/config-schema';
import { tracingSettings, type TracingSettings } from './tracing.config';

const on = (env: Record<string, string>): Extract<TracingSettings, { enabled: true }> => {
  const settings = tracingSettings(env, 'crms');
  if (!settings.enabled) throw new Error(`expected tracing on, it is off: ${settings.reason}`);
  return settings;
};
const issueOf = (env: Record<string, string>): string => {
  try {
    tracingSettings(env, 'crms');
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.variable).join(',');
    throw e;
  }
  throw new Error('expected a config error');
};

describe('tracing settings from OTEL_*', () => {
  describe('on or off', () => {
    it.each([
      ['nothing is set', {}],
      ['only a sampler is set', { OTEL_TRACES_SAMPLER: 'always_on' }],
      ['OTEL_TRACES_EXPORTER=none, even with an endpoint', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }],
      ['OTEL_SDK_DISABLED=true, even with an exporter', { OTEL_SDK_DISABLED: 'TRUE', OTEL_TRACES_EXPORTER: 'otlp' }],
      ['OTEL_SDK_DISABLED=true, even with wrong values elsewhere', { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_SAMPLER: 'sometimes' }],
    ])('is off when %s', (_situation, env) => {
      expect(tracingSettings(env, 'crms').enabled).toBe(false);
    });

    it('is on with an OTLP endpoint alone, sending to its /v1/traces', () => {
      expect(on({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring:4318/' }).endpoint).toBe('http://otel-collector.monitoring:4318/v1/traces');
    });

    it('is on with OTEL_TRACES_EXPORTER=otlp alone, sending to the spec default endpoint', () => {
      expect(on({ OTEL_TRACES_EXPORTER: 'otlp' }).endpoint).toBe('http://localhost:4318/v1/traces');
    });

    it('takes the traces endpoint as is, over the base one', () => {
      expect(on({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/custom' }).endpoint).toBe('https://b/custom');
    });

    it('is off with OTEL_SDK_DISABLED=false only when nothing else turns it on', () => {
      expect(tracingSettings({ OTEL_SDK_DISABLED: 'false' }, 'crms').enabled).toBe(false);
      expect(tracingSettings({ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }, 'crms').enabled).toBe(true);
    });
  });

  describe('what it sends', () => {
    it('defaults to http/protobuf, parent-based always-on sampling and the service name', () => {
      const s = on({ OTEL_TRACES_EXPORTER: 'otlp' });
      expect([s.protocol, s.sampler, s.resource['service.name'], s.timeoutMillis]).toEqual(['http/protobuf', { kind: 'parentbased_always_on' }, 'crms', 10_000]);
    });

    it('names the service OTEL_SERVICE_NAME, else service.name of OTEL_RESOURCE_ATTRIBUTES', () => {
      expect(on({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x,deployment.environment.name=prod' }).resource).toEqual({ 'service.name': 'x', 'deployment.environment.name': 'prod' });
      expect(on({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SERVICE_NAME: 'y', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x' }).resource['service.name']).toBe('y');
    });

    it('reads headers (signal-specific ones win), a ratio sampler, the timeout and the batch limits', () => {
      const s = on({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%20b,x=1',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x=2',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_EXPORTER_OTLP_TIMEOUT: '3000',
        OTEL_BSP_MAX_QUEUE_SIZE: '4096',
      });
      expect([s.headers, s.protocol, s.sampler, s.timeoutMillis, s.batch]).toEqual([{ 'api-key': 'a b', x: '2' }, 'http/json', { kind: 'parentbased_traceidratio', ratio: 0.25 }, 3000, { maxQueueSize: 4096 }]);
    });
  });

  describe('a wrong value stops the service with a config error naming the variable', () => {
    it.each([
      ['OTEL_TRACES_EXPORTER', { OTEL_TRACES_EXPORTER: 'zipkin' }],
      ['OTEL_TRACES_EXPORTER', { OTEL_TRACES_EXPORTER: 'console' }],
      ['OTEL_EXPORTER_OTLP_PROTOCOL', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }],
      ['OTEL_TRACES_SAMPLER', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'sometimes' }],
      ['OTEL_TRACES_SAMPLER_ARG', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }],
      ['OTEL_EXPORTER_OTLP_TIMEOUT', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TIMEOUT: '10s' }],
      ['OTEL_EXPORTER_OTLP_HEADERS', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_HEADERS: 'novalue' }],
    ])('%s', (variable, env) => {
      expect(issueOf(env)).toBe(variable);
    });

    it('never shows a header value, which may be a credential', () => {
      let message = '';
      try {
        tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_HEADERS: 'secret-token-123' }, 'crms');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('OTEL_EXPORTER_OTLP_HEADERS');
      expect(message).not.toContain('secret-token-123');
    });
  });
});
