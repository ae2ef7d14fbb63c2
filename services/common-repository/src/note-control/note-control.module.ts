import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { NoteControlProcessor } from './note-control.processor';

@Module({ providers: [NoteControlProcessor, FilingCommands] })
export class NoteControlModule {}
