/**
 * The risk subject: one flattened, pre-normalised view of a whole ENS, built once per analysis, which every
 * criterion then reads (criteria-engine.ts). An ENS is one complete filing, or a master-level filing with the
 * house-level filings that complete it (`members`); both give the same subject.
 *
 * Per house consignment, because a hit must say which house it concerns: each `houses` entry is one house
 * consignment with the ENS-level data folded in (means of transport, routing of the means of transport, places of
 * loading and unloading, carrier, the master filer), so a criterion reads one object. `ens` holds the ENS-level
 * data alone, for criteria that look at nothing else (criteria-engine.ts: "scope").
 *
 * Choices where the specs are silent:
 * - The same house document listed by a master and filed in a house-level filing is one consignment: its goods and
 *   parties come from the filing that gives the most (goods items, then HS codes), containers from all of them.
 * - Places of acceptance and delivery fall back to the consignor's and consignee's address countries when no
 *   place is given, as in PLACI data (7+1 has addresses, not places).
 * - A consignment's declarants are the filer of its own filing and the filer of the ENS head, when they differ.
 * - AEO: a consignment is AEO-operated when its declarant (either of the above) or the carrier holds AEO status.
 */
import {
  houseConsignmentsOf,
  type ConsistencyDifference,
  type EnsFiling,
  type HouseConsignment,
  type Party,
  type Place,
  type RiskAnalysisPhase,
} from '@ics2/contracts';
import { customsOfficeCountry, normaliseMemberStateCode, type CustomsOffice } from '@ics2/domain';
import { hsPrefixesOf, markersOf, massesOf } from './consignment-goods';
import type { CountryWhere, PartyRole } from './criterion';
import type { MissingDataMarker } from './missing-data.table';
import { normaliseIdentifier, type PartyCache, type RiskParty, riskParty } from './risk-party';
import { normalisedTokens } from './text-normalisation';

export { normaliseIdentifier, type RiskParty } from './risk-party';

export interface RiskSubjectContext {
  readonly mrn: string;
  readonly phase: RiskAnalysisPhase;
  /** The ENS's other filings: a master and its houses. */
  readonly members?: readonly EnsFiling[];
  /** The last EnsConsistencyChecked of the ENS, if any. */
  readonly consistency?: { readonly outcome: 'ok' | 'flagged'; readonly differences: readonly ConsistencyDifference[] } | null;
  /** EORIs holding AEO status. */
  readonly aeoOperators?: ReadonlySet<string>;
  /** From EnsResponsibilityAssigned; without it, the country of the office of first entry (the repository's rule). */
  readonly responsibleMemberState?: string;
}

export interface RiskTransportMeans {
  /** Identification number and conveyance reference, upper case, spaces, hyphens and dots removed. */
  readonly identifications: readonly string[];
  /** CL018. */
  readonly mode: string | null;
  readonly nationality: string | null;
}

export interface RiskConsignment {
  /** 'house': a house consignment with the ENS data folded in; 'ens': the ENS-level data alone. */
  readonly scope: 'house' | 'ens';
  readonly houseDocument: string | null;
  /** The filing type (CL742) of the filing that gave the consignment's data. */
  readonly filingType: string;
  readonly hsCodes: readonly string[];
  /** Every prefix (2 digits and longer) of every HS code, each once. */
  readonly hsPrefixes: readonly string[];
  /** Normalised, one per goods item. */
  readonly descriptions: readonly string[];
  /** ' d1 | d2 ': the descriptions joined for phrase search (a phrase never spans two items). */
  readonly descriptionText: string;
  readonly descriptionTokens: readonly string[];
  readonly descriptionTokenSet: ReadonlySet<string>;
  readonly countries: Readonly<Record<CountryWhere, readonly string[]>>;
  readonly parties: readonly RiskParty[];
  readonly transportMeans: RiskTransportMeans;
  readonly grossMassKg: number | null;
  readonly packages: number | null;
  /** Per goods item giving mass and packages; else the consignment's mass over its packages; else empty. */
  readonly massPerPackageKg: readonly number[];
  readonly containers: readonly string[];
  /** Flagged differences for this consignment or for the whole ENS. */
  readonly differences: readonly ConsistencyDifference[];
  readonly markers: readonly MissingDataMarker[];
  /** The declarant or the carrier is an AEO. */
  readonly aeo: boolean;
}

