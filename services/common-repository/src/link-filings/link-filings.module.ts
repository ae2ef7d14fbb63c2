import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { LinkFilingsGrpcController } from './link-filings.grpc-controller';
import { LinkFilingsHandler } from './link-filings.handler';
import { LinkFilingsProcessor } from './link-filings.processor';
import { LinkingTimerProcessor } from './linking-timer.processor';
import { LinkProposalsGrpcController } from './link-proposals.grpc-controller';
import { LinkProposalsQuery } from './link-proposals.query';

@Module({
  controllers: [LinkFilingsGrpcController, LinkProposalsGrpcController],
  providers: [LinkProposalsQuery, LinkFilingsHandler, LinkFilingsProcessor, LinkingTimerProcessor, FilingCommands],
})
export class LinkFilingsModule {}
