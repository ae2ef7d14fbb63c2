import { ArrivalNotification, EnsFiling, HouseConsignment, Party } from '@ics2/contracts';
import { formatMrn } from '@ics2/domain';
import { parsePointer } from './json-pointer';

/**
 * Valid messages for the validation specs, one per filing family and level, built fresh on every call so a spec
 * may change them. Test data only: names and numbers are invented.
 */

/** The EORI of the bearer token in the specs: the declarant of every fixture. */
export const SENDER = 'DE1234567890123';
export const REPRESENTATIVE = 'DE5550001112223';
export const CARRIER = 'DE9876543210987';

export const ENS_MRN = formatMrn({ year: 2025, memberState: 'DE', serial: 4711n });
export const OTHER_ENS_MRN = formatMrn({ year: 2025, memberState: 'NL', serial: 815n });

const declarant = (): Party => ({
  name: 'Rheinland Logistik GmbH',
  identificationNumber: SENDER,
  typeOfPerson: '2',
  address: { streetAndNumber: 'Hafenstrasse 12', postcode: '60311', city: 'Frankfurt am Main', country: 'DE' },
  communication: [{ identifier: 'ens@rheinland-logistik.example', type: 'EM' }],
});
const carrier = (): Party => ({ name: 'Adler Air Cargo AG', identificationNumber: CARRIER });
const consignor = (): Party => ({
  name: 'Shenzhen Bright Electronics Co Ltd',
  address: { streetAndNumber: 'Keji Road 8', postcode: '518057', city: 'Shenzhen', country: 'CN' },
});
const consignee = (): Party => ({
  name: 'Anna Schmidt',
  typeOfPerson: '1',
  address: { streetAndNumber: 'Lindenallee 3', postcode: '10115', city: 'Berlin', country: 'DE' },
});
const routing = (...countries: string[]) => countries.map((country, index) => ({ sequenceNumber: index + 1, country }));

const airMeans = () => ({
  identificationNumber: 'DAIMB',
  typeOfIdentification: '41',
  nationality: 'DE',
  modeOfTransport: '4',
  conveyanceReferenceNumber: 'AD8401',
  estimatedDateAndTimeOfDeparture: '2025-03-01T22:15:00Z',
  estimatedDateAndTimeOfArrival: '2025-03-02T06:05:00.000Z',
  countriesOfRoutingOfMeansOfTransport: routing('CN', 'DE'),
});

/** An e-commerce parcel: one goods item, HS code, packages, mass, parties, routing CN -> DE. */
const parcel = (index: number): HouseConsignment => ({
  totalGrossMass: 1.2,
  transportDocumentHouseLevel: { documentNumber: `HAWB-SZX-${String(index).padStart(6, '0')}`, type: 'N703' },
  placeOfAcceptance: { unLocode: 'CNSZX' },
  placeOfDelivery: { address: { country: 'DE', city: 'Berlin' } },
  countriesOfRoutingOfConsignment: routing('CN', 'DE'),
  consignor: consignor(),
  consignee: consignee(),
  goodsItem: [
    {
      goodsItemNumber: 1,
      commodity: { descriptionOfGoods: 'Bluetooth wireless headphones', commodityCode: { harmonizedSystemSubHeadingCode: '851830' } },
      weight: { grossMass: 1.2 },
      packaging: [{ numberOfPackages: 1, typeOfPackages: 'PK', shippingMarks: `SZX-${index}` }],
    },
  ],
});

/** F20, air complete dataset lodged before loading, with `houses` parcels (1 by default). */
export const completeAirF20 = (houses = 1): EnsFiling => ({
  lrn: 'F20-2025-000001',
  documentIssueDate: '2025-03-01T08:30:00Z',
  specificCircumstanceIndicator: 'F20',
  declarant: declarant(),
  activeBorderTransportMeans: airMeans(),
  customsOfficeOfFirstEntry: { referenceNumber: 'DE004711' },
  consignmentMasterLevel: {
    transportDocumentMasterLevel: { documentNumber: '020-12345675', type: 'N741' },
    carrier: carrier(),
    placeOfLoading: { unLocode: 'CNSZX' },
    placeOfUnloading: { unLocode: 'DEFRA' },
    consignmentHouseLevel: Array.from({ length: houses }, (_, index) => parcel(index + 1)),
  },
});

