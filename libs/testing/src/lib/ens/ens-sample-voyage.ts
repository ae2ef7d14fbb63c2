/**
 * The journey of a sample: carrier, means of transport, route, office of first entry and dates, per mode. Air
 * picks an airline (or integrator) and one of its flights; sea a shipping line on a trade lane; road and rail a
 * land border crossing; inland waterways the Danube from Izmail to Galati.
 */
import type { FilingTypeRow, TransportMode } from '@ics2/domain';
import type { Party } from '@ics2/contracts';
import {
  AIRLINES,
  type AirCarrier,
  type CatalogueCarrier,
  EXPRESS_CARRIERS,
  type LandCarrier,
  OFFICES_OF_FIRST_ENTRY,
  RAIL_CARRIERS,
  RAIL_ROUTES,
  RIVER_CARRIERS,
  ROAD_CARRIERS,
  ROAD_ROUTES,
  SEA_ROUTES,
  SHIPPING_LINES,
  type ShippingLine,
} from './ens-sample-catalogue';
import { airWaybillNumber, eoriFor, imoNumber } from './ens-sample-identifiers';
import type { SampleFilingOptions } from './ens-sample-options';
import { carrierParty } from './ens-sample-parties';
import type { SampleRandom } from './sample-random';

/** CL018 by mode of the filing-types table. Postal and express flights are '4', air. */
export const MODE_OF_TRANSPORT_CODES: Readonly<Record<TransportMode, string>> = {
  maritime: '1',
  rail: '2',
  road: '3',
  air: '4',
  'inland-waterway': '8',
};

/**
 * CL750 type of identification of the means of transport, as NCTS and ICS2 use it ([U] the reference names the
 * code list, not its values): 10 IMO number, 21 train number, 30 road vehicle registration, 41 aircraft
 * registration, 80 ENI (European vessel identification number).
 */
export const IDENTIFICATION_TYPES: Readonly<Record<TransportMode, string>> = {
  maritime: '10',
  'inland-waterway': '80',
  rail: '21',
  road: '30',
  air: '41',
};

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Default issue dates fall in the 240 days from here (R3 is live for every mode). */
const FIRST_DEFAULT_ISSUE = Date.parse('2025-04-01T00:00:00Z');

export const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const countryOfLocode = (locode: string): string => locode.slice(0, 2);

export interface Voyage {
  readonly carrier: Party;
  readonly carrierCompany: CatalogueCarrier;
  readonly loading: string;
  readonly unloading: string;
  /** Countries the means of transport passes, in order, first to last. */
  readonly routing: readonly string[];
  readonly office: string;
  readonly identificationNumber: string;
  readonly conveyanceReferenceNumber?: string;
  readonly nationality: string;
  /** Typical hours between lodging and departure, and between departure and arrival. */
  readonly leadHours: readonly [number, number];
  readonly transitHours: readonly [number, number];
  /** A master document number in the carrier's own format (AWB, B/L, CMR, CIM). */
  readonly masterDocumentNumber: () => string;
}

const unique = <T>(items: readonly T[]): T[] => items.filter((item, i) => items.indexOf(item) === i);

/** `#` a digit, `@` a letter. */
const fromPattern = (pattern: string, random: SampleRandom) =>
  [...pattern].map((c) => (c === '#' ? random.digits(1) : c === '@' ? random.letters(1) : c)).join('');

export function preferring<T>(items: readonly T[], wanted: (item: T) => boolean): readonly T[] {
  const matching = items.filter(wanted);
  return matching.length > 0 ? matching : items;
}

function airVoyage(row: FilingTypeRow, options: SampleFilingOptions, random: SampleRandom): Voyage {
  const pool = row.family === 'express' ? EXPRESS_CARRIERS : AIRLINES;
  const office = options.officeOfFirstEntry;
  const servesOffice = (locode: string) => office === undefined || OFFICES_OF_FIRST_ENTRY[locode] === office;
  // A given air waybill or carrier EORI names the airline; otherwise one that flies to the given office.
  const prefix = options.masterDocument?.slice(0, 3);
  const named = pool.filter(
    (a) => a.awbPrefix === prefix || (options.carrier !== undefined && eoriFor(a.eoriCountry, a.name) === options.carrier),
  );
  const airline: AirCarrier =
    named.length > 0 ? random.pick(named) : random.pick(preferring(pool, (a) => a.destinations.some(servesOffice)));
  const origin = random.pick(airline.origins);
  const destination = random.pick(preferring(airline.destinations, servesOffice));
  const [low, high] = airline.flightNumbers;
  return {
    carrier: carrierParty(airline, options.carrier),
    carrierCompany: airline,
    loading: origin,
    unloading: destination,
    routing: unique([origin, ...(airline.hub ? [airline.hub] : []), destination].map(countryOfLocode)),
    office: office ?? OFFICES_OF_FIRST_ENTRY[destination],
    identificationNumber: options.meansOfTransportId ?? random.pick(airline.registrations),
    conveyanceReferenceNumber: options.flightNumber ?? `${airline.iata}${String(random.int(low, high)).padStart(3, '0')}`,
    nationality: airline.nationality,
    leadHours: [2, 10],
    transitHours: airline.hub ? [14, 26] : [9, 15],
    masterDocumentNumber: () => airWaybillNumber(airline.awbPrefix, random),
  };
}

