import { checkGrpcHealth } from '@ics2/platform';
import { freshDatabase, startTestService, type FreshDatabase, type TestService } from '@ics2/testing';
import { migrateTraderInterface } from './migrate';
import { definition } from './service.definition';

describe('trader-interface boots', () => {
  let db: FreshDatabase;
  let service: TestService;

  beforeAll(async () => {
    db = await freshDatabase('ti_boot', migrateTraderInterface);
    service = await startTestService(definition, { databaseUrl: db.appUrl });
  }, 30_000);
  afterAll(async () => {
    await service.close();
    await db.drop();
  });

  it('answers gRPC health SERVING for the server and for its own name, and HTTP readiness', async () => {
    await expect(checkGrpcHealth(service.app.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(service.app.grpcAddress, 'trader-interface')).resolves.toBe('SERVING');
    expect((await fetch(`${service.app.httpUrl}/health/ready`)).status).toBe(200);
  });

  it('serves its OpenAPI document without a token, with every trader route and an example per filing family', async () => {
    const res = await fetch(`${service.app.httpUrl}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { examples?: Record<string, unknown> }> } }>> };
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/health/live', '/health/ready', '/metrics', '/v1/arrivals', '/v1/filings', '/v1/filings/{mrn}', '/v1/filings/{mrn}/amendments', '/v1/filings/{mrn}/invalidation', '/v1/notifications', '/v1/notifications/stream', '/v1/referrals/{reference}/answer'].sort(),
    );
    const examples = Object.keys(doc.paths['/v1/filings'].post.requestBody?.content['application/json'].examples ?? {});
    expect(examples).toEqual(expect.arrayContaining(['air-complete-F20', 'air-master-F21', 'air-house-F22', 'maritime-F10', 'postal-F40', 'road-F50', 'rail-F51']));
    expect((await fetch(`${service.app.httpUrl}/docs`)).status).toBe(200);
  });

  it('closes cleanly: both doors stop answering', async () => {
    await service.close();
    await expect(fetch(`${service.app.httpUrl}/health/live`)).rejects.toThrow();
    await expect(checkGrpcHealth(service.app.grpcAddress, '', 500)).rejects.toMatchObject({ code: expect.any(Number) });
  });
});
