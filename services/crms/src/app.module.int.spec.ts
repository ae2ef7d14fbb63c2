import { checkGrpcHealth, createServiceApp, generateSigningKeyPair, type ServiceApp } from '@ics2/platform';
import { freshDatabase, type FreshDatabase } from '@ics2/testing';
import { migrateCrms } from './migrate';
import { definition } from './service.definition';

describe('crms boots', () => {
  let db: FreshDatabase;
  let service: ServiceApp;

  beforeAll(async () => {
    db = await freshDatabase('crms_boot', migrateCrms);
    const env = { AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem, LOG_LEVEL: 'silent', DATABASE_URL: db.appUrl };
    service = await createServiceApp(definition, { env, host: '127.0.0.1', httpPort: 0, grpcPort: 0 });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('answers gRPC health SERVING for the server and for its own name, and HTTP readiness', async () => {
    await expect(checkGrpcHealth(service.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(service.grpcAddress, 'crms')).resolves.toBe('SERVING');
    expect((await fetch(`${service.httpUrl}/health/ready`)).status).toBe(200);
  });

  it('closes cleanly: both doors stop answering', async () => {
    await service.close();
    await expect(fetch(`${service.httpUrl}/health/live`)).rejects.toThrow();
    await expect(checkGrpcHealth(service.grpcAddress, '', 500)).rejects.toMatchObject({ code: expect.any(Number) });
  });
});
