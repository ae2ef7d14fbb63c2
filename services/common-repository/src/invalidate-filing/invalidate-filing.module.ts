import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { InvalidateFilingGrpcController } from './invalidate-filing.grpc-controller';
import { InvalidateFilingHandler } from './invalidate-filing.handler';

@Module({ controllers: [InvalidateFilingGrpcController], providers: [InvalidateFilingHandler, FilingCommands] })
export class InvalidateFilingModule {}
