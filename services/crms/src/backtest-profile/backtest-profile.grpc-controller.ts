import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { Forwarded, type CallContext } from '../doors/forwarded-call';
import { BacktestProfileHandler } from './backtest-profile.handler';

/** BacktestProfile: maps and holds no rule (backtest-profile.handler.ts, the RIF decider). */
@Controller()
export class BacktestProfileGrpcController {
  constructor(private readonly handler: BacktestProfileHandler) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'BacktestProfile')
  @Roles('member-state', 'admin')
  backtestProfile(@Payload() r: crmsV1.BacktestProfileRequest, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<crmsV1.BacktestProfileReply> {
    return this.handler.backtest(r, caller, ctx);
  }
}
