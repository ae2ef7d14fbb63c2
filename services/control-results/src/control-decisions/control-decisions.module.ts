import { Module } from '@nestjs/common';
import { ControlCommands } from '../doors/control-commands';
import { ControlDecisionsGrpcController } from './control-decisions.grpc-controller';
import { EnsMembersQuery } from './ens-members.query';

@Module({ controllers: [ControlDecisionsGrpcController], providers: [ControlCommands, EnsMembersQuery] })
export class ControlDecisionsModule {}
