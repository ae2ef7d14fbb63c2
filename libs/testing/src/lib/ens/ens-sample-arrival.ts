/**
 * IE3N06 samples: an arrival notification that matches filings in one of the three ways of reference 10, by a
 * list of MRNs, by the means of transport and its estimated arrival, or by master documents (air).
 */
import type { ArrivalNotification, EnsFiling } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import { AIRLINES, OFFICES_OF_FIRST_ENTRY } from './ens-sample-catalogue';
import { airWaybillNumber, sampleMrn } from './ens-sample-identifiers';
import { isoInstant } from './ens-sample-voyage';
import { sampleRandom } from './sample-random';

export type ArrivalMatching = 'mrns' | 'means-of-transport' | 'master-documents';

export interface SampleArrivalOptions {
  readonly seed?: number;
  /** How the notification names what arrived; default: by MRNs if `mrns` are given, by master documents if
   *  `masterDocuments` are, else by the means of transport. */
  readonly by?: ArrivalMatching;
  readonly mrns?: readonly string[];
  /** How many MRNs to draw when matching by MRNs without a list; default 1 to 3. */
  readonly mrnCount?: number;
  readonly masterDocuments?: readonly string[];
  /** The filings that arrived: their means of transport, master documents and office fill what is not given. */
  readonly filings?: readonly EnsFiling[];
  /** IMO number, aircraft registration, plate or train number. */
  readonly meansOfTransportId?: string;
  readonly flightNumber?: string;
  readonly estimatedArrival?: string;
  readonly actualArrival?: string;
  /** The office of the first EU place of arrival; default: the filings' office of first entry. */
  readonly office?: string;
}

const MINUTE = 60_000;

function masterDocumentsOf(filings: readonly EnsFiling[]): string[] {
  const numbers = filings.flatMap((filing) => [
    filing.consignmentMasterLevel?.transportDocumentMasterLevel?.documentNumber,
    ...houseConsignmentsOf(filing).map((house) => house.transportDocumentMasterLevel?.documentNumber),
  ]);
  return numbers.filter((n, i): n is string => n !== undefined && numbers.indexOf(n) === i);
}

export function sampleArrival(options: SampleArrivalOptions = {}): ArrivalNotification {
  const random = sampleRandom(options.seed ?? 1);
  const filings = options.filings ?? [];
  const by: ArrivalMatching =
    options.by ?? (options.mrns ? 'mrns' : options.masterDocuments ? 'master-documents' : 'means-of-transport');
  const office =
    options.office ?? filings[0]?.customsOfficeOfFirstEntry.referenceNumber ?? random.pick(Object.values(OFFICES_OF_FIRST_ENTRY));
  const means = filings.map((f) => f.activeBorderTransportMeans).find((m) => m?.identificationNumber !== undefined);
  const defaultEstimate = Date.parse('2025-04-01T00:00:00Z') + random.int(0, 240 * 24 * 60) * MINUTE;
  const estimated = options.estimatedArrival ?? means?.estimatedDateAndTimeOfArrival ?? isoInstant(defaultEstimate);
  const actual = options.actualArrival ?? isoInstant(Date.parse(estimated) + random.int(-20, 75) * MINUTE);
  const base = { actualDateAndTimeOfArrival: actual, customsOfficeOfActualFirstEntry: { referenceNumber: office } };

  switch (by) {
    case 'mrns': {
      const mrns =
        options.mrns ??
        Array.from({ length: options.mrnCount ?? random.int(1, 3) }, () => sampleMrn(office.slice(0, 2), actual, random));
      return { ...base, mrns };
    }
    case 'master-documents': {
      const given = options.masterDocuments ?? masterDocumentsOf(filings);
      const documents = given.length > 0 ? given : [airWaybillNumber(random.pick(AIRLINES).awbPrefix, random)];
      return { ...base, masterTransportDocuments: documents.map((documentNumber) => ({ documentNumber })) };
    }
    case 'means-of-transport': {
      const airline = random.pick(AIRLINES);
      const identificationNumber = options.meansOfTransportId ?? means?.identificationNumber ?? random.pick(airline.registrations);
      const flight = options.flightNumber ?? means?.conveyanceReferenceNumber;
      const conveyanceReferenceNumber =
        flight ?? (means ? undefined : `${airline.iata}${random.int(airline.flightNumbers[0], airline.flightNumbers[1])}`);
      return {
        ...base,
        activeBorderTransportMeans: {
          identificationNumber,
          ...(conveyanceReferenceNumber ? { conveyanceReferenceNumber } : {}),
          estimatedDateAndTimeOfArrival: estimated,
        },
      };
    }
    default: {
      const unreachable: never = by;
      throw new Error(`sampleArrival: unknown matching ${String(unreachable)}`);
    }
  }
}
