import { Module } from '@nestjs/common';
import { ControlCommands } from '../doors/control-commands';
import { OpenControlCaseProcessor } from './open-control-case.processor';

@Module({ providers: [OpenControlCaseProcessor, ControlCommands] })
export class OpenControlCaseModule {}
