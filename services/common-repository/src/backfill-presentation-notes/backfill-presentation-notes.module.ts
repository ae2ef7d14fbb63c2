import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { BackfillPresentationNotesProcessor } from './backfill-presentation-notes.processor';

@Module({ providers: [BackfillPresentationNotesProcessor, FilingCommands] })
export class BackfillPresentationNotesModule {}