/** F21, air master air waybill pre-arrival, listing `houses` house waybills (2 by default). */
export const masterAirF21 = (houses = 2): EnsFiling => ({
  lrn: 'F21-2025-000001',
  documentIssueDate: '2025-03-01T20:00:00Z',
  specificCircumstanceIndicator: 'F21',
  declarant: declarant(),
  activeBorderTransportMeans: airMeans(),
  customsOfficeOfFirstEntry: { referenceNumber: 'DE004711' },
  consignmentMasterLevel: {
    transportDocumentMasterLevel: { documentNumber: '020-12345675', type: 'N741' },
    carrier: carrier(),
    placeOfLoading: { unLocode: 'CNSZX' },
    placeOfUnloading: { unLocode: 'DEFRA' },
    consignmentHouseLevel: Array.from({ length: houses }, (_, index) => ({
      transportDocumentHouseLevel: { documentNumber: `HAWB-SZX-${String(index + 1).padStart(6, '0')}`, type: 'N703' },
      supplementaryDeclarant: { identificationNumber: 'NL123456789' },
    })),
  },
});

/** F22, air house waybill pre-arrival: one house naming its master AWB and carrier. */
export const houseAirF22 = (): EnsFiling => {
  const { placeOfAcceptance: _a, placeOfDelivery: _d, ...house } = parcel(1);
  return {
    lrn: 'F22-2025-000001',
    documentIssueDate: '2025-03-01T21:00:00Z',
    specificCircumstanceIndicator: 'F22',
    declarant: declarant(),
    customsOfficeOfFirstEntry: { referenceNumber: 'DE004711' },
    consignmentHouseLevel: [
      { ...house, transportDocumentMasterLevel: { documentNumber: '020-12345675', type: 'N741' }, carrier: { identificationNumber: CARRIER } },
    ],
  };
};

/** F24, air PLACI house level: the 7+1 of one house waybill. */
export const placiHouseF24 = (): EnsFiling => ({
  lrn: 'F24-2025-000001',
  documentIssueDate: '2025-03-01T07:00:00Z',
  specificCircumstanceIndicator: 'F24',
  declarant: declarant(),
  customsOfficeOfFirstEntry: { referenceNumber: 'DE004711' },
  consignmentHouseLevel: [
    {
      totalGrossMass: 3.5,
      transportDocumentHouseLevel: { documentNumber: 'HAWB-PVG-000042', type: 'N703' },
      transportDocumentMasterLevel: { documentNumber: '020-12345675', type: 'N741' },
      carrier: { identificationNumber: CARRIER },
      consignor: consignor(),
      consignee: consignee(),
      goodsItem: [{ goodsItemNumber: 1, commodity: { descriptionOfGoods: 'Cotton T-shirts for men' }, packaging: [{ numberOfPackages: 2 }] }],
    },
  ],
});

/** F10, maritime complete dataset, straight B/L: containers, buyer and seller, Shanghai -> Rotterdam. */
export const maritimeF10 = (): EnsFiling => ({
  lrn: 'F10-2025-000001',
  documentIssueDate: '2025-02-01T10:00:00Z',
  specificCircumstanceIndicator: 'F10',
  declarant: declarant(),
  activeBorderTransportMeans: {
    identificationNumber: '9321483',
    typeOfIdentification: '10',
    nationality: 'PA',
    modeOfTransport: '1',
    conveyanceReferenceNumber: '512W',
    estimatedDateAndTimeOfArrival: '2025-03-05T04:00:00Z',
    countriesOfRoutingOfMeansOfTransport: routing('CN', 'SG', 'NL'),
  },
  customsOfficeOfFirstEntry: { referenceNumber: 'NL000396' },
  consignmentMasterLevel: {
    transportDocumentMasterLevel: { documentNumber: 'MSCUSH1234567', type: 'N705' },
    carrier: { name: 'Oceanic Lines SA', identificationNumber: 'NL987654321' },
    placeOfLoading: { unLocode: 'CNSHA' },
    placeOfUnloading: { unLocode: 'NLRTM' },
    consignmentHouseLevel: [
      {
        containerIndicator: '1',
        totalGrossMass: 18250.5,
        placeOfAcceptance: { unLocode: 'CNSHA', location: 'Shanghai Yangshan' },
        placeOfDelivery: { unLocode: 'NLRTM' },
        countriesOfRoutingOfConsignment: routing('CN', 'SG', 'NL'),
        consignor: consignor(),
        consignee: { name: 'Holland Import BV', identificationNumber: 'NL123456789' },
        notifyParty: { name: 'Holland Import BV', identificationNumber: 'NL123456789' },
        goodsShipment: {
          buyer: { name: 'Holland Import BV', identificationNumber: 'NL123456789' },
          seller: consignor(),
        },
        transportEquipment: [{ sequenceNumber: 1, containerIdentificationNumber: 'MSCU1234565', numberOfSeals: 1 }],
        goodsItem: [
          {
            goodsItemNumber: 1,
            commodity: { descriptionOfGoods: 'Ceramic floor tiles, glazed', commodityCode: { harmonizedSystemSubHeadingCode: '690721' } },
            weight: { grossMass: 18250.5 },
            packaging: [{ numberOfPackages: 20, typeOfPackages: 'PX', shippingMarks: 'HIB ROTTERDAM 1-20' }],
          },
        ],
      },
    ],
  },
});

