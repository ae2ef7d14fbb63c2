/** Kubernetes probes: liveness (the process answers) and readiness (dependencies ok, not shutting down). */
import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ReadinessChecks, type ReadinessReport } from './readiness-checks';

interface StatusResponse {
  status(code: number): unknown;
}

@Public()
@Controller('health')
export class HealthHttpController {
  constructor(private readonly readiness: ReadinessChecks) {}

  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: StatusResponse): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    res.status(report.ready ? 200 : 503);
    return report;
  }
}
