import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { AnalyseFilingHandler } from './analyse-filing.handler';
import { AnalyseFilingProcessor } from './analyse-filing.processor';
import { CriteriaChangedProcessor } from './criteria-changed.processor';

@Module({ providers: [AnalyseFilingHandler, AnalyseFilingProcessor, CriteriaChangedProcessor, RiskCommands] })
export class AnalyseFilingModule {}
