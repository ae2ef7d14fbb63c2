import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { RegisterFilingGrpcController } from './register-filing.grpc-controller';
import { RegisterFilingHandler } from './register-filing.handler';

@Module({ controllers: [RegisterFilingGrpcController], providers: [RegisterFilingHandler, FilingCommands] })
export class RegisterFilingModule {}