/** F17, maritime buyer and seller for a house B/L, filed by the next filing party. */
export const buyerSellerF17 = (): EnsFiling => ({
  lrn: 'F17-2025-000001',
  documentIssueDate: '2025-02-02T09:00:00Z',
  specificCircumstanceIndicator: 'F17',
  addressedMemberState: { country: 'NL' },
  declarant: declarant(),
  customsOfficeOfFirstEntry: { referenceNumber: 'NL000396' },
  consignmentHouseLevel: [
    {
      transportDocumentHouseLevel: { documentNumber: 'HBL-SHA-77001', type: 'N714' },
      transportDocumentMasterLevel: { documentNumber: 'MSCUSH1234567', type: 'N704' },
      carrier: { identificationNumber: 'NL987654321' },
      goodsShipment: { buyer: { name: 'Holland Import BV', identificationNumber: 'NL123456789' }, seller: consignor() },
    },
  ],
});

/** F45, postal consignment by sea: the carrier's master-level data, no house consignments. */
export const postalSeaF45 = (): EnsFiling => {
  const { consignmentHouseLevel: _houses, ...master } = maritimeF10().consignmentMasterLevel ?? { consignmentHouseLevel: [] };
  return {
    ...maritimeF10(),
    lrn: 'F45-2025-000001',
    specificCircumstanceIndicator: 'F45',
    consignmentMasterLevel: { ...master, transportDocumentMasterLevel: { documentNumber: 'MSCUSH7654321', type: 'N704' }, consignmentHouseLevel: [] },
  };
};

/** F43, postal PLACI item level: postal charges and the despatch note. */
export const postalItemF43 = (): EnsFiling => ({
  lrn: 'F43-2025-000001',
  documentIssueDate: '2025-03-01T06:00:00Z',
  specificCircumstanceIndicator: 'F43',
  declarant: declarant(),
  customsOfficeOfFirstEntry: { referenceNumber: 'DE004711' },
  consignmentHouseLevel: [
    {
      totalGrossMass: 0.45,
      referenceNumberUcr: 'RR123456785CN',
      transportDocumentHouseLevel: { documentNumber: 'CP123456785CN', type: 'N750' },
      transportDocumentMasterLevel: { documentNumber: '020-12345675', type: 'N741' },
      carrier: { identificationNumber: CARRIER },
      consignor: consignor(),
      consignee: consignee(),
      postalCharges: { value: 4.5, currency: 'EUR' },
      goodsItem: [{ goodsItemNumber: 1, commodity: { descriptionOfGoods: 'Silk scarf, printed' }, packaging: [{ numberOfPackages: 1 }] }],
    },
  ],
});

