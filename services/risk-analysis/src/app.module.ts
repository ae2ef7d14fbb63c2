import { Module } from '@nestjs/common';
import { AuditSourceModule, auditableStream, EventSourcingModule, PlatformModule } from '@ics2/platform';
import { criterionLifecycleDecider } from './domain/criteria-lifecycle/criterion-lifecycle.decider';
import { riskDecider } from './domain/risk/risk.decider';
import { AnalyseFilingModule } from './analyse-filing/analyse-filing.module';
import { AnswerReferralModule } from './answer-referral/answer-referral.module';
import { ConsultAnalysesModule } from './consult-analyses/consult-analyses.module';
import { CriteriaCatalogueModule } from './criteria-catalogue/criteria-catalogue.module';
import { RISK_ANALYSIS_SCHEMA } from './database/schema';
import { EscalateAnalysisModule } from './escalate-analysis/escalate-analysis.module';
import { ManageCriteriaModule } from './manage-criteria/manage-criteria.module';
import { AnalysisRow } from './read-models/analyses/analysis.row';
import { EnsFilingRow } from './read-models/ens-filings/ens-filing.row';
import { RifProfilesModule } from './rif-profiles/rif-profiles.module';
import { RiskUnitDecisionsModule } from './risk-unit-decisions/risk-unit-decisions.module';
import { SIGNALS_FEED } from './signals/signals.feed';
import { SignalsModule } from './signals/signals.module';
import { ReadModelsSubscription } from './subscriptions/read-models.subscription';

/** One module per ability; the platform gives health, metrics, auth, errors, the event store and read models. */
@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: RISK_ANALYSIS_SCHEMA, entities: [EnsFilingRow, AnalysisRow] } }),
    CriteriaCatalogueModule,
    AnalyseFilingModule,
    EscalateAnalysisModule,
    RiskUnitDecisionsModule,
    AnswerReferralModule,
    ConsultAnalysesModule,
    ManageCriteriaModule,
    SignalsModule,
    RifProfilesModule,
    AuditSourceModule.forService({
      streams: { risk: auditableStream(riskDecider), criterion: auditableStream(criterionLifecycleDecider) },
      feeds: [{ feed: SIGNALS_FEED, kindColumn: 'kind', mrnColumn: 'mrn', sourceEventColumn: 'source_event_id' }],
    }),
  ],
  providers: [ReadModelsSubscription],
})
export class AppModule {}
