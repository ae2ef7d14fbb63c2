import { Module } from '@nestjs/common';
import { ControlCommands } from '../doors/control-commands';
import { ControlDecisionsGrpcController } from './control-decisions.grpc-controller';

@Module({ controllers: [ControlDecisionsGrpcController], providers: [ControlCommands] })
export class ControlDecisionsModule {}
