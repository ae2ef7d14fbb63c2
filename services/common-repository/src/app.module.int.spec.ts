import { checkGrpcHealth } from '@ics2/platform';
import { startCommonRepository, type CommonRepositoryHarness } from './common-repository.test-harness';

describe('common-repository boots', () => {
  let h: CommonRepositoryHarness;

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_boot' });
  }, 30_000);
  afterAll(() => h.close());

  it('answers gRPC health SERVING for the server, its own name and its FilingService, and HTTP readiness', async () => {
    const { app } = h.service;
    await expect(checkGrpcHealth(app.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'common-repository')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'ics2.common_repository.v1.FilingService')).resolves.toBe('SERVING');
    expect((await fetch(`${app.httpUrl}/health/ready`)).status).toBe(200);
  });

  it('closes cleanly: both doors stop answering', async () => {
    await h.service.close();
    await expect(fetch(`${h.service.app.httpUrl}/health/live`)).rejects.toThrow();
  });
});
