import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { EscalateAnalysisProcessor } from './escalate-analysis.processor';

@Module({ providers: [EscalateAnalysisProcessor, RiskCommands] })
export class EscalateAnalysisModule {}
