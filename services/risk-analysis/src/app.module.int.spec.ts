import { checkGrpcHealth } from '@ics2/platform';
import { startRiskAnalysis, type RiskAnalysisHarness } from './risk-analysis.test-harness';

describe('risk-analysis boots', () => {
  let h: RiskAnalysisHarness;

  beforeAll(async () => {
    h = await startRiskAnalysis({ prefix: 'ra_boot' });
  }, 30_000);
  afterAll(() => h.close());

  it('answers gRPC health SERVING for the server, its own name and its RiskAnalysisService, and HTTP readiness', async () => {
    const { app } = h.service;
    await expect(checkGrpcHealth(app.grpcAddress)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'risk-analysis')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(app.grpcAddress, 'ics2.risk_analysis.v1.RiskAnalysisService')).resolves.toBe('SERVING');
    expect((await fetch(`${app.httpUrl}/health/ready`)).status).toBe(200);
  });

  it('closes cleanly: both doors stop answering', async () => {
    await h.service.close();
    await expect(fetch(`${h.service.app.httpUrl}/health/live`)).rejects.toThrow();
  });
});
