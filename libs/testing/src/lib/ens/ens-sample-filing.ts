/**
 * Renders a shipment draft as the ENS filing of one filing type, reading the filing-types table: the row's
 * `requiredGroups` always, its `conditionalGroups` when the options asked, at the place the contract header
 * (ens-filing.ts) gives each level:
 * - complete: `consignmentMasterLevel` with its house consignments in full;
 * - master: `consignmentMasterLevel` listing each house by its house document (and expected filer), no goods;
 *   F13 and F14, the carrier's halves of a layered maritime filing, carry their goods; the contract has no
 *   master-level containers, so F12 and F45 give them on the listed houses (F45, with no house documents, lists
 *   its containers only);
 * - house: `consignmentHouseLevel` at the top, each house naming the master document and the carrier (ULK).
 */
import type {
  ActiveBorderTransportMeans,
  ConsignmentMasterLevel,
  EnsFiling,
  GoodsItem,
  HouseConsignment,
  HrcmScreeningResult,
  RoutingCountry,
} from '@ics2/contracts';
import { type DataGroup, filingType, type FilingType, type FilingTypeRow } from '@ics2/domain';
import type { SampleFilingOptions } from './ens-sample-options';
import { countryOfPlace } from './ens-sample-parties';
import {
  draftShipment,
  type HouseDraft,
  houseMass,
  lrnOf,
  type ShipmentDraft,
  sumMasses,
} from './ens-sample-shipment';

/** The groups a rendering of `row` carries: every required group, and the conditional ones the draft asks for. */
export function groupsOf(row: FilingTypeRow, draft: ShipmentDraft): ReadonlySet<DataGroup> {
  const asked: Partial<Record<DataGroup, boolean>> = {
    transportEquipment: draft.containers,
    notifyParty: draft.notifyParty,
    placeOfAcceptance: draft.places,
    placeOfDelivery: draft.places,
    hrcmScreeningResults: draft.hrcmScreening,
    // A consolidation names its house documents; F17 does unless it completes a straight B/L (N705).
    houseTransportDocument: draft.houseDocuments || (row.code === 'F17' && draft.masterDocument.type !== 'N705'),
  };
  return new Set([...row.requiredGroups, ...row.conditionalGroups.filter((group) => asked[group] === true)]);
}

const routing = (countries: readonly string[]): RoutingCountry[] =>
  countries.map((country, i) => ({ sequenceNumber: i + 1, country }));

/** The goods' route: where they were taken over, the means of transport's route, where they are delivered. */
function consignmentRouting(draft: ShipmentDraft, house: HouseDraft): RoutingCountry[] {
  const means = (draft.transportMeans.countriesOfRoutingOfMeansOfTransport ?? []).map((r) => r.country);
  const ends = [countryOfPlace(house.placeOfAcceptance), ...means, countryOfPlace(house.placeOfDelivery)];
  const countries = ends.filter((country): country is string => country !== undefined);
  return routing(countries.filter((country, i) => countries.indexOf(country) === i));
}

function renderGoodsItem(item: GoodsItem, has: (group: DataGroup) => boolean): GoodsItem {
  const { commodityCode, ...commodity } = item.commodity;
  return {
    goodsItemNumber: item.goodsItemNumber,
    commodity: { ...commodity, ...(has('hsCode') && commodityCode ? { commodityCode } : {}) },
    ...(has('grossMass') && item.weight ? { weight: item.weight } : {}),
    ...(has('packages') && item.packaging ? { packaging: item.packaging } : {}),
  };
}

const equipment = (containers: readonly string[]) =>
  containers.map((containerIdentificationNumber, j) => ({ sequenceNumber: j + 1, containerIdentificationNumber, numberOfSeals: 1 }));

const massOf = (house: HouseDraft) => house.totalGrossMass ?? houseMass(house.goods);

function fullHouse(row: FilingTypeRow, draft: ShipmentDraft, house: HouseDraft, index: number, has: (g: DataGroup) => boolean): HouseConsignment {
  const withGoods = has('goodsItems') || has('goodsDescription');
  const containers = has('transportEquipment') ? house.containers : [];
  return {
    sequenceNumber: index + 1,
    ...(withGoods ? { containerIndicator: containers.length > 0 ? '1' : '0' } : {}),
    ...(has('grossMass') ? { totalGrossMass: massOf(house) } : {}),
    ...(has('houseTransportDocument') && house.houseDocument ? { transportDocumentHouseLevel: house.houseDocument } : {}),
    ...(row.level === 'house'
      ? {
          transportDocumentMasterLevel: draft.masterDocument,
          carrier: { identificationNumber: draft.carrier.identificationNumber },
        }
      : {}),
    ...(has('placeOfAcceptance') ? { placeOfAcceptance: house.placeOfAcceptance } : {}),
    ...(has('placeOfDelivery') ? { placeOfDelivery: house.placeOfDelivery } : {}),
    ...(has('routingOfConsignment') ? { countriesOfRoutingOfConsignment: consignmentRouting(draft, house) } : {}),
    ...(has('consignor') ? { consignor: house.consignor } : {}),
    ...(has('consignee') ? { consignee: house.consignee } : {}),
    ...(has('notifyParty') ? { notifyParty: house.notifyParty } : {}),
    ...(has('buyerAndSeller') ? { goodsShipment: { buyer: house.consignee, seller: house.consignor } } : {}),
    ...(containers.length > 0 ? { transportEquipment: equipment(containers) } : {}),
    // The pre-arrival data add the payment method to the 7+1 (reference 7.1).
    ...(has('hsCode') ? { transportCharges: { methodOfPayment: house.methodOfPayment } } : {}),
    ...(has('postalCharges') ? { postalCharges: house.postalCharges } : {}),
    ...(withGoods ? { goodsItem: house.goods.map((item) => renderGoodsItem(item, has)) } : {}),
  };
}

