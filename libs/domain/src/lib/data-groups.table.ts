/**
 * The data groups of an ENS filing (reference 7, HTI v2.02 element names): the unit in which the filing-types
 * table says what a filing must carry. One row per group; `elements` names where it sits in an IE3Fxx.
 */
export const DATA_GROUPS = [
  { group: 'declarant', elements: 'declarant (name, identificationNumber = EORI, address)', description: 'the person filing' },
  { group: 'representative', elements: 'representative', description: 'who files on behalf of the declarant (always optional)' },
  { group: 'carrier', elements: 'consignmentMasterLevel/carrier', description: 'the carrier; in house filings its id helps linking' },
  {
    group: 'activeBorderTransportMeans',
    elements: 'activeBorderTransportMeans (identification, type, nationality, mode, estimated arrival)',
    description: 'the vessel, flight, truck or train crossing the border',
  },
  {
    group: 'routingOfMeansOfTransport',
    elements: 'activeBorderTransportMeans/countriesOfRoutingOfMeansOfTransport (2..99)',
    description: 'countries the means of transport passes',
  },
  { group: 'customsOfficeOfFirstEntry', elements: 'customsOfficeOfFirstEntry/referenceNumber', description: 'declared first EU office' },
  { group: 'addressedMemberState', elements: 'addressedMemberState/country', description: 'the Member State the filing is sent to' },
  { group: 'masterTransportDocument', elements: 'transportDocumentMasterLevel', description: 'master document (B/L, MAWB, CIM, CMR)' },
  { group: 'houseTransportDocument', elements: 'consignmentHouseLevel/transportDocumentHouseLevel', description: 'house document' },
  { group: 'houseConsignments', elements: 'consignmentHouseLevel (1..99,999)', description: 'at least one house consignment' },
  { group: 'consignor', elements: 'consignor (name, address)', description: 'PLACI 7+1 items 1 and 2' },
  { group: 'consignee', elements: 'consignee (name, address)', description: 'PLACI 7+1 items 3 and 4' },
  { group: 'buyerAndSeller', elements: 'goodsShipment/buyer, goodsShipment/seller', description: 'maritime layered filing data' },
  { group: 'notifyParty', elements: 'consignmentHouseLevel/notifyParty', description: 'who to notify on arrival' },
  { group: 'goodsItems', elements: 'goodsItem (1..9,999)', description: 'at least one goods item' },
  { group: 'goodsDescription', elements: 'commodity/descriptionOfGoods', description: 'PLACI 7+1 item 7; checked for stop words' },
  { group: 'hsCode', elements: 'commodity/commodityCode/harmonizedSystemSubHeadingCode', description: 'HS subheading, 6 digits' },
  { group: 'packages', elements: 'packaging/numberOfPackages', description: 'PLACI 7+1 item 5' },
  { group: 'grossMass', elements: 'totalGrossMass, weight/grossMass', description: 'PLACI 7+1 item 6' },
  { group: 'routingOfConsignment', elements: 'countriesOfRoutingOfConsignment', description: 'countries the goods pass' },
  { group: 'placeOfLoading', elements: 'consignmentMasterLevel/placeOfLoading', description: 'where the goods are loaded' },
  { group: 'placeOfUnloading', elements: 'consignmentMasterLevel/placeOfUnloading', description: 'where the goods are unloaded' },
  { group: 'placeOfAcceptance', elements: 'placeOfAcceptance', description: 'where the carrier or forwarder took the goods over' },
  { group: 'placeOfDelivery', elements: 'placeOfDelivery', description: 'where the goods are delivered' },
  { group: 'transportEquipment', elements: 'transportEquipment (0..9,999)', description: 'containers, for containerised goods' },
  { group: 'postalCharges', elements: 'consignmentHouseLevel/postalCharges (value, currency)', description: 'postal items' },
  { group: 'hrcmScreeningResults', elements: 'hrcmScreeningResults (0..99)', description: 'HRCM screening done before filing (air)' },
] as const;

export type DataGroup = (typeof DATA_GROUPS)[number]['group'];

const GROUPS: ReadonlySet<string> = new Set(DATA_GROUPS.map((row) => row.group));

export const isDataGroup = (name: string): name is DataGroup => GROUPS.has(name);
