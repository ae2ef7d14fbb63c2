/**
 * A shipment drawn from a seed: the journey, the parties, the documents and the goods, before any filing type
 * decides which of them it carries (ens-sample-filing.ts renders that). Drafting once and rendering per filing
 * type is what makes the scenario filings agree: an F23 master and its F24 houses are two views of one draft.
 */
import type { ActiveBorderTransportMeans, GoodsItem, Packaging, Party, Place, Representative, TransportDocument } from '@ics2/contracts';
import type { FilingTypeRow, TransportDocumentType, TransportMode } from '@ics2/domain';
import {
  type AirCarrier,
  CUSTOMS_BROKERS,
  type CatalogueCompany,
  type CatalogueGoods,
  EXPORTERS,
  FORWARDERS,
  GOODS,
  IMPORTERS,
  PARCEL_PACKAGE_TYPES,
  POSTAL_OPERATORS,
  PRIVATE_PERSONS,
  PRODUCT_LINES,
  type ShippingLine,
  WEB_SHOPS,
} from './ens-sample-catalogue';
import { containerNumber, lrnFor, postalItemId } from './ens-sample-identifiers';
import type { SampleFilingOptions } from './ens-sample-options';
import { companyParty, euCompanyParty, personParty, placeOfParty } from './ens-sample-parties';
import {
  countryOfLocode,
  datesFor,
  IDENTIFICATION_TYPES,
  isoInstant,
  MINUTE,
  MODE_OF_TRANSPORT_CODES,
  preferring,
  type Voyage,
  voyageFor,
} from './ens-sample-voyage';
import { type SampleRandom, sampleRandom } from './sample-random';

export interface HouseDraft {
  readonly houseDocument?: TransportDocument;
  /** Who files (house level) or is expected to file (master level) this house. */
  readonly filer: Party;
  readonly filerCode: string;
  readonly consignor: Party;
  readonly consignee: Party;
  readonly notifyParty: Party;
  readonly placeOfAcceptance: Place;
  readonly placeOfDelivery: Place;
  /** In full, with HS codes; PLACI renderings leave the codes out. */
  readonly goods: readonly GoodsItem[];
  /** When it is not the sum of the goods items (copied from another filing). */
  readonly totalGrossMass?: number;
  readonly containers: readonly string[];
  readonly postalCharges: { readonly value: number; readonly currency: string };
  readonly methodOfPayment: string;
  /** When a house-level filing of this house is lodged (after its master). */
  readonly issueDate: string;
  readonly seed: number;
}

export interface ShipmentDraft {
  readonly seed: number;
  readonly issueDate: string;
  readonly lrn?: string;
  readonly declarant: Party;
  readonly declarantCode: string;
  readonly representative?: Representative;
  readonly carrier: Party;
  readonly office: string;
  readonly masterDocument: TransportDocument;
  readonly placeOfLoading: string;
  readonly placeOfUnloading: string;
  /** Full, with its routing; house-level renderings keep only the mode. */
  readonly transportMeans: ActiveBorderTransportMeans;
  readonly houses: readonly HouseDraft[];
  /** Conditional groups the options asked for. */
  readonly containers: boolean;
  readonly notifyParty: boolean;
  readonly places: boolean;
  readonly hrcmScreening: boolean;
  readonly houseDocuments: boolean;
  /** Master-level lists name each house's expected filer (supplementaryDeclarant). */
  readonly namesHouseFilers: boolean;
}

/** The HS subheading the catalogue gives a description, or one drawn for an unknown description. */
export function hsCodeFor(description: string, random: SampleRandom): string {
  return GOODS.find((goods) => goods.description === description)?.hs ?? random.pick(GOODS).hs;
}

/** Who lodges a filing of this row by default: the carrier at master and complete level, else the house's filer. */
function defaultDeclarant(row: FilingTypeRow, voyage: Voyage, random: SampleRandom, ecommerce: boolean) {
  // An integrator files for its own house waybills too (F32: "the express carrier gives the 7+1").
  if (row.family === 'express') return voyage.carrierCompany;
  if (row.level === 'house') {
    if (row.family === 'postal') return random.pick(POSTAL_OPERATORS);
    if (ecommerce) return random.pick(FORWARDERS.filter((f) => ['EPL', 'LCF'].includes(f.code)));
    if (row.code === 'F17') return random.pick(IMPORTERS);
    return random.pick(FORWARDERS);
  }
  if (row.family === 'postal' && row.level === 'complete') return random.pick(POSTAL_OPERATORS);
  return voyage.carrierCompany;
}

