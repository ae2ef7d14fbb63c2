import { EnsFiling, GoodsItem, HouseConsignment, Party, Place, RoutingCountry, TransportDocument } from '@ics2/contracts';
import {
  filingType,
  FilingTypeRow,
  isTransportDocumentType,
  parseCustomsOffice,
  parseEori,
  parseGrossMass,
  parseHsCode,
  parseNumberOfPackages,
  parseTransportDocument,
  parseUnLocode,
  TransportDocumentType,
} from '@ics2/domain';
import {
  COMBINED_NOMENCLATURE_PATTERN,
  CURRENCY_PATTERN,
  FLAG_CODES,
  MODE_OF_TRANSPORT_CODES,
  MODES_OF_TRANSPORT,
  REPRESENTATIVE_STATUS_CODES,
  TYPE_OF_PERSON_CODES,
  UN_NUMBER_PATTERN,
} from './code-lists';
import { ErrorList } from './error-list';
import { allHousesOf, goodsItemsOf, Located } from './filing-paths';
import { childPointer } from './json-pointer';
import {
  expectCountry,
  expectDocumentType,
  expectEnsMrn,
  expectIcs2Territory,
  expectInList,
  expectInstant,
  expectPattern,
  expectValid,
} from './value-checks';

/**
 * Layer c: every coded element against its code list or value object (code 12, or the parser's own code), on a
 * filing whose shape is already right. Elements the filing type constrains (transport document types, mode of
 * transport) are checked against its row of the filing-types table; with an unknown filing type only the code is
 * refused and the rest is checked without the row.
 */
export function checkFilingValues(filing: EnsFiling, errors: ErrorList): void {
  const row = filingType(filing.specificCircumstanceIndicator);
  if (!row) errors.add('12', '/specificCircumstanceIndicator', 'not a CL742 filing type (F10 to F51)');

  expectInstant(filing.documentIssueDate, '/documentIssueDate', errors);
  expectInList(filing.reEntryIndicator, FLAG_CODES, '/reEntryIndicator', 'the re-entry indicator', errors);
  const split = filing.splitConsignment;
  expectInList(split?.splitConsignmentIndicator, FLAG_CODES, '/splitConsignment/splitConsignmentIndicator', 'the indicator', errors);
  expectEnsMrn(split?.previousMrn, '/splitConsignment/previousMrn', errors);
  expectIcs2Territory(filing.addressedMemberState?.country, '/addressedMemberState/country', errors);
  expectValid(parseCustomsOffice(filing.customsOfficeOfFirstEntry.referenceNumber), '/customsOfficeOfFirstEntry/referenceNumber', errors);

  checkParty(filing.declarant, '/declarant', errors);
  if (filing.representative) {
    checkParty(filing.representative, '/representative', errors);
    expectInList(filing.representative.status, REPRESENTATIVE_STATUS_CODES, '/representative/status', 'the status', errors);
  }
  checkTransportMeans(filing, row, errors);

  const master = filing.consignmentMasterLevel;
  if (master) {
    const base = '/consignmentMasterLevel';
    checkDocument(master.transportDocumentMasterLevel, row?.masterDocumentTypes, `${base}/transportDocumentMasterLevel`, errors);
    if (master.carrier) checkParty(master.carrier, `${base}/carrier`, errors);
    checkGrossMass(master.totalGrossMass, `${base}/totalGrossMass`, errors);
    for (const place of ['placeOfAcceptance', 'placeOfLoading', 'placeOfUnloading', 'placeOfDelivery'] as const) {
      checkPlace(master[place], `${base}/${place}`, errors);
    }
    (master.additionalSupplyChainActor ?? []).forEach((actor, index) =>
      expectValid(parseEori(actor.identificationNumber), `${base}/additionalSupplyChainActor/${index}/identificationNumber`, errors),
    );
  }
  for (const house of allHousesOf(filing)) {
    if (errors.full) return;
    checkHouse(house, row, errors);
  }
  (filing.hrcmScreeningResults ?? []).forEach((result, index) =>
    checkDocument(result.houseTransportDocument, row?.houseDocumentTypes, `/hrcmScreeningResults/${index}/houseTransportDocument`, errors),
  );
}

function checkTransportMeans(filing: EnsFiling, row: FilingTypeRow | undefined, errors: ErrorList): void {
  const means = filing.activeBorderTransportMeans;
  if (!means) return;
  const base = '/activeBorderTransportMeans';
  const mode = MODES_OF_TRANSPORT[means.modeOfTransport];
  if (!MODE_OF_TRANSPORT_CODES.includes(means.modeOfTransport)) {
    errors.add('12', `${base}/modeOfTransport`, `CL018 mode of transport must be one of ${MODE_OF_TRANSPORT_CODES.join(', ')}`);
  } else if (row && (mode === undefined || !row.modes.includes(mode))) {
    errors.add('12', `${base}/modeOfTransport`, `filing type ${row.code} is for ${row.modes.join(' or ')} transport`);
  }
  expectCountry(means.nationality, `${base}/nationality`, errors);
  expectInstant(means.estimatedDateAndTimeOfDeparture, `${base}/estimatedDateAndTimeOfDeparture`, errors);
  expectInstant(means.actualDateAndTimeOfDeparture, `${base}/actualDateAndTimeOfDeparture`, errors);
  expectInstant(means.estimatedDateAndTimeOfArrival, `${base}/estimatedDateAndTimeOfArrival`, errors);
  checkRouting(means.countriesOfRoutingOfMeansOfTransport, `${base}/countriesOfRoutingOfMeansOfTransport`, errors);
}