/** A master-level list entry: the house document, the party expected to file it, its containers. */
function listedHouse(draft: ShipmentDraft, house: HouseDraft, index: number, has: (g: DataGroup) => boolean): HouseConsignment {
  const containers = has('transportEquipment') ? house.containers : [];
  return {
    sequenceNumber: index + 1,
    ...(house.houseDocument ? { transportDocumentHouseLevel: house.houseDocument } : {}),
    ...(draft.namesHouseFilers ? { supplementaryDeclarant: { identificationNumber: house.filer.identificationNumber } } : {}),
    ...(containers.length > 0 ? { containerIndicator: '1', transportEquipment: equipment(containers) } : {}),
  };
}

function transportMeans(draft: ShipmentDraft, has: (g: DataGroup) => boolean): ActiveBorderTransportMeans {
  if (!has('activeBorderTransportMeans')) return { modeOfTransport: draft.transportMeans.modeOfTransport };
  const { countriesOfRoutingOfMeansOfTransport, ...means } = draft.transportMeans;
  return has('routingOfMeansOfTransport') ? { ...means, countriesOfRoutingOfMeansOfTransport } : means;
}

/** HRCM screening done before filing (F28): per house, [U] CL726/CL724 values (EU security screening codes). */
const screeningResults = (draft: ShipmentDraft): HrcmScreeningResult[] =>
  draft.houses.map((house) => ({
    ...(house.houseDocument ? { houseTransportDocument: house.houseDocument } : {}),
    result: 'SPX',
    screeningMethod: ['XRY', 'EDD'],
  }));

export function renderFiling(row: FilingTypeRow, draft: ShipmentDraft): EnsFiling {
  const groups = groupsOf(row, draft);
  const has = (group: DataGroup) => groups.has(group);
  const withGoods = has('goodsItems') || has('goodsDescription');
  const houses =
    row.level === 'house' || withGoods
      ? draft.houses.map((house, i) => fullHouse(row, draft, house, i, has))
      : has('houseConsignments') || has('transportEquipment')
        ? draft.houses.map((house, i) => listedHouse(draft, house, i, has))
        : [];
  const master: ConsignmentMasterLevel = {
    ...(has('masterTransportDocument') ? { transportDocumentMasterLevel: draft.masterDocument } : {}),
    ...(has('carrier') ? { carrier: draft.carrier } : {}),
    ...(houses.length > 0 ? { totalGrossMass: sumMasses(draft.houses.map(massOf)) } : {}),
    ...(has('placeOfLoading') ? { placeOfLoading: { unLocode: draft.placeOfLoading } } : {}),
    ...(has('placeOfUnloading') ? { placeOfUnloading: { unLocode: draft.placeOfUnloading } } : {}),
    consignmentHouseLevel: houses,
  };
  return {
    lrn: lrnOf(draft, row.code),
    documentIssueDate: draft.issueDate,
    specificCircumstanceIndicator: row.code,
    ...(has('addressedMemberState') ? { addressedMemberState: { country: draft.office.slice(0, 2) } } : {}),
    declarant: draft.declarant,
    ...(draft.representative ? { representative: draft.representative } : {}),
    activeBorderTransportMeans: transportMeans(draft, has),
    customsOfficeOfFirstEntry: { referenceNumber: draft.office },
    ...(row.level === 'house' ? { consignmentHouseLevel: houses } : { consignmentMasterLevel: master }),
    ...(has('hrcmScreeningResults') ? { hrcmScreeningResults: screeningResults(draft) } : {}),
  };
}

export function rowOf(type: FilingType): FilingTypeRow {
  const row = filingType(type);
  if (!row) throw new Error(`sampleFiling: ${String(type)} is not a filing type`);
  return row;
}

/**
 * A valid ENS filing of `type`, the same for the same options. Every group the filing-types table requires is
 * present, and every value passes the libs/domain parsers (EORI, HS code, UN/LOCODE, office, country, CL754).
 */
export function sampleFiling(type: FilingType, options: SampleFilingOptions = {}): EnsFiling {
  const row = rowOf(type);
  return renderFiling(row, draftShipment(row, options));
}