/** Packages, mass and marks of one goods item. */
function goodsItem(
  goods: CatalogueGoods,
  number: number,
  mode: TransportMode,
  parcel: boolean,
  marks: string | undefined,
  random: SampleRandom,
): GoodsItem {
  const packages = parcel
    ? 1
    : goods.packageType === 'PX'
      ? random.int(1, 24)
      : mode === 'maritime' || mode === 'inland-waterway'
        ? random.int(40, 900)
        : mode === 'air'
          ? random.int(1, 60)
          : mode === 'road'
            ? random.int(10, 120)
            : random.int(20, 400);
  const mass = parcel
    ? random.decimal(0.12, 2.8, 2)
    : Math.round(packages * random.decimal(goods.kgPerPackage[0], goods.kgPerPackage[1], 2) * 10) / 10;
  const packaging: Packaging = {
    ...(marks ? { shippingMarks: marks } : {}),
    numberOfPackages: packages,
    typeOfPackages: parcel ? random.pick(PARCEL_PACKAGE_TYPES) : goods.packageType,
  };
  return {
    goodsItemNumber: number,
    commodity: { descriptionOfGoods: goods.description, commodityCode: { harmonizedSystemSubHeadingCode: goods.hs } },
    weight: { grossMass: mass },
    packaging: [packaging],
  };
}

/** Mass sums kept to 3 decimals, so they stay canonical n..16,6 decimals. */
export const sumMasses = (masses: readonly number[]): number =>
  Math.round(masses.reduce((total, mass) => total + mass, 0) * 1000) / 1000;

export const houseMass = (goods: readonly GoodsItem[]): number => sumMasses(goods.map((item) => item.weight?.grossMass ?? 0));

function houseDocumentNumber(
  type: TransportDocumentType,
  filerCode: string,
  voyage: Voyage,
  consignorCountry: string,
  random: SampleRandom,
): string {
  const air = voyage.carrierCompany as Partial<AirCarrier>;
  switch (type) {
    case 'N703':
      if (air.houseWaybill === 'dhl') return random.digits(10);
      if (air.houseWaybill === 'ups') return `1Z${random.alphanumerics(6)}${random.pick(['01', '04', '66'])}${random.digits(8)}`;
      if (air.houseWaybill === 'fedex') return random.digits(12);
      return `${filerCode}${random.digits(8)}`;
    case 'N714':
      return `${filerCode}${voyage.loading.slice(2)}${random.digits(7)}`;
    case 'N750':
      return postalItemId(random.pick(['LX', 'LY', 'RB', 'CP', 'UA']), consignorCountry, random);
    case 'N730':
      return `CMR${voyage.loading.slice(0, 2)}${random.digits(8)}`;
    case 'N720':
      return `CIM${random.digits(10)}`;
    default:
      return `${filerCode}${random.digits(9)}`;
  }
}

/** Spreads the containers over the houses: each house gets at least one, and every container is used. */
function containersOfHouse(containers: readonly string[], houseCount: number, house: number): readonly string[] {
  if (containers.length === 0) return [];
  if (containers.length < houseCount) return [containers[house % containers.length]];
  return containers.filter((_, j) => j % houseCount === house);
}

function defaultHouseCount(row: FilingTypeRow, random: SampleRandom): number {
  if (row.houseDocumentTypes.length === 0) return 1;
  if (row.level === 'house') return 1;
  if (row.level === 'master') return random.int(2, 4);
  return row.family === 'postal' ? random.int(1, 4) : random.int(1, 3);
}

function checkOptions(row: FilingTypeRow, mode: TransportMode, options: SampleFilingOptions): void {
  if (!row.modes.includes(mode)) throw new Error(`sampleFiling: ${row.code} is not filed for mode ${mode}`);
  if (options.masterDocumentType && !row.masterDocumentTypes.includes(options.masterDocumentType)) {
    throw new Error(`sampleFiling: ${row.code} does not take master document type ${options.masterDocumentType}`);
  }
  if (options.houses !== undefined && (!Number.isInteger(options.houses) || options.houses < 1)) {
    throw new Error('sampleFiling: houses must be a whole number from 1');
  }
  if (options.goodsItems !== undefined && (!Number.isInteger(options.goodsItems) || options.goodsItems < 1)) {
    throw new Error('sampleFiling: goodsItems must be a whole number from 1');
  }
}

interface HouseContext {
  readonly row: FilingTypeRow;
  readonly options: SampleFilingOptions;
  readonly mode: TransportMode;
  readonly voyage: Voyage;
  readonly parcel: boolean;
  readonly declarant: Party;
  readonly declarantCompany: CatalogueCompany;
  readonly houseCount: number;
  readonly containers: readonly string[];
  readonly defaultFilers: readonly CatalogueCompany[];
  readonly marksWanted: boolean | string;
  readonly issueOf: (house: number) => string;
}

