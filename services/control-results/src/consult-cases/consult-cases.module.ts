import { Module } from '@nestjs/common';
import { ControlCommands } from '../doors/control-commands';
import { ConsultCasesGrpcController } from './consult-cases.grpc-controller';

@Module({ controllers: [ConsultCasesGrpcController], providers: [ControlCommands] })
export class ConsultCasesModule {}
