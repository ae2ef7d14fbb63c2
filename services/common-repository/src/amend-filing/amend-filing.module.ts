import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { AmendFilingGrpcController } from './amend-filing.grpc-controller';
import { AmendFilingHandler } from './amend-filing.handler';

@Module({ controllers: [AmendFilingGrpcController], providers: [AmendFilingHandler, FilingCommands] })
export class AmendFilingModule {}
