/** DraftRif and EditRif: the door maps and holds no rule (draft-rif.handler.ts, the RIF decider). */
import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { crmsV1 } from '@ics2/contracts';
import { Caller, Roles, type Principal } from '@ics2/platform';
import { Forwarded, type CallContext } from '../doors/forwarded-call';
import { DraftRifHandler } from './draft-rif.handler';

const S = crmsV1.CRMS_SERVICE;

@Controller()
export class DraftRifGrpcController {
  constructor(private readonly handler: DraftRifHandler) {}

  @GrpcMethod(S, 'DraftRif')
  @Roles('member-state', 'admin')
  draftRif(@Payload() r: crmsV1.DraftRifRequest, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<crmsV1.RifReply> {
    return this.handler.draft(r, caller, ctx);
  }

  @GrpcMethod(S, 'EditRif')
  @Roles('member-state', 'admin')
  editRif(@Payload() r: crmsV1.EditRifRequest, @Caller() caller: Principal, @Forwarded() ctx: CallContext): Promise<crmsV1.RifReply> {
    return this.handler.edit(r, caller, ctx);
  }
}
