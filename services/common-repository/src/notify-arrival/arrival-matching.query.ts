/**
 * Which filings an arrival notification concerns (ics2-reference 10): by MRN list, by master transport documents,
 * or by means of transport and estimated arrival. Only filings the notifier may see match. Reads the read model
 * only; the houses linked to a matched master, which arrive with it, are the handler's to add, from the master's own
 * stream (notify-arrival.handler.ts).
 */
import { Injectable } from '@nestjs/common';
import type { ArrivalNotification } from '@ics2/contracts';
import { ReadModelDatabase } from '@ics2/platform';
import { FilingViewRow } from '../read-models/filing-view/filing-view.row';

/**
 * [U] A filing that ended (invalidated, rejected) declares no goods: matched by data (master documents, means of
 * transport) it is not the notifier's, so a refiled master's waybill arrives the refiled one alone, and one matching
 * nothing else matches nothing. An MRN the notification names is its notifier's to hear about: it gets IE3N07.
 */
const DECLARES_GOODS = "f.status NOT IN ('invalidated', 'rejected')";

/** [U] how far an estimated arrival may be from the one the filing declared: half a day either way. */
export const ARRIVAL_WINDOW_MS = 12 * 3_600_000;

export interface ArrivalMatch {
  /** Filings the arrival names or matches. */
  readonly mrns: readonly string[];
  /** MRNs the notification listed that name no filing the notifier may see. */
  readonly unknown: readonly string[];
}

@Injectable()
export class ArrivalMatchingQuery {
  constructor(private readonly db: ReadModelDatabase) {}

  async match(notification: ArrivalNotification, eori: string): Promise<ArrivalMatch> {
    const rows = this.db.manager.getRepository(FilingViewRow).createQueryBuilder('f').select(['f.mrn']).where(':eori = ANY(f.parties)', { eori });
    let found: FilingViewRow[];
    let unknown: string[] = [];
    if (notification.mrns) {
      found = await rows.andWhere('f.mrn = ANY(:mrns)', { mrns: [...notification.mrns] }).getMany();
      const seen = new Set(found.map((r) => r.mrn));
      unknown = notification.mrns.filter((m) => !seen.has(m));
    } else if (notification.masterTransportDocuments) {
      const docs = notification.masterTransportDocuments.map((d) => d.documentNumber);
      found = await rows.andWhere(`f.master_document = ANY(:docs) AND f.level <> 'house' AND ${DECLARES_GOODS}`, { docs }).getMany();
    } else {
      const means = notification.activeBorderTransportMeans ?? {};
      const id = means.identificationNumber ?? means.conveyanceReferenceNumber ?? '';
      const eta = Date.parse(means.estimatedDateAndTimeOfArrival ?? notification.actualDateAndTimeOfArrival);
      found = await rows
        .andWhere(`(f.transport_means = :id OR f.conveyance_reference = :id) AND f.estimated_arrival BETWEEN :from AND :to AND ${DECLARES_GOODS}`, {
          id,
          from: new Date(eta - ARRIVAL_WINDOW_MS),
          to: new Date(eta + ARRIVAL_WINDOW_MS),
        })
        .getMany();
    }
    return { mrns: [...new Set(found.map((r) => r.mrn))], unknown };
  }
}