/** One house consignment: its parties, goods, documents and containers, from its own random stream. */
function draftHouse(context: HouseContext, i: number, r: SampleRandom, seed: number): HouseDraft {
  const { row, options, mode, voyage, parcel, declarant, declarantCompany, houseCount, containers, defaultFilers, marksWanted, issueOf } = context;
  const loadingCountry = countryOfLocode(voyage.loading);
  const consignorPool = parcel ? WEB_SHOPS : EXPORTERS;
  const consignorCompany = r.pick(preferring(consignorPool, (c) => c.address.country === loadingCountry));
  const consignor = companyParty(consignorCompany);
  // F17 is lodged by the buyer itself (the next filing party, reference 6.1): the consignee files.
  const consigneeCompany = row.code === 'F17' ? declarantCompany : parcel ? undefined : r.pick(IMPORTERS);
  const consignee =
    row.code === 'F17' ? declarant : consigneeCompany ? euCompanyParty(consigneeCompany) : personParty(r.pick(PRIVATE_PERSONS));
  const consigneeCountry = consignee.address?.country ?? 'DE';
  const broker = FORWARDERS.find((f) => f.address.country === consigneeCountry);
  const notifyParty = broker ? euCompanyParty(broker) : consignee;
  const filerCompany = row.level === 'house' ? declarantCompany : defaultFilers[i % defaultFilers.length];
  const expected = options.expectedHouseFilers?.[i];
  const filer =
    row.level === 'house'
      ? declarant
      : filerCompany === voyage.carrierCompany
        ? { ...voyage.carrier, identificationNumber: expected ?? voyage.carrier.identificationNumber }
        : euCompanyParty(filerCompany, expected);
  const marks =
    typeof marksWanted === 'string'
      ? marksWanted
      : marksWanted
        ? `${(consigneeCompany?.code ?? 'PRV')} ${(consignee.address?.city ?? '').toUpperCase()} PO ${r.digits(5)}`
        : undefined;
  const itemCount = options.goodsItems ?? r.int(1, parcel ? 3 : 4);
  const line = PRODUCT_LINES[consignorCompany.code];
  const catalogue = preferring(
    parcel ? GOODS.filter((g) => g.parcel) : GOODS,
    (g) => line === undefined || line.includes(g.hs.slice(0, 2)),
  );
  const goods = r
    .sample(catalogue, itemCount)
    .concat(Array.from({ length: Math.max(0, itemCount - catalogue.length) }, () => r.pick(catalogue)))
    .map((entry, j) => goodsItem(entry, j + 1, mode, parcel, marks, r));
  const houseType = row.houseDocumentTypes[0];
  const houseDocument: TransportDocument | undefined = houseType
    ? {
        documentNumber:
          options.houseDocuments?.[i] ??
          houseDocumentNumber(houseType, filerCompany.code, voyage, consignor.address?.country ?? loadingCountry, r),
        type: houseType,
      }
    : undefined;
  return {
    ...(houseDocument ? { houseDocument } : {}),
    filer,
    filerCode: filerCompany.code,
    consignor,
    consignee,
    notifyParty,
    placeOfAcceptance: placeOfParty(consignor),
    placeOfDelivery: placeOfParty(consignee),
    goods,
    containers: containersOfHouse(containers, houseCount, i),
    postalCharges: { value: r.decimal(1.8, 24, 2), currency: r.pick(['EUR', 'USD', 'CNY']) },
    methodOfPayment: r.pick(['Y', 'H', 'D']),
    issueDate: issueOf(i),
    seed,
  };
}