/** F50, road complete dataset: a truck from Kyiv to Warsaw under a CMR. */
export const roadF50 = (): EnsFiling => ({
  lrn: 'F50-2025-000001',
  documentIssueDate: '2025-03-10T05:00:00Z',
  specificCircumstanceIndicator: 'F50',
  declarant: declarant(),
  activeBorderTransportMeans: {
    identificationNumber: 'AA1234BB',
    nationality: 'UA',
    modeOfTransport: '3',
    estimatedDateAndTimeOfArrival: '2025-03-10T14:00:00Z',
    countriesOfRoutingOfMeansOfTransport: routing('UA', 'PL'),
  },
  customsOfficeOfFirstEntry: { referenceNumber: 'PL301010' },
  consignmentMasterLevel: {
    transportDocumentMasterLevel: { documentNumber: 'CMR-UA-2025-0042', type: 'N730' },
    carrier: { name: 'Dnipro Trans LLC', identificationNumber: 'UA12345678' },
    placeOfLoading: { unLocode: 'UAIEV' },
    placeOfUnloading: { unLocode: 'PLWAW' },
    placeOfAcceptance: { unLocode: 'UAIEV' },
    placeOfDelivery: { unLocode: 'PLWAW' },
    consignmentHouseLevel: [
      {
        totalGrossMass: 8200,
        countriesOfRoutingOfConsignment: routing('UA', 'PL'),
        consignor: { name: 'Kyiv Agro Export LLC', address: { city: 'Kyiv', country: 'UA', streetAndNumber: 'Khreshchatyk 1' } },
        consignee: { name: 'Polskie Zboza Sp z o o', identificationNumber: 'PL5260001246' },
        goodsItem: [
          {
            goodsItemNumber: 1,
            commodity: { descriptionOfGoods: 'Sunflower seed oil, refined, in bottles', commodityCode: { harmonizedSystemSubHeadingCode: '151219' } },
            weight: { grossMass: 5200 },
            packaging: [{ numberOfPackages: 26, typeOfPackages: 'PX' }],
          },
          {
            goodsItemNumber: 2,
            commodity: { descriptionOfGoods: 'Buckwheat groats', commodityCode: { harmonizedSystemSubHeadingCode: '110319', combinedNomenclatureCode: '90' } },
            weight: { grossMass: 3000 },
            packaging: [{ numberOfPackages: 120, typeOfPackages: 'BG' }],
          },
        ],
      },
    ],
  },
});

/** Every valid filing fixture, by name. */
export const VALID_FILINGS: Readonly<Record<string, () => EnsFiling>> = {
  'air complete F20': () => completeAirF20(),
  'air master F21': () => masterAirF21(),
  'air house F22': houseAirF22,
  'air PLACI house F24': placiHouseF24,
  'maritime complete F10': maritimeF10,
  'maritime buyer and seller F17': buyerSellerF17,
  'maritime postal master F45': postalSeaF45,
  'postal PLACI item F43': postalItemF43,
  'road complete F50': roadF50,
};

/** IE3N06 fixtures: one per way of matching. */
export const arrivalByMrns = (): ArrivalNotification => ({
  actualDateAndTimeOfArrival: '2025-03-02T06:12:00Z',
  customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004711' },
  mrns: [ENS_MRN, OTHER_ENS_MRN],
});
export const arrivalByMeans = (): ArrivalNotification => ({
  actualDateAndTimeOfArrival: '2025-03-02T06:12:00.250Z',
  customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004711' },
  activeBorderTransportMeans: { conveyanceReferenceNumber: 'AD8401', estimatedDateAndTimeOfArrival: '2025-03-02T06:05:00Z' },
});
export const arrivalByMasterDocuments = (): ArrivalNotification => ({
  actualDateAndTimeOfArrival: '2025-03-02T06:12:00Z',
  customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004711' },
  masterTransportDocuments: [{ documentNumber: '020-12345675' }, { documentNumber: '020-99887766' }],
});

/** A change to a message, addressed by JSON pointer: set (create or replace) or remove an element. */
export type Edit = { readonly set: string; readonly to: unknown } | { readonly remove: string };

type Container = Record<string, unknown> | unknown[];

/** A deep copy of `message` with the edits applied in order. The parent of every edited pointer must exist. */
export function edited(message: object, ...edits: readonly Edit[]): Record<string, unknown> {
  const copy = structuredClone(message) as Record<string, unknown>;
  for (const edit of edits) {
    const tokens = parsePointer('set' in edit ? edit.set : edit.remove);
    if (!tokens || tokens.length === 0) throw new Error('an edit needs a pointer below the body');
    const last = tokens[tokens.length - 1];
    let parent = copy as Container;
    for (const token of tokens.slice(0, -1)) parent = (parent as Record<string, unknown>)[token] as Container;
    if ('set' in edit) (parent as Record<string, unknown>)[last] = edit.to;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  }
  return copy;
}

export const set = (pointer: string, to: unknown): Edit => ({ set: pointer, to });
export const remove = (pointer: string): Edit => ({ remove: pointer });
