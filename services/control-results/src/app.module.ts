import { Module } from '@nestjs/common';
import { AuditSourceModule, auditableStream, EventSourcingModule, PlatformModule } from '@ics2/platform';
import { controlCaseDecider } from './domain/control-case.decider';
import { ConsultCasesModule } from './consult-cases/consult-cases.module';
import { ControlDecisionsModule } from './control-decisions/control-decisions.module';
import { CriteriaStatisticsModule } from './criteria-statistics/criteria-statistics.module';
import { CONTROL_RESULTS_SCHEMA } from './database/schema';
import { OpenControlCaseModule } from './open-control-case/open-control-case.module';
import { ControlCaseRow } from './read-models/control-cases/control-case.row';
import { ReadModelsSubscription } from './subscriptions/read-models.subscription';

/** One module per ability; the platform gives health, metrics, auth, errors, the event store and read models. */
@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: CONTROL_RESULTS_SCHEMA, entities: [ControlCaseRow] } }),
    OpenControlCaseModule,
    ControlDecisionsModule,
    ConsultCasesModule,
    CriteriaStatisticsModule,
    AuditSourceModule.forService({ streams: { control: auditableStream(controlCaseDecider) } }),
  ],
  providers: [ReadModelsSubscription],
})
export class AppModule {}
