/**
 * Test-only doors for the platform's int tests: protected HTTP routes and gRPC methods, a failing handler, a slow
 * one. Kept out of `src/` so it is never built into a service.
 */
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { Controller, Get, Module, Query, Res } from '@nestjs/common';
import { Ctx, GrpcMethod } from '@nestjs/microservices';
import type { Metadata } from '@grpc/grpc-js';
import { interval, map, type Observable } from 'rxjs';
import { describeActor } from '@ics2/domain';
import { Caller, correlationIdOf, PlatformError, PlatformModule, principalOf, Roles, type Principal, type ServiceDefinition } from '../src';

const invalid = () =>
  new PlatformError('validation', 'PROBE.INVALID', 'the probe request is invalid', [
    { validationCode: '12', pointer: '/consignment/goodsItems/0/grossMass', description: 'must be positive' },
  ]);

@Controller('probe')
class ProbeHttpController {
  @Get('trader-only')
  @Roles('trader')
  traderOnly(@Caller() caller: Principal): { caller: string } {
    return { caller: describeActor(caller.actor) };
  }

  @Get('any-caller')
  anyCaller(@Caller() caller: Principal): { caller: string } {
    return { caller: describeActor(caller.actor) };
  }

  @Get('invalid')
  invalid(): never {
    throw invalid();
  }

  @Get('bug')
  bug(): never {
    throw new Error('secret internals: password=hunter2');
  }

  /** A Server-Sent Events stream that never ends by itself: a tick every 100 ms. */
  @Get('ticks')
  ticks(@Res() res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let n = 0;
    const timer = setInterval(() => res.write(`data: ${n++}\n\n`), 100);
    res.once('close', () => clearInterval(timer));
  }

  @Get('slow')
  async slow(@Query('ms') ms: string): Promise<{ waited: number }> {
    await new Promise((r) => setTimeout(r, Number(ms)));
    return { waited: Number(ms) };
  }
}

@Controller()
class ProbeGrpcController {
  @GrpcMethod('ics2.probe.v1.ProbeService', 'Whoami')
  @Roles('member-state')
  whoami(@Ctx() metadata: Metadata, @Caller() caller: Principal): { caller: string; correlation_id: string } {
    // @Caller() and principalOf(metadata) are two ways to the same principal; a mismatch fails the call.
    if (principalOf(metadata) !== caller) throw new Error('principalOf and @Caller disagree');
    return { caller: describeActor(caller.actor), correlation_id: correlationIdOf(metadata) ?? '' };
  }

  @GrpcMethod('ics2.probe.v1.ProbeService', 'Ticks')
  ticks(): Observable<{ n: number }> {
    return interval(100).pipe(map((n) => ({ n })));
  }

  @GrpcMethod('ics2.probe.v1.ProbeService', 'Fail')
  fail(request: { kind: string }): never {
    if (request.kind === 'validation') throw invalid();
    throw new Error('secret internals: password=hunter2');
  }
}

@Module({ imports: [PlatformModule], controllers: [ProbeHttpController, ProbeGrpcController] })
class ProbeAppModule {}

export const PROBE_PROTO = join(__dirname, 'probe.proto');

export const probeService: ServiceDefinition = {
  name: 'probe',
  module: ProbeAppModule,
  grpc: { packages: ['ics2.probe.v1'], protoPaths: [PROBE_PROTO] },
};
