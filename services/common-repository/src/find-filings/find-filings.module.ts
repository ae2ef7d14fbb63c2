import { Module } from '@nestjs/common';
import { FindFilingsGrpcController } from './find-filings.grpc-controller';
import { FindFilingsQuery } from './find-filings.query';

@Module({ controllers: [FindFilingsGrpcController], providers: [FindFilingsQuery] })
export class FindFilingsModule {}
