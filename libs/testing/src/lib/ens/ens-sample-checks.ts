/**
 * Spec support for this folder: judges a filing by the project's own rules in libs/domain, so the specs can prove
 * the samples valid. Group presence follows the element paths of data-groups.table.ts; values go through the
 * libs/domain parsers. It returns problems as `<pointer>: <what>` strings (empty = valid) so a failing spec
 * says where. Not the trader door's validation, and not exported from the library.
 */
import type { EnsFiling, HouseConsignment, Party, Place, RoutingCountry } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import {
  checkCharacterSet,
  checkGoodsDescription,
  type DataGroup,
  filingType,
  type FilingTypeRow,
  MAX_ROUTING_COUNTRIES,
  MIN_ROUTING_COUNTRIES,
  parseCountry,
  parseCustomsOffice,
  parseEori,
  parseGrossMass,
  parseHsCode,
  parseNumberOfPackages,
  parseTransportDocument,
  parseUnLocode,
  type Validated,
} from '@ics2/domain';

const named = (party?: Party) => party?.name !== undefined && party.address !== undefined;

/** Whether a filing carries a data group, following data-groups.table.ts `elements`. */
export const GROUP_PRESENCE: Readonly<Record<DataGroup, (filing: EnsFiling) => boolean>> = (() => {
  const houses = (f: EnsFiling) => houseConsignmentsOf(f);
  const every = (f: EnsFiling, test: (h: HouseConsignment) => boolean) => houses(f).length > 0 && houses(f).every(test);
  const everyItem = (f: EnsFiling, test: (item: NonNullable<HouseConsignment['goodsItem']>[number]) => boolean) =>
    every(f, (h) => (h.goodsItem ?? []).length > 0 && (h.goodsItem ?? []).every(test));
  const master = (f: EnsFiling) => f.consignmentMasterLevel;
  return {
    declarant: (f) => f.declarant.name !== undefined && f.declarant.identificationNumber !== undefined && f.declarant.address !== undefined,
    representative: (f) => f.representative !== undefined,
    carrier: (f) => master(f)?.carrier?.identificationNumber !== undefined || every(f, (h) => h.carrier?.identificationNumber !== undefined),
    activeBorderTransportMeans: (f) => {
      const means = f.activeBorderTransportMeans;
      return [means?.identificationNumber, means?.typeOfIdentification, means?.nationality, means?.estimatedDateAndTimeOfArrival].every(
        (value) => value !== undefined,
      );
    },
    routingOfMeansOfTransport: (f) => (f.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport ?? []).length >= MIN_ROUTING_COUNTRIES,
    customsOfficeOfFirstEntry: (f) => f.customsOfficeOfFirstEntry?.referenceNumber !== undefined,
    addressedMemberState: (f) => f.addressedMemberState?.country !== undefined,
    masterTransportDocument: (f) =>
      master(f)?.transportDocumentMasterLevel !== undefined || every(f, (h) => h.transportDocumentMasterLevel !== undefined),
    houseTransportDocument: (f) => every(f, (h) => h.transportDocumentHouseLevel !== undefined),
    houseConsignments: (f) => houses(f).length >= 1,
    consignor: (f) => every(f, (h) => named(h.consignor)),
    consignee: (f) => every(f, (h) => named(h.consignee)),
    buyerAndSeller: (f) => every(f, (h) => named(h.goodsShipment?.buyer) && named(h.goodsShipment?.seller)),
    notifyParty: (f) => every(f, (h) => named(h.notifyParty)),
    goodsItems: (f) => every(f, (h) => (h.goodsItem ?? []).length >= 1),
    goodsDescription: (f) => everyItem(f, (item) => item.commodity.descriptionOfGoods.length > 0),
    hsCode: (f) => everyItem(f, (item) => item.commodity.commodityCode?.harmonizedSystemSubHeadingCode !== undefined),
    packages: (f) => everyItem(f, (item) => (item.packaging ?? []).some((p) => p.numberOfPackages !== undefined)),
    grossMass: (f) =>
      every(f, (h) => h.totalGrossMass !== undefined || ((h.goodsItem ?? []).length > 0 && (h.goodsItem ?? []).every((i) => i.weight))),
    routingOfConsignment: (f) => every(f, (h) => (h.countriesOfRoutingOfConsignment ?? []).length >= MIN_ROUTING_COUNTRIES),
    placeOfLoading: (f) => master(f)?.placeOfLoading !== undefined,
    placeOfUnloading: (f) => master(f)?.placeOfUnloading !== undefined,
    placeOfAcceptance: (f) => master(f)?.placeOfAcceptance !== undefined || every(f, (h) => h.placeOfAcceptance !== undefined),
    placeOfDelivery: (f) => master(f)?.placeOfDelivery !== undefined || every(f, (h) => h.placeOfDelivery !== undefined),
    transportEquipment: (f) => houses(f).some((h) => (h.transportEquipment ?? []).length > 0),
    postalCharges: (f) => every(f, (h) => h.postalCharges !== undefined),
    hrcmScreeningResults: (f) => (f.hrcmScreeningResults ?? []).length > 0,
  };
})();