export interface RiskSubject {
  readonly mrn: string;
  readonly phase: RiskAnalysisPhase;
  readonly responsibleMemberState: string;
  readonly filingTypes: readonly string[];
  readonly consistency: 'ok' | 'flagged' | 'unchecked';
  readonly aeo: { readonly declarant: boolean; readonly carrier: boolean };
  readonly ens: RiskConsignment;
  readonly houses: readonly RiskConsignment[];
}

const EMPTY: readonly never[] = [];
const EMPTY_SET: ReadonlySet<string> = new Set();

const unique = <T>(items: readonly T[]): T[] => (items.length < 2 ? [...items] : [...new Set(items)]);

const upper = (value: string | undefined): string | null => (value ? value.trim().toUpperCase() : null);

function placeCountry(place: Place | undefined): string | null {
  if (!place) return null;
  if (place.unLocode) return place.unLocode.slice(0, 2).toUpperCase();
  return upper(place.address?.country);
}

const sameParty = (a: Party, b: Party) => a.identificationNumber === b.identificationNumber && a.name === b.name;

function transportMeansOf(filings: readonly EnsFiling[]): RiskTransportMeans {
  const means = filings.find((f) => f.activeBorderTransportMeans?.identificationNumber)?.activeBorderTransportMeans ?? filings[0].activeBorderTransportMeans;
  const identifications = [means?.identificationNumber, means?.conveyanceReferenceNumber]
    .filter((id): id is string => typeof id === 'string' && id.length > 0)
    .map(normaliseIdentifier);
  return { identifications: unique(identifications), mode: means?.modeOfTransport ?? null, nationality: upper(means?.nationality) };
}

interface HouseSource {
  readonly filing: EnsFiling;
  readonly house: HouseConsignment;
}

/** Houses of all filings, one group per house document (a house without one is a group of its own). */
function groupHouses(filings: readonly EnsFiling[]): HouseSource[][] {
  const groups = new Map<string, HouseSource[]>();
  filings.forEach((filing, f) =>
    houseConsignmentsOf(filing).forEach((house, h) => {
      const key = house.transportDocumentHouseLevel?.documentNumber ?? `#${f}/${h}`;
      const group = groups.get(key);
      if (group) group.push({ filing, house });
      else groups.set(key, [{ filing, house }]);
    }),
  );
  return [...groups.values()];
}

const fullness = ({ house }: HouseSource) => {
  const items = house.goodsItem ?? EMPTY;
  return (items.length > 0 ? 2 : 0) + (items.some((item) => item.commodity.commodityCode) ? 1 : 0);
};

function primaryOf(group: readonly HouseSource[]): HouseSource {
  let best = group[0];
  for (const source of group) if (fullness(source) > fullness(best)) best = source;
  return best;
}

function countriesOf(parts: Omit<Record<CountryWhere, readonly (string | null)[]>, 'any'>): Record<CountryWhere, readonly string[]> {
  const clean = (list: readonly (string | null)[]) => unique(list.filter((c): c is string => c !== null));
  const routing = clean(parts.routing);
  const acceptance = clean(parts.acceptance);
  const loading = clean(parts.loading);
  const unloading = clean(parts.unloading);
  const delivery = clean(parts.delivery);
  return { routing, acceptance, loading, unloading, delivery, any: unique([...routing, ...acceptance, ...loading, ...unloading, ...delivery]) };
}

interface EnsParts {
  readonly head: EnsFiling;
  readonly master: EnsFiling | undefined;
  readonly transportMeans: RiskTransportMeans;
  readonly meansRouting: readonly string[];
  readonly carrier: Party | undefined;
  readonly carrierEori: string | null;
  readonly phase: RiskAnalysisPhase;
  readonly aeo: (eori: string | null | undefined) => boolean;
  readonly differences: readonly ConsistencyDifference[];
  readonly parties: PartyCache;
}

