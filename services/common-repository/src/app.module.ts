import { Module } from '@nestjs/common';
import { AuditSourceModule, auditableStream, EventSourcingModule, eventsAsState, PlatformModule } from '@ics2/platform';
import { filingDecider } from './domain/filing.decider';
import { AmendFilingModule } from './amend-filing/amend-filing.module';
import { BackfillPresentationNotesModule } from './backfill-presentation-notes/backfill-presentation-notes.module';
import { ConsultFilingModule } from './consult-filing/consult-filing.module';
import { COMMON_REPOSITORY_SCHEMA } from './database/schema';
import { ExpireFilingModule } from './expire-filing/expire-filing.module';
import { FindFilingsModule } from './find-filings/find-filings.module';
import { InvalidateFilingModule } from './invalidate-filing/invalidate-filing.module';
import { LinkFilingsModule } from './link-filings/link-filings.module';
import { NoteControlModule } from './note-control/note-control.module';
import { NotifyArrivalModule } from './notify-arrival/notify-arrival.module';
import { FilingViewRow } from './read-models/filing-view/filing-view.row';
import { LinkProposalRow } from './read-models/filing-view/link-proposal.row';
import { RecordPresentationModule } from './record-presentation/record-presentation.module';
import { RegisterFilingModule } from './register-filing/register-filing.module';
import { ReadModelsSubscription } from './subscriptions/read-models.subscription';

/** One module per ability; the platform gives health, metrics, auth, errors, the event store and read models. */
@Module({
  imports: [
    PlatformModule,
    EventSourcingModule.forService({ readModels: { schema: COMMON_REPOSITORY_SCHEMA, entities: [FilingViewRow, LinkProposalRow] } }),
    RegisterFilingModule,
    AmendFilingModule,
    InvalidateFilingModule,
    NotifyArrivalModule,
    RecordPresentationModule,
    ConsultFilingModule,
    FindFilingsModule,
    LinkFilingsModule,
    ExpireFilingModule,
    NoteControlModule,
    BackfillPresentationNotesModule,
    AuditSourceModule.forService({ streams: { ens: auditableStream(filingDecider), arrival: eventsAsState } }),
  ],
  providers: [ReadModelsSubscription],
})
export class AppModule {}
