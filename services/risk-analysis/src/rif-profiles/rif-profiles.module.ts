import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { RifProfilesProcessor } from './rif-profiles.processor';

@Module({ providers: [RifProfilesProcessor, RiskCommands] })
export class RifProfilesModule {}
