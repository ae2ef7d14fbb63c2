import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { ExpireFilingProcessor } from './expire-filing.processor';

@Module({ providers: [ExpireFilingProcessor, FilingCommands] })
export class ExpireFilingModule {}
