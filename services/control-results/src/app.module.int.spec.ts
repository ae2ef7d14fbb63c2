import { checkGrpcHealth } from '@ics2/platform';
import { startControlResults, type ControlResultsHarness } from './control-results.test-harness';

describe('control-results boots', () => {
  let h: ControlResultsHarness;

  beforeAll(async () => {
    h = await startControlResults({ prefix: 'cr_boot' });
  }, 30_000);
  afterAll(() => h.close());

  it('answers gRPC health SERVING for the server, its own name and its ControlResultsService, and HTTP readiness', async () => {
    const { app } = h.service;
    await expect(checkGrpcHealth(app.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'control-results')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'ics2.control_results.v1.ControlResultsService')).resolves.toBe('SERVING');
    expect((await fetch(`${app.httpUrl}/health/ready`)).status).toBe(200);
  });

  it('closes cleanly: both doors stop answering', async () => {
    await h.service.close();
    await expect(fetch(`${h.service.app.httpUrl}/health/live`)).rejects.toThrow();
  });
});
