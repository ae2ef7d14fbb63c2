/**
 * IE3Q05 by MRN: reads the read model only (never the store, never the decider). A filing the caller may not see
 * is answered exactly like an unknown one. Linked filings are listed with their state; `visible` says whether the
 * caller may consult that filing itself.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ReadModelDatabase } from '@ics2/platform';
import { FilingViewRow } from '../read-models/filing-view/filing-view.row';

export interface ConsultedFiling {
  readonly row: FilingViewRow;
  readonly linked: readonly { readonly mrn: string; readonly level: string; readonly houseDocument: string; readonly state: string; readonly visible: boolean }[];
}

@Injectable()
export class ConsultFilingQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  async byMrn(mrn: string, eori: string): Promise<ConsultedFiling | null> {
    const rows = this.db.manager.getRepository(FilingViewRow);
    const row = await rows.createQueryBuilder('f').where('f.mrn = :mrn AND :eori = ANY(f.parties)', { mrn, eori }).getOne();
    if (!row) return null;
    const others = row.linked.length ? await rows.find({ where: { mrn: In(row.linked.map((l) => l.mrn)) }, select: { mrn: true, status: true, parties: true } }) : [];
    const byMrn = new Map(others.map((o) => [o.mrn, o]));
    return {
      row,
      linked: row.linked.map((l) => ({ ...l, state: byMrn.get(l.mrn)?.status ?? 'unknown', visible: byMrn.get(l.mrn)?.parties.includes(eori) ?? false })),
    };
  }
}
