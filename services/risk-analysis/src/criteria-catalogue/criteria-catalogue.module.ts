import { Global, Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { CriteriaCatalogue } from './criteria-catalogue';

/** The active criteria, for every ability that analyses or manages them. */
@Global()
@Module({ providers: [CriteriaCatalogue, RiskCommands], exports: [CriteriaCatalogue] })
export class CriteriaCatalogueModule {}