export function draftShipment(row: FilingTypeRow, options: SampleFilingOptions = {}): ShipmentDraft {
  const seed = (options.seed ?? 1) >>> 0;
  const mode = options.modeOfTransport ?? row.mode;
  checkOptions(row, mode, options);
  const random = sampleRandom(seed);
  const voyage = voyageFor(row, mode, options, random.fork('voyage'));
  const dates = datesFor(voyage, options, random.fork('dates'));
  const parcel = options.ecommerce ?? (row.family === 'postal' || (row.family === 'express' && random.chance(0.5)));

  const parties = random.fork('parties');
  const byDefault = defaultDeclarant(row, voyage, parties, parcel);
  // A declarant EORI other than the carrier's names someone lodging for the carrier: a forwarder.
  const declarantCompany =
    byDefault === voyage.carrierCompany && options.declarant !== undefined && options.declarant !== voyage.carrier.identificationNumber
      ? parties.pick(FORWARDERS)
      : byDefault;
  const declarant =
    declarantCompany === voyage.carrierCompany ? voyage.carrier : euCompanyParty(declarantCompany, options.declarant);
  if (options.representative !== undefined && options.representative === declarant.identificationNumber) {
    throw new Error('sampleFiling: the representative must differ from the declarant');
  }
  const representative: Representative | undefined = options.representative
    ? { ...euCompanyParty(parties.pick(CUSTOMS_BROKERS), options.representative), status: parties.pick(['2', '3']) }
    : undefined;

  const houseCount =
    row.houseDocumentTypes.length === 0
      ? 1
      : (options.houses ?? options.houseDocuments?.length ?? options.expectedHouseFilers?.length ?? defaultHouseCount(row, random.fork('houses')));
  const masterType = options.masterDocumentType ?? row.masterDocumentTypes[0];
  const masterDocument: TransportDocument = {
    documentNumber: options.masterDocument ?? voyage.masterDocumentNumber(),
    type: masterType,
  };

  const containersWanted = options.containers !== undefined && options.containers !== false;
  const containerRandom = random.fork('containers');
  const containerOwner = (voyage.carrierCompany as Partial<ShippingLine>).containerOwnerCodes ?? ['TGH', 'TCL', 'SEG'];
  const containers: readonly string[] = Array.isArray(options.containers)
    ? options.containers
    : containersWanted
      ? Array.from({ length: houseCount === 1 ? containerRandom.int(1, 3) : containerRandom.int(1, houseCount) }, () =>
          containerNumber(containerRandom.pick(containerOwner), containerRandom),
        )
      : [];
  const houseFilers = random.fork('house-filers');
  const filerPool = row.family === 'postal' ? POSTAL_OPERATORS : FORWARDERS;
  const defaultFilers =
    row.family === 'express' ? [voyage.carrierCompany] : houseFilers.sample(filerPool, houseFilers.chance(0.25) ? 2 : 1);
  const houseStep = Math.max(MINUTE, Math.min(20 * MINUTE, Math.floor((dates.departure - dates.issue) / (houseCount + 1))));

  const context: HouseContext = {
    row, options, mode, voyage, parcel, declarant, declarantCompany, houseCount, containers, defaultFilers,
    marksWanted: options.shippingMarks ?? mode !== 'air',
    issueOf: (i) => isoInstant(dates.issue + (i + 1) * houseStep),
  };
  const houses = Array.from({ length: houseCount }, (_, i) =>
    draftHouse(context, i, random.fork(`house/${i}`), (seed + (i + 1) * 0x9e3779b9) >>> 0),
  );

  const transportMeans: ActiveBorderTransportMeans = {
    identificationNumber: voyage.identificationNumber,
    typeOfIdentification: IDENTIFICATION_TYPES[mode],
    nationality: voyage.nationality,
    modeOfTransport: MODE_OF_TRANSPORT_CODES[mode],
    ...(voyage.conveyanceReferenceNumber ? { conveyanceReferenceNumber: voyage.conveyanceReferenceNumber } : {}),
    estimatedDateAndTimeOfDeparture: isoInstant(dates.departure),
    estimatedDateAndTimeOfArrival: isoInstant(dates.arrival),
    countriesOfRoutingOfMeansOfTransport: voyage.routing.map((country, i) => ({ sequenceNumber: i + 1, country })),
  };

  return {
    seed,
    issueDate: isoInstant(dates.issue),
    ...(options.lrn ? { lrn: options.lrn } : {}),
    declarant,
    declarantCode: declarantCompany.code,
    ...(representative ? { representative } : {}),
    carrier: voyage.carrier,
    office: voyage.office,
    masterDocument,
    placeOfLoading: voyage.loading,
    placeOfUnloading: voyage.unloading,
    transportMeans,
    houses,
    containers: containersWanted,
    notifyParty: options.notifyParty ?? false,
    places: options.placesOfAcceptanceAndDelivery ?? false,
    hrcmScreening: options.hrcmScreening ?? false,
    houseDocuments: options.houseDocuments !== undefined || houseCount > 1,
    namesHouseFilers: options.expectedHouseFilers !== undefined,
  };
}

/** The draft's LRN, or one made from the filer's code, the issue date, the filing type and the seed. */
export const lrnOf = (draft: Pick<ShipmentDraft, 'lrn' | 'declarantCode' | 'issueDate' | 'seed'>, type: string): string =>
  draft.lrn ?? lrnFor(draft.declarantCode, draft.issueDate, type, draft.seed);