function checkHouse(house: Located<HouseConsignment>, row: FilingTypeRow | undefined, errors: ErrorList): void {
  const { node, pointer } = house;
  const at = (...segments: string[]) => segments.reduce(childPointer, pointer);
  expectInList(node.containerIndicator, FLAG_CODES, at('containerIndicator'), 'the container indicator', errors);
  checkGrossMass(node.totalGrossMass, at('totalGrossMass'), errors);
  checkDocument(node.transportDocumentHouseLevel, row?.houseDocumentTypes, at('transportDocumentHouseLevel'), errors);
  checkDocument(node.transportDocumentMasterLevel, row?.masterDocumentTypes, at('transportDocumentMasterLevel'), errors);
  const parties = ['carrier', 'supplementaryDeclarant', 'consignor', 'consignee', 'notifyParty'] as const;
  for (const role of parties) if (node[role]) checkParty(node[role] as Party, at(role), errors);
  if (node.goodsShipment?.buyer) checkParty(node.goodsShipment.buyer, at('goodsShipment', 'buyer'), errors);
  if (node.goodsShipment?.seller) checkParty(node.goodsShipment.seller, at('goodsShipment', 'seller'), errors);
  checkPlace(node.placeOfAcceptance, at('placeOfAcceptance'), errors);
  checkPlace(node.placeOfDelivery, at('placeOfDelivery'), errors);
  checkRouting(node.countriesOfRoutingOfConsignment, at('countriesOfRoutingOfConsignment'), errors);
  if (node.postalCharges) {
    if (node.postalCharges.value < 0) errors.add('12', at('postalCharges', 'value'), 'postal charges cannot be negative');
    expectPattern(node.postalCharges.currency, CURRENCY_PATTERN, at('postalCharges', 'currency'), 'the ISO 4217 currency code', errors);
  }
  for (const item of goodsItemsOf(house)) checkGoodsItem(item, errors);
}

function checkGoodsItem({ node, pointer }: Located<GoodsItem>, errors: ErrorList): void {
  const code = node.commodity.commodityCode;
  if (code) {
    const hsPointer = `${pointer}/commodity/commodityCode/harmonizedSystemSubHeadingCode`;
    if (code.harmonizedSystemSubHeadingCode.length !== 6) errors.add('12', hsPointer, 'the HS subheading has exactly 6 digits');
    else expectValid(parseHsCode(code.harmonizedSystemSubHeadingCode), hsPointer, errors);
    const cnPointer = `${pointer}/commodity/commodityCode/combinedNomenclatureCode`;
    expectPattern(code.combinedNomenclatureCode, COMBINED_NOMENCLATURE_PATTERN, cnPointer, 'the CN code (2 digits)', errors);
  }
  (node.commodity.dangerousGoods ?? []).forEach((goods, index) => {
    const unPointer = `${pointer}/commodity/dangerousGoods/${index}/unNumber`;
    expectPattern(goods.unNumber, UN_NUMBER_PATTERN, unPointer, 'the UN number (4 digits)', errors);
  });
  if (node.weight) checkGrossMass(node.weight.grossMass, `${pointer}/weight/grossMass`, errors);
  (node.packaging ?? []).forEach((packaging, index) => {
    if (packaging.numberOfPackages !== undefined) {
      expectValid(parseNumberOfPackages(packaging.numberOfPackages), `${pointer}/packaging/${index}/numberOfPackages`, errors);
    }
  });
}

function checkParty(party: Party, pointer: string, errors: ErrorList): void {
  if (party.identificationNumber !== undefined) {
    expectValid(parseEori(party.identificationNumber), `${pointer}/identificationNumber`, errors);
  }
  expectInList(party.typeOfPerson, TYPE_OF_PERSON_CODES, `${pointer}/typeOfPerson`, 'CL729 type of person', errors);
  expectCountry(party.address?.country, `${pointer}/address/country`, errors);
}

function checkPlace(place: Place | undefined, pointer: string, errors: ErrorList): void {
  if (!place) return;
  if (place.unLocode !== undefined) expectValid(parseUnLocode(place.unLocode), `${pointer}/unLocode`, errors);
  expectCountry(place.address?.country, `${pointer}/address/country`, errors);
}

function checkRouting(routing: readonly RoutingCountry[] | undefined, pointer: string, errors: ErrorList): void {
  (routing ?? []).forEach((entry, index) => expectCountry(entry.country, `${pointer}/${index}/country`, errors));
}

function checkGrossMass(mass: number | undefined, pointer: string, errors: ErrorList): void {
  if (mass !== undefined) expectValid(parseGrossMass(mass), pointer, errors);
}

/** Type first (CL754, then the filing type's list for this level), then the number (blank, length, characters). */
function checkDocument(
  document: TransportDocument | undefined,
  allowed: readonly TransportDocumentType[] | undefined,
  pointer: string,
  errors: ErrorList,
): void {
  if (!document) return;
  if (!isTransportDocumentType(document.type)) errors.add('12', `${pointer}/type`, 'transport document type is not in CL754');
  else expectDocumentType(document.type, allowed, `${pointer}/type`, errors);
  // The number's checks, whatever the type: a valid stand-in type keeps a wrong type from hiding them.
  const type = isTransportDocumentType(document.type) ? document.type : 'N703';
  const parsed = parseTransportDocument({ type, documentNumber: document.documentNumber });
  expectValid(parsed, `${pointer}/documentNumber`, errors);
}