function houseConsignment(group: readonly HouseSource[], ens: EnsParts): RiskConsignment {
  const { filing, house } = primaryOf(group);
  const masterLevel = ens.master?.consignmentMasterLevel;
  const items = house.goodsItem ?? EMPTY;
  const hsCodes = unique(
    items.map((item) => item.commodity.commodityCode?.harmonizedSystemSubHeadingCode).filter((code): code is string => Boolean(code)).map((code) => code.replace(/\D/g, '')),
  );
  const descriptions = items.map((item) => normalisedTokens(item.commodity.descriptionOfGoods ?? '').join(' '));
  const descriptionTokens = unique(descriptions.flatMap((d) => (d.length > 0 ? d.split(' ') : [])));
  const masses = massesOf(house);
  const houseDocument = house.transportDocumentHouseLevel?.documentNumber ?? null;

  const parties: RiskParty[] = [];
  const add = (role: PartyRole, party: Party | undefined) => {
    if (party && (party.name || party.identificationNumber)) parties.push(riskParty(role, party, ens.parties));
  };
  add('consignor', house.consignor);
  add('consignee', house.consignee);
  add('notify', house.notifyParty);
  add('buyer', house.goodsShipment?.buyer);
  add('seller', house.goodsShipment?.seller);
  add('declarant', filing.declarant);
  if (!sameParty(filing.declarant, ens.head.declarant)) add('declarant', ens.head.declarant);
  add('representative', filing.representative);
  add('carrier', ens.carrier ?? house.carrier);

  const consignorCountry = upper(house.consignor?.address?.country);
  const consigneeCountry = upper(house.consignee?.address?.country);
  const acceptance = [placeCountry(house.placeOfAcceptance), placeCountry(masterLevel?.placeOfAcceptance)].filter(Boolean);
  const delivery = [placeCountry(house.placeOfDelivery), placeCountry(masterLevel?.placeOfDelivery)].filter(Boolean);
  const carrierEori = ens.carrierEori ?? (house.carrier?.identificationNumber ? normaliseIdentifier(house.carrier.identificationNumber) : null);
  const declarantEoris = [filing.declarant.identificationNumber, ens.head.declarant.identificationNumber];

  return {
    scope: 'house',
    houseDocument,
    filingType: filing.specificCircumstanceIndicator,
    hsCodes,
    hsPrefixes: hsPrefixesOf(hsCodes),
    descriptions,
    descriptionText: ` ${descriptions.join(' | ')} `,
    descriptionTokens,
    descriptionTokenSet: new Set(descriptionTokens),
    countries: countriesOf({
      routing: [...ens.meansRouting, ...(house.countriesOfRoutingOfConsignment ?? EMPTY).map((r) => upper(r.country))],
      acceptance: acceptance.length > 0 ? acceptance : [consignorCountry],
      loading: [placeCountry(masterLevel?.placeOfLoading)],
      unloading: [placeCountry(masterLevel?.placeOfUnloading)],
      delivery: delivery.length > 0 ? delivery : [consigneeCountry],
    }),
    parties,
    transportMeans: ens.transportMeans,
    ...masses,
    containers: unique(group.flatMap((source) => (source.house.transportEquipment ?? EMPTY).map((t) => normaliseIdentifier(t.containerIdentificationNumber)))),
    differences: ens.differences.filter((d) => !d.houseDocument || d.houseDocument === houseDocument),
    markers: markersOf(house, ens.phase, masses),
    aeo: declarantEoris.some(ens.aeo) || ens.aeo(carrierEori),
  };
}

