/** Prometheus scrape endpoint of this instance. Public: it holds counts and latencies, never identifiers. */
import { Controller, Get, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { PlatformMetrics } from './platform-metrics';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

@Public()
@Controller('metrics')
export class MetricsHttpController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) res: HeaderResponse): Promise<string> {
    res.setHeader('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