function seaVoyage(options: SampleFilingOptions, random: SampleRandom): Voyage {
  const office = options.officeOfFirstEntry;
  const servesOffice = (locode: string) => office === undefined || OFFICES_OF_FIRST_ENTRY[locode] === office;
  const route = random.pick(preferring(SEA_ROUTES, (r) => r.unloading.some(servesOffice)));
  const line: ShippingLine = random.pick(SHIPPING_LINES);
  const loading = random.pick(route.loading);
  const unloading = random.pick(preferring(route.unloading, servesOffice));
  return {
    carrier: carrierParty(line, options.carrier),
    carrierCompany: line,
    loading,
    unloading,
    routing: unique([loading, ...(route.transhipment ? [route.transhipment] : []), unloading].map(countryOfLocode)),
    office: office ?? OFFICES_OF_FIRST_ENTRY[unloading],
    identificationNumber: options.meansOfTransportId ?? imoNumber(random),
    conveyanceReferenceNumber: options.flightNumber ?? `${random.int(210, 549)}${random.pick(['W', 'E'])}`,
    nationality: random.pick(line.flags),
    // Deep-sea containers: the ENS is due 24 hours before loading (reference 11.2).
    leadHours: [30, 96],
    transitHours: [18 * 24, 38 * 24],
    masterDocumentNumber: () => `${line.scac}${random.digits(9)}`,
  };
}

function riverVoyage(options: SampleFilingOptions, random: SampleRandom): Voyage {
  const operator = random.pick(RIVER_CARRIERS);
  return {
    carrier: carrierParty(operator, options.carrier),
    carrierCompany: operator,
    loading: 'UAIZM',
    unloading: 'ROGAL',
    routing: ['UA', 'RO'],
    office: options.officeOfFirstEntry ?? OFFICES_OF_FIRST_ENTRY.ROGAL,
    identificationNumber: options.meansOfTransportId ?? fromPattern(operator.meansPattern, random),
    ...(options.flightNumber ? { conveyanceReferenceNumber: options.flightNumber } : {}),
    nationality: operator.nationality,
    leadHours: [3, 12],
    transitHours: [10, 30],
    masterDocumentNumber: () => `${operator.documentPrefix}${random.digits(8)}`,
  };
}

function landVoyage(mode: 'road' | 'rail', options: SampleFilingOptions, random: SampleRandom): Voyage {
  const routes = mode === 'road' ? ROAD_ROUTES : RAIL_ROUTES;
  const carriers: readonly LandCarrier[] = mode === 'road' ? ROAD_CARRIERS : RAIL_CARRIERS;
  const operator = random.pick(carriers);
  const route = random.pick(
    preferring(routes, (r) =>
      options.officeOfFirstEntry !== undefined
        ? r.office === options.officeOfFirstEntry
        : mode === 'rail' || countryOfLocode(r.loading) === operator.address.country,
    ),
  );
  const year = random.int(24, 25);
  return {
    carrier: carrierParty(operator, options.carrier),
    carrierCompany: operator,
    loading: route.loading,
    unloading: route.unloading,
    routing: unique([countryOfLocode(route.loading), ...route.via, countryOfLocode(route.unloading)]),
    office: options.officeOfFirstEntry ?? route.office,
    identificationNumber: options.meansOfTransportId ?? fromPattern(operator.meansPattern, random),
    ...(options.flightNumber ? { conveyanceReferenceNumber: options.flightNumber } : {}),
    nationality: operator.nationality,
    leadHours: mode === 'road' ? [2, 20] : [12, 60],
    transitHours: mode === 'road' ? [30, 80] : [14 * 24, 20 * 24],
    masterDocumentNumber: () =>
      mode === 'road' ? `${operator.documentPrefix}${year}${random.digits(6)}` : `${operator.documentPrefix}${random.digits(10)}`,
  };
}

export function voyageFor(row: FilingTypeRow, mode: TransportMode, options: SampleFilingOptions, random: SampleRandom): Voyage {
  switch (mode) {
    case 'air':
      return airVoyage(row, options, random);
    case 'maritime':
      return seaVoyage(options, random);
    case 'inland-waterway':
      return riverVoyage(options, random);
    case 'road':
    case 'rail':
      return landVoyage(mode, options, random);
    default: {
      const unreachable: never = mode;
      throw new Error(`no voyage for mode ${String(unreachable)}`);
    }
  }
}

export interface Dates {
  readonly issue: number;
  readonly departure: number;
  readonly arrival: number;
}

function parseInstant(name: string, value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`sampleFiling: ${name} "${value}" is not an ISO-8601 instant`);
  return ms;
}

export function datesFor(voyage: Voyage, options: SampleFilingOptions, random: SampleRandom): Dates {
  const lead = random.int(voyage.leadHours[0] * 60, voyage.leadHours[1] * 60) * MINUTE;
  const transit = random.int(voyage.transitHours[0] * 60, voyage.transitHours[1] * 60) * MINUTE;
  const givenIssue = options.documentIssueDate && parseInstant('documentIssueDate', options.documentIssueDate);
  const givenArrival = options.estimatedArrival && parseInstant('estimatedArrival', options.estimatedArrival);
  const defaultIssue = FIRST_DEFAULT_ISSUE + random.int(0, 240) * DAY + random.int(6 * 60, 22 * 60) * MINUTE;
  const issue = givenIssue || (givenArrival ? givenArrival - transit - lead : defaultIssue);
  const arrival = givenArrival || issue + lead + transit;
  if (arrival <= issue) {
    throw new Error(`sampleFiling: estimatedArrival ${options.estimatedArrival} is not after documentIssueDate ${isoInstant(issue)}`);
  }
  const departure = Math.min(issue + lead, issue + Math.floor((arrival - issue) / 2 / MINUTE) * MINUTE);
  return { issue, departure, arrival };
}