function ensConsignment(ens: EnsParts): RiskConsignment {
  const masterLevel = ens.master?.consignmentMasterLevel;
  const parties: RiskParty[] = [riskParty('declarant', ens.head.declarant, ens.parties)];
  if (ens.head.representative) parties.push(riskParty('representative', ens.head.representative, ens.parties));
  if (ens.carrier) parties.push(riskParty('carrier', ens.carrier, ens.parties));
  return {
    scope: 'ens',
    houseDocument: null,
    filingType: ens.head.specificCircumstanceIndicator,
    hsCodes: EMPTY,
    hsPrefixes: EMPTY,
    descriptions: EMPTY,
    descriptionText: '  ',
    descriptionTokens: EMPTY,
    descriptionTokenSet: EMPTY_SET,
    countries: countriesOf({
      routing: ens.meansRouting,
      acceptance: [placeCountry(masterLevel?.placeOfAcceptance)],
      loading: [placeCountry(masterLevel?.placeOfLoading)],
      unloading: [placeCountry(masterLevel?.placeOfUnloading)],
      delivery: [placeCountry(masterLevel?.placeOfDelivery)],
    }),
    parties,
    transportMeans: ens.transportMeans,
    grossMassKg: masterLevel?.totalGrossMass ?? null,
    packages: null,
    massPerPackageKg: EMPTY,
    containers: EMPTY,
    differences: ens.differences.filter((d) => !d.houseDocument),
    markers: EMPTY,
    aeo: ens.aeo(ens.head.declarant.identificationNumber) || ens.aeo(ens.carrierEori),
  };
}

/** The risk subject of the ENS `filing` heads (with its `members`), for one analysis phase. */
/** The house transport documents of the subject, each once (a house listed twice is one consignment here). */
export const houseDocumentsOf = (subject: RiskSubject): string[] => subject.houses.map((h) => h.houseDocument).filter((d): d is string => d !== null);

export function riskSubjectOf(filing: EnsFiling, context: RiskSubjectContext): RiskSubject {
  const filings = [filing, ...(context.members ?? EMPTY)];
  const master = filings.find((f) => f.consignmentMasterLevel !== undefined);
  const transportMeans = transportMeansOf(filings);
  const meansFiling = filings.find((f) => (f.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport ?? EMPTY).length > 0);
  const meansRouting = (meansFiling?.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport ?? EMPTY)
    .slice()
    .sort((a, b) => a.sequenceNumber - b.sequenceNumber)
    .map((r) => r.country.toUpperCase());
  const carrier = master?.consignmentMasterLevel?.carrier;
  const houseCarrier = filings.flatMap((f) => houseConsignmentsOf(f)).find((h) => h.carrier?.identificationNumber)?.carrier;
  const carrierId = carrier?.identificationNumber ?? houseCarrier?.identificationNumber;
  const aeoOperators = context.aeoOperators ?? EMPTY_SET;
  const aeo = (eori: string | null | undefined) => typeof eori === 'string' && aeoOperators.size > 0 && (aeoOperators.has(eori) || aeoOperators.has(normaliseIdentifier(eori)));
  const consistency = context.consistency ?? null;
  const ens: EnsParts = {
    head: filing,
    master,
    transportMeans,
    meansRouting,
    carrier: carrier ?? houseCarrier,
    carrierEori: carrierId ? normaliseIdentifier(carrierId) : null,
    phase: context.phase,
    aeo,
    differences: consistency?.outcome === 'flagged' ? consistency.differences : EMPTY,
    parties: new Map(),
  };
  const responsibleMemberState =
    context.responsibleMemberState !== undefined
      ? normaliseMemberStateCode(context.responsibleMemberState)
      : normaliseMemberStateCode(customsOfficeCountry(filing.customsOfficeOfFirstEntry.referenceNumber as CustomsOffice));
  // A filing with no house consignment at all (a master listing containers only) is analysed as one, empty.
  const grouped = groupHouses(filings);
  const groups = grouped.length > 0 ? grouped : [[{ filing, house: {} }]];
  return {
    mrn: context.mrn,
    phase: context.phase,
    responsibleMemberState,
    filingTypes: unique(filings.map((f) => f.specificCircumstanceIndicator)),
    consistency: consistency === null ? 'unchecked' : consistency.outcome,
    aeo: { declarant: aeo(filing.declarant.identificationNumber), carrier: aeo(ens.carrierEori) },
    ens: ensConsignment(ens),
    houses: groups.map((group) => houseConsignment(group, ens)),
  };
}
