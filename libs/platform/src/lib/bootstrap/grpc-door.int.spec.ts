/** The gRPC door of a real service app, called with a real grpc-js client: health, auth, errors, logs. */
import { credentials, loadPackageDefinition, Metadata, status, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import request from 'supertest';
import { PROBE_PROTO } from '../../../test/probe.module';
import { requestLines, startProbe, type ProbeHarness } from '../../../test/probe-harness';
import { checkGrpcHealth } from '../health/grpc-health.client';
import { HEALTH_PROTO, protoFile } from './proto-files';

type Callback<T> = (err: ServiceError | null, reply?: T) => void;
type Unary = (req: object, md: Metadata, cb: Callback<Record<string, unknown>>) => { on(e: 'metadata', cb: (m: Metadata) => void): void };
interface Clients {
  probe: { Whoami: Unary; Fail: Unary; Ticks(req: object, md: Metadata): NodeJS.ReadableStream & { cancel(): void }; close(): void };
  health: { Watch(req: object): NodeJS.ReadableStream & { cancel(): void }; close(): void };
}

const loaderOptions = { keepCase: true, enums: String, defaults: true };
const protos = loadPackageDefinition(loadSync([PROBE_PROTO, protoFile(HEALTH_PROTO)], loaderOptions)) as unknown as {
  ics2: { probe: { v1: { ProbeService: ServiceClientConstructor } } };
  grpc: { health: { v1: { Health: ServiceClientConstructor } } };
};

function clientsFor(address: string): Clients {
  const insecure = credentials.createInsecure();
  return {
    probe: new protos.ics2.probe.v1.ProbeService(address, insecure) as unknown as Clients['probe'],
    health: new protos.grpc.health.v1.Health(address, insecure) as unknown as Clients['health'],
  };
}

function call(method: Unary, req: object, md = new Metadata()) {
  return new Promise<{ err: ServiceError | null; reply?: Record<string, unknown>; headers?: Metadata }>((resolve) => {
    let headers: Metadata | undefined;
    const c = method(req, md, (err, reply) => resolve({ err, reply, headers }));
    c.on('metadata', (m) => (headers = m));
  });
}

const bearer = (token: string) => {
  const md = new Metadata();
  md.set('authorization', `Bearer ${token}`);
  return md;
};

describe('gRPC door', () => {
  let probe: ProbeHarness;
  let clients: Clients;

  beforeAll(async () => {
    probe = await startProbe();
    clients = clientsFor(probe.service.grpcAddress);
  });
  afterAll(async () => {
    clients.probe.close();
    clients.health.close();
    await probe.service.close();
  });

  it('serves grpc.health.v1 Check without a token, for "" and for its own names', async () => {
    await expect(checkGrpcHealth(probe.service.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(probe.service.grpcAddress, 'probe')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(probe.service.grpcAddress, 'ics2.probe.v1.ProbeService')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(probe.service.grpcAddress, 'no.such.Service')).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('refuses a protected method without a token: UNAUTHENTICATED', async () => {
    const { err } = await call(clients.probe.Whoami.bind(clients.probe), {});
    expect(err).toMatchObject({ code: status.UNAUTHENTICATED, details: 'a bearer token is required' });
    expect(err?.metadata.get('ics2-error-code')).toEqual(['AUTH.MISSING_TOKEN']);
  });

  it('refuses the wrong role: PERMISSION_DENIED', async () => {
    const token = await probe.token({ role: 'trader', eori: 'DE123' });
    const { err } = await call(clients.probe.Whoami.bind(clients.probe), {}, bearer(token));
    expect(err).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('lets the right role in, with its caller and correlation id', async () => {
    const md = bearer(await probe.token({ role: 'member-state', ms: 'FR', userId: 'fr-risk-1' }));
    md.set('x-correlation-id', 'grpc-corr-1');
    const { err, reply, headers } = await call(clients.probe.Whoami.bind(clients.probe), {}, md);
    expect(err).toBeNull();
    expect(reply).toEqual({ caller: 'member-state:FR/fr-risk-1', correlation_id: 'grpc-corr-1' });
    expect(headers?.get('x-correlation-id')).toEqual(['grpc-corr-1']);
    expect(requestLines(probe.logs).filter((l) => l['correlationId'] === 'grpc-corr-1')).toEqual([
      expect.objectContaining({
        level: 'info',
        door: 'grpc',
        caller: 'member-state:FR/fr-risk-1',
        route: '/ics2.probe.v1.ProbeService/Whoami',
        outcome: 'OK',
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('maps a PlatformError to its status with ICS2 details in the trailers', async () => {
    const token = await probe.token({ role: 'admin' });
    const { err } = await call(clients.probe.Fail.bind(clients.probe), { kind: 'validation' }, bearer(token));
    expect(err).toMatchObject({ code: status.INVALID_ARGUMENT, details: 'the probe request is invalid' });
    expect(err?.metadata.get('ics2-error-kind')).toEqual(['validation']);
    const details = err?.metadata.get('ics2-error-details-bin')[0] as Buffer;
    expect(JSON.parse(details.toString('utf8'))).toEqual([
      { validationCode: '12', pointer: '/consignment/goodsItems/0/grossMass', description: 'must be positive' },
    ]);
  });

  it('hides an unknown error behind INTERNAL', async () => {
    const token = await probe.token({ role: 'admin' });
    const { err } = await call(clients.probe.Fail.bind(clients.probe), { kind: 'bug' }, bearer(token));
    expect(err).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
    expect(err?.message).not.toContain('hunter2');
  });

  // A server stream outlives the check of the token it was opened with: a unit's signals must stop reaching a user
  // whose token ran out (tokens are short-lived so that a withdrawn right ends with them).
  it('ends a server stream UNAUTHENTICATED, AUTH.TOKEN_EXPIRED, once the token it was opened with expires', async () => {
    const token = await probe.token({ role: 'admin' }, 2);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    const stream = clients.probe.Ticks({}, bearer(token));
    let ticks = 0;
    stream.on('data', () => ticks++);
    const err = await new Promise<ServiceError>((resolve) => stream.on('error', resolve));
    expect(err).toMatchObject({ code: status.UNAUTHENTICATED });
    expect(err.metadata.get('ics2-error-code')).toEqual(['AUTH.TOKEN_EXPIRED']);
    expect(ticks).toBeGreaterThan(0);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(Date.now()).toBeLessThan(exp * 1000 + 1_000);
  });

  it('keeps a server stream open under a token that expires beyond what one timer can wait (about 24.8 days)', async () => {
    const stream = clients.probe.Ticks({}, bearer(await probe.token({ role: 'admin' }, 30 * 86_400)));
    const outcome = await new Promise<string>((resolve) => {
      let ticks = 0;
      stream.on('data', () => {
        if (++ticks === 3) resolve('ticking');
      });
      stream.on('error', (e: ServiceError) => resolve(`ended: ${e.code}`));
    });
    stream.cancel();
    expect(outcome).toBe('ticking');
  });

  it('counts gRPC calls in /metrics, refusals included', async () => {
    const metrics = (await request(probe.service.httpUrl).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/ics2_requests_total\{door="grpc",route="\/ics2.probe.v1.ProbeService\/Whoami",outcome="UNAUTHENTICATED",service="probe"\} [1-9]/);
    expect(metrics).toMatch(/ics2_requests_total\{door="grpc",route="\/grpc.health.v1.Health\/Check",outcome="OK",service="probe"\} [1-9]/);
  });
});

describe('gRPC health Watch', () => {
  it('streams SERVING, then NOT_SERVING when shutdown begins, and ends so the server can close', async () => {
    const probe = await startProbe();
    const clients = clientsFor(probe.service.grpcAddress);
    const seen: string[] = [];
    const stream = clients.health.Watch({ service: '' });
    const ended = new Promise<void>((resolve, reject) => {
      stream.on('data', (m: { status: string }) => {
        seen.push(m.status);
        if (m.status === 'SERVING') probe.service.beginShutdown('test');
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    await ended;
    expect(seen).toEqual(['SERVING', 'NOT_SERVING']);
    await expect(checkGrpcHealth(probe.service.grpcAddress)).resolves.toBe('NOT_SERVING');
    await probe.service.close();
    clients.health.close();
    clients.probe.close();
  });
});
