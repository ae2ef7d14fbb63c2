/** IE3Q05 by transport document: the caller's filings whose master or house document is that number. */
import { Injectable } from '@nestjs/common';
import { ReadModelDatabase } from '@ics2/platform';
import { FilingViewRow } from '../read-models/filing-view/filing-view.row';

/** Enough for one operator's matches; a document number is shared by a master and its houses at most. */
const LIMIT = 500;

@Injectable()
export class FindFilingsQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  byTransportDocument(documentNumber: string, eori: string): Promise<FilingViewRow[]> {
    return this.db.manager
      .getRepository(FilingViewRow)
      .createQueryBuilder('f')
      .select(['f.mrn', 'f.lrn', 'f.status', 'f.filingType', 'f.level', 'f.registeredAt', 'f.masterDocument'])
      .where('(f.master_document = :doc OR :doc = ANY(f.house_documents)) AND :eori = ANY(f.parties)', { doc: documentNumber, eori })
      .orderBy('f.registered_at', 'ASC')
      .limit(LIMIT)
      .getMany();
  }
}
