/** The HTTP door of a real service app on a free port: probes, metrics, auth, errors, logs, shutdown. */
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import request from 'supertest';
import { requestLines, startProbe, type ProbeHarness } from '../../../test/probe-harness';

describe('HTTP door', () => {
  let probe: ProbeHarness;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    probe = await startProbe();
    http = request(probe.service.httpUrl);
  });
  afterAll(() => probe.service.close());

  it('logs one line when the service has started, naming its ports', () => {
    expect(probe.logs).toContainEqual(
      expect.objectContaining({ msg: 'service started', service: 'probe', httpPort: probe.service.httpPort, grpcPort: probe.service.grpcPort }),
    );
  });

  it('answers the probes without a token', async () => {
    await http.get('/health/live').expect(200, { status: 'live' });
    await http.get('/health/ready').expect(200, { ready: true, shuttingDown: false, checks: {} });
  });

  it('counts requests by door, route and outcome in /metrics', async () => {
    await http.get('/health/live').expect(200);
    await http.get('/probe/any-caller').expect(401);
    const metrics = (await http.get('/metrics').expect(200).expect('content-type', /text\/plain/)).text;
    expect(metrics).toMatch(/ics2_requests_total\{door="http",route="GET \/health\/live",outcome="200",service="probe"\} [1-9]/);
    expect(metrics).toMatch(/ics2_requests_total\{door="http",route="GET \/probe\/any-caller",outcome="401",service="probe"\} [1-9]/);
    expect(metrics).toContain('ics2_request_duration_seconds_bucket{');
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('# TYPE ics2_event_store_append_seconds histogram');
    expect(metrics).toContain('# TYPE ics2_subscription_lag_events gauge');
  });

  describe('authentication', () => {
    it('refuses a protected route without a token: 401 with the error shape', async () => {
      const res = await http.get('/probe/trader-only').expect(401).expect('www-authenticate', 'Bearer');
      expect(res.body).toEqual({
        error: { kind: 'unauthenticated', code: 'AUTH.MISSING_TOKEN', message: 'a bearer token is required', correlationId: expect.any(String) },
      });
    });

    it('refuses a token that does not verify: 401', async () => {
      await http.get('/probe/trader-only').set('authorization', 'Bearer abc.def.ghi').expect(401);
    });

    it('refuses the wrong role: 403', async () => {
      const token = await probe.token({ role: 'member-state', ms: 'FR', userId: 'fr-1' });
      const res = await http.get('/probe/trader-only').set('authorization', `Bearer ${token}`).expect(403);
      expect(res.body.error).toMatchObject({ kind: 'permission', code: 'AUTH.ROLE_NOT_ALLOWED' });
    });

    it('lets the right role in and hands the handler the caller', async () => {
      const token = await probe.token({ role: 'trader', eori: 'DE123456789012345' });
      await http.get('/probe/trader-only').set('authorization', `Bearer ${token}`).expect(200, { caller: 'trader:DE123456789012345' });
    });

    it('lets any authenticated caller into a route without @Roles', async () => {
      const token = await probe.token({ role: 'auditor', userId: 'audit-1' });
      await http.get('/probe/any-caller').set('authorization', `Bearer ${token}`).expect(200, { caller: 'auditor:audit-1' });
    });
  });

  describe('errors', () => {
    let auth: string;
    beforeAll(async () => (auth = `Bearer ${await probe.token({ role: 'admin' })}`));

    it('gives a PlatformError its status and ICS2 details', async () => {
      const res = await http.get('/probe/invalid').set('authorization', auth).expect(400);
      expect(res.body.error).toMatchObject({
        kind: 'validation',
        code: 'PROBE.INVALID',
        details: [{ validationCode: '12', pointer: '/consignment/goodsItems/0/grossMass', description: 'must be positive' }],
      });
    });

    it('hides an unknown error behind a bare 500 and logs it', async () => {
      const res = await http.get('/probe/bug').set('authorization', auth).set('x-correlation-id', 'bug-1').expect(500);
      expect(res.body).toEqual({ error: { kind: 'internal', code: 'INTERNAL', message: 'internal error', correlationId: 'bug-1' } });
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(probe.logs).toContainEqual(expect.objectContaining({ level: 'error', correlationId: 'bug-1', err: expect.any(Object) }));
    });

    it('answers an unknown route with 404 in the same shape', async () => {
      const res = await http.get('/nowhere').expect(404);
      expect(res.body.error).toMatchObject({ kind: 'not-found' });
    });

    it('answers a request Node cannot parse (headers too large, a malformed request line) in the same shape, then closes', async () => {
      // Writes each part once the answer to the one before has begun, and resolves with all that came back.
      const raw = (...parts: string[]) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(probe.service.httpPort, '127.0.0.1');
          let answer = '';
          socket.on('data', (chunk) => {
            answer += chunk.toString('utf8');
            const next = parts.shift();
            if (next !== undefined) socket.write(next);
          });
          socket.on('close', () => resolve(answer));
          socket.on('error', reject);
          socket.write(parts.shift() ?? '');
        });
      const tooLarge = await raw(`GET /${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(tooLarge).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(tooLarge.slice(tooLarge.indexOf('\r\n\r\n') + 4))).toEqual({ error: { kind: 'validation', code: 'HTTP.431', message: expect.any(String) } });
      const malformed = await raw('NOT HTTP AT ALL\r\n\r\n');
      expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { kind: 'validation', code: 'HTTP.400' } });
      // On a kept-alive connection too, once the response before it is complete.
      const second = await raw('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n', 'NOT HTTP AT ALL\r\n\r\n');
      expect(second).toMatch(/^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 400 [\s\S]*"code":"HTTP\.400"/);
    });
  });

  it('ends a Server-Sent Events stream once the token it was opened with expires', async () => {
    const token = await probe.token({ role: 'admin' }, 2);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    const res = await fetch(`${probe.service.httpUrl}/probe/ticks`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    // Read to the end: the door, not the reader, ends the stream.
    const body = await res.text();
    expect(body).toMatch(/^data: 0\n\n/);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(Date.now()).toBeLessThan(exp * 1000 + 1_000);
  });

  describe('request log', () => {
    it('writes one line per request with correlation id, caller, route, outcome and duration, and echoes the id', async () => {
      const token = await probe.token({ role: 'trader', eori: 'FR12345' });
      const res = await http.get('/probe/trader-only').set('authorization', `Bearer ${token}`).set('x-correlation-id', 'corr-42').expect(200);
      expect(res.headers['x-correlation-id']).toBe('corr-42');
      const lines = requestLines(probe.logs).filter((l) => l['correlationId'] === 'corr-42');
      expect(lines).toEqual([
        expect.objectContaining({
          level: 'info',
          door: 'http',
          caller: 'trader:FR12345',
          route: 'GET /probe/trader-only',
          outcome: '200',
          durationMs: expect.any(Number),
        }),
      ]);
      expect(JSON.stringify(probe.logs)).not.toContain(token);
    });

    it('makes up a correlation id when the caller sends none or an unsafe one', async () => {
      const generated = (await http.get('/health/live').expect(200)).headers['x-correlation-id'];
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      const replaced = (await http.get('/health/live').set('x-correlation-id', 'bad id\twith spaces').expect(200)).headers['x-correlation-id'];
      expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('logs probes at debug level and refusals as anonymous', async () => {
      await http.get('/probe/any-caller').set('x-correlation-id', 'anon-1').expect(401);
      expect(requestLines(probe.logs).find((l) => l['correlationId'] === 'anon-1')).toMatchObject({ caller: 'anonymous', outcome: '401' });
      expect(requestLines(probe.logs).find((l) => l['route'] === 'GET /health/live')).toMatchObject({ level: 'debug' });
    });
  });
});

describe('HTTP door readiness', () => {
  it('reports a database it cannot reach as not ready', async () => {
    const probe = await startProbe({ DATABASE_URL: 'postgres://nobody:pw@127.0.0.1:1/none' });
    try {
      const res = await request(probe.service.httpUrl).get('/health/ready').expect(503);
      expect(res.body).toEqual({ ready: false, shuttingDown: false, checks: { database: 'failing' } });
      expect(JSON.stringify(probe.logs)).not.toContain(':pw@');
    } finally {
      await probe.service.close();
    }
  });

  it('turns 503 when shutdown begins, finishes the request in flight, then closes', async () => {
    const probe = await startProbe({ SHUTDOWN_DRAIN_MS: '300' });
    const http = request(probe.service.httpUrl);
    const token = await probe.token({ role: 'admin' });
    await http.get('/health/ready').expect(200);
    const inFlight = http.get('/probe/slow?ms=800').set('authorization', `Bearer ${token}`);
    const inFlightDone = inFlight.then((r) => r.status);
    await new Promise((r) => setTimeout(r, 50));
    const closing = probe.service.close();
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ready: false, shuttingDown: true });
    await closing;
    expect(await inFlightDone).toBe(200);
    expect(probe.logs.map((l) => l['msg'])).toEqual(expect.arrayContaining(['shutdown started', 'service stopped']));
  });
});

describe('HTTP door keep-alive', () => {
  /**
   * One request on a raw socket, answered; the socket is then idle. Raw, because Node's Agent closes a socket itself
   * a second before the server's advertised keep-alive timeout: only the server's own closing is measured here.
   */
  const socketAfterOneRequest = (url: string): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(url);
      const socket = connect(Number(port), hostname, () => socket.write(`GET /health/live HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        answer += chunk;
        if (answer.includes('\r\n\r\n') && answer.endsWith('}')) resolve(socket);
      });
      socket.on('error', reject);
    });
  const closedWithin = (socket: Socket, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (socket.destroyed) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  it('keeps idle connections open longer than a proxy in front would (65 s unless HTTP_KEEP_ALIVE_TIMEOUT_MS says)', async () => {
    const probe = await startProbe();
    try {
      const server = probe.service.app.getHttpServer() as Server;
      expect(server.keepAliveTimeout).toBe(65_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      await probe.service.close();
    }
  });

  it('closes an idle kept-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS, and not before', async () => {
    const probe = await startProbe({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '1500' });
    try {
      const socket = await socketAfterOneRequest(probe.service.httpUrl);
      // Node's own default would have closed it after 5 s; the setting governs it both ways.
      expect(await closedWithin(socket, 800)).toBe(false);
      expect(await closedWithin(socket, 2_500)).toBe(true);
    } finally {
      await probe.service.close();
    }
  });
});