/** The required groups of its row that a filing lacks. */
export const missingGroups = (filing: EnsFiling, row: FilingTypeRow): DataGroup[] =>
  row.requiredGroups.filter((group) => !GROUP_PRESENCE[group](filing));

/** CL018 codes each mode of the table may be declared with. */
const MODE_CODES: Readonly<Record<string, string>> = { maritime: '1', rail: '2', road: '3', air: '4', 'inland-waterway': '8' };
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Every string in the value, with its JSON pointer. */
function strings(value: unknown, pointer = ''): [string, string][] {
  if (typeof value === 'string') return [[pointer, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${pointer}/${i}`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, `${pointer}/${k}`));
  return [];
}

/** The countries of a place: its UN/LOCODE's or its address's. */
const placeCountry = (place?: Place) => (place?.unLocode ? place.unLocode.slice(0, 2) : place?.address?.country);

/** Everything wrong with a filing by libs/domain's rules and the filing-types table; empty when valid. */
export function problemsOf(filing: EnsFiling): string[] {
  const problems: string[] = [];
  const parses = (pointer: string, result: Validated<unknown>) => {
    if (!result.ok) problems.push(`${pointer}: ${result.problem.code} ${result.problem.reason}`);
  };
  const must = (pointer: string, condition: boolean, what: string) => {
    if (!condition) problems.push(`${pointer}: ${what}`);
  };
  const row = filingType(filing.specificCircumstanceIndicator);
  if (!row) return [`/specificCircumstanceIndicator: ${filing.specificCircumstanceIndicator} is not a filing type`];

  for (const group of missingGroups(filing, row)) problems.push(`/: required group ${group} is missing`);
  for (const [pointer, text] of strings(filing)) parses(pointer, checkCharacterSet(text));

  must('/lrn', filing.lrn.length >= 1 && filing.lrn.length <= 22, 'LRN must be an..22');
  must('/documentIssueDate', INSTANT.test(filing.documentIssueDate), 'must be YYYY-MM-DDThh:mm:ssZ');
  parses('/customsOfficeOfFirstEntry/referenceNumber', parseCustomsOffice(filing.customsOfficeOfFirstEntry.referenceNumber));
  if (filing.addressedMemberState) parses('/addressedMemberState/country', parseCountry(filing.addressedMemberState.country));
  if (filing.representative) {
    must('/representative/identificationNumber', filing.representative.identificationNumber !== filing.declarant.identificationNumber, 'the representative must differ from the declarant');
    must('/representative/status', ['2', '3'].includes(filing.representative.status), 'CL094 must be 2 or 3');
  }
  checkParties(filing, parses);
  checkMeans(filing, row, problems, parses, must);
  checkDocuments(filing, row, parses, must);
  checkHouses(filing, row, parses, must);
  return problems;
}

type Parses = (pointer: string, result: Validated<unknown>) => void;
type Must = (pointer: string, condition: boolean, what: string) => void;

function checkParties(filing: EnsFiling, parses: Parses): void {
  const visit = (value: unknown, pointer: string, key?: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${pointer}/${i}`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (key === 'address' && typeof record.country === 'string') parses(`${pointer}/country`, parseCountry(record.country));
    const isParty = ['declarant', 'representative', 'carrier', 'consignor', 'consignee', 'notifyParty', 'buyer', 'seller', 'supplementaryDeclarant'];
    if (key && isParty.includes(key) && record.identificationNumber !== undefined) {
      parses(`${pointer}/identificationNumber`, parseEori(record.identificationNumber));
    }
    for (const [k, v] of Object.entries(record)) visit(v, `${pointer}/${k}`, k);
  };
  visit(filing, '');
}

function checkRouting(pointer: string, routing: readonly RoutingCountry[], parses: Parses, must: Must): void {
  must(pointer, routing.length >= MIN_ROUTING_COUNTRIES && routing.length <= MAX_ROUTING_COUNTRIES, 'routing must list 2..99 countries');
  routing.forEach((r, i) => {
    must(`${pointer}/${i}/sequenceNumber`, r.sequenceNumber === i + 1, 'sequence numbers must run from 1');
    parses(`${pointer}/${i}/country`, parseCountry(r.country));
  });
}

function checkMeans(filing: EnsFiling, row: FilingTypeRow, problems: string[], parses: Parses, must: Must): void {
  const means = filing.activeBorderTransportMeans;
  if (!means) return;
  const allowed = row.modes.map((mode) => MODE_CODES[mode]);
  must('/activeBorderTransportMeans/modeOfTransport', allowed.includes(means.modeOfTransport), `CL018 ${means.modeOfTransport} does not fit ${row.code}`);
  if (means.nationality) parses('/activeBorderTransportMeans/nationality', parseCountry(means.nationality));
  const issue = Date.parse(filing.documentIssueDate);
  if (means.estimatedDateAndTimeOfArrival) {
    must('/activeBorderTransportMeans/estimatedDateAndTimeOfArrival', Date.parse(means.estimatedDateAndTimeOfArrival) > issue, 'arrival must be after the document issue date');
  }
  if (means.estimatedDateAndTimeOfDeparture && means.estimatedDateAndTimeOfArrival) {
    const departure = Date.parse(means.estimatedDateAndTimeOfDeparture);
    must('/activeBorderTransportMeans/estimatedDateAndTimeOfDeparture', departure >= issue && departure < Date.parse(means.estimatedDateAndTimeOfArrival), 'departure must fall between issue and arrival');
  }
  const routing = means.countriesOfRoutingOfMeansOfTransport;
  if (routing) checkRouting('/activeBorderTransportMeans/countriesOfRoutingOfMeansOfTransport', routing, parses, must);
  const master = filing.consignmentMasterLevel;
  for (const [name, place] of [['placeOfLoading', master?.placeOfLoading], ['placeOfUnloading', master?.placeOfUnloading]] as const) {
    if (!place) continue;
    if (place.unLocode) parses(`/consignmentMasterLevel/${name}/unLocode`, parseUnLocode(place.unLocode));
    const country = placeCountry(place);
    if (routing && country && !routing.some((r) => r.country === country)) {
      problems.push(`/consignmentMasterLevel/${name}: its country ${country} is not in the routing of the means of transport`);
    }
  }
}

function checkDocuments(filing: EnsFiling, row: FilingTypeRow, parses: Parses, must: Must): void {
  const master = filing.consignmentMasterLevel?.transportDocumentMasterLevel;
  if (master) {
    parses('/consignmentMasterLevel/transportDocumentMasterLevel', parseTransportDocument(master));
    must('/consignmentMasterLevel/transportDocumentMasterLevel/type', (row.masterDocumentTypes as readonly string[]).includes(master.type), `${master.type} is not a master document type of ${row.code}`);
  }
  const base = filing.consignmentHouseLevel ? '/consignmentHouseLevel' : '/consignmentMasterLevel/consignmentHouseLevel';
  houseConsignmentsOf(filing).forEach((house, i) => {
    const own = house.transportDocumentHouseLevel;
    if (own) {
      parses(`${base}/${i}/transportDocumentHouseLevel`, parseTransportDocument(own));
      must(`${base}/${i}/transportDocumentHouseLevel/type`, (row.houseDocumentTypes as readonly string[]).includes(own.type), `${own.type} is not a house document type of ${row.code}`);
    }
    const link = house.transportDocumentMasterLevel;
    if (link) {
      parses(`${base}/${i}/transportDocumentMasterLevel`, parseTransportDocument(link));
      must(`${base}/${i}/transportDocumentMasterLevel/type`, (row.masterDocumentTypes as readonly string[]).includes(link.type), `${link.type} is not a master document type of ${row.code}`);
    }
  });
}

function checkHouses(filing: EnsFiling, row: FilingTypeRow, parses: Parses, must: Must): void {
  const base = filing.consignmentHouseLevel ? '/consignmentHouseLevel' : '/consignmentMasterLevel/consignmentHouseLevel';
  const houses = houseConsignmentsOf(filing);
  houses.forEach((house, i) => {
    const at = `${base}/${i}`;
    if (row.level === 'house') {
      must(`${at}/transportDocumentMasterLevel`, house.transportDocumentMasterLevel !== undefined, 'a house-level filing names its master document (ULK)');
      must(`${at}/carrier/identificationNumber`, house.carrier?.identificationNumber !== undefined, 'a house-level filing names its carrier (ULK)');
    }
    if (row.level === 'master' && !row.requiredGroups.includes('goodsItems')) {
      must(`${at}/goodsItem`, house.goodsItem === undefined, 'a master-level house list carries no goods');
    }
    for (const [name, place] of [['placeOfAcceptance', house.placeOfAcceptance], ['placeOfDelivery', house.placeOfDelivery]] as const) {
      if (place?.unLocode) parses(`${at}/${name}/unLocode`, parseUnLocode(place.unLocode));
      if (place?.address) parses(`${at}/${name}/address/country`, parseCountry(place.address.country));
      const country = placeCountry(place);
      const routing = house.countriesOfRoutingOfConsignment;
      if (country && routing) {
        must(`${at}/countriesOfRoutingOfConsignment`, routing.some((r) => r.country === country), `the routing must include ${country}, the country of ${name}`);
      }
    }
    if (house.countriesOfRoutingOfConsignment) checkRouting(`${at}/countriesOfRoutingOfConsignment`, house.countriesOfRoutingOfConsignment, parses, must);
    const items = house.goodsItem ?? [];
    if (house.totalGrossMass !== undefined) {
      parses(`${at}/totalGrossMass`, parseGrossMass(house.totalGrossMass));
      const sum = items.reduce((total, item) => total + (item.weight?.grossMass ?? 0), 0);
      if (items.length > 0) must(`${at}/totalGrossMass`, Math.abs(sum - house.totalGrossMass) < 0.001, `is not the sum of its goods items (${sum})`);
    }
    (house.transportEquipment ?? []).forEach((c, j) =>
      must(`${at}/transportEquipment/${j}/containerIdentificationNumber`, /^[A-Z]{3}U[0-9]{7}$/.test(c.containerIdentificationNumber), 'must be an ISO 6346 container number'),
    );
    if (house.postalCharges) {
      must(`${at}/postalCharges`, house.postalCharges.value > 0 && /^[A-Z]{3}$/.test(house.postalCharges.currency), 'value > 0 and an ISO 4217 currency');
    }
    items.forEach((item, j) => {
      const itemAt = `${at}/goodsItem/${j}`;
      must(`${itemAt}/goodsItemNumber`, item.goodsItemNumber === j + 1, 'goods items are numbered from 1');
      parses(`${itemAt}/commodity/descriptionOfGoods`, checkGoodsDescription(item.commodity.descriptionOfGoods));
      const hs = item.commodity.commodityCode?.harmonizedSystemSubHeadingCode;
      if (hs !== undefined) {
        parses(`${itemAt}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, parseHsCode(hs));
        must(`${itemAt}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, hs.length === 6, 'the HS subheading has 6 digits');
      }
      if (item.weight) parses(`${itemAt}/weight/grossMass`, parseGrossMass(item.weight.grossMass));
      (item.packaging ?? []).forEach((p, k) => {
        parses(`${itemAt}/packaging/${k}/numberOfPackages`, parseNumberOfPackages(p.numberOfPackages));
        must(`${itemAt}/packaging/${k}/numberOfPackages`, (p.numberOfPackages ?? 0) >= 1, 'at least one package');
      });
    });
  });
  const masterMass = filing.consignmentMasterLevel?.totalGrossMass;
  if (masterMass !== undefined) parses('/consignmentMasterLevel/totalGrossMass', parseGrossMass(masterMass));
}
