import { ValidationCodeId } from '@ics2/contracts';
import { formatMrn } from '@ics2/domain';
import {
  buyerSellerF17,
  completeAirF20,
  edited,
  Edit,
  ENS_MRN,
  houseAirF22,
  maritimeF10,
  masterAirF21,
  placiHouseF24,
  postalItemF43,
  remove,
  REPRESENTATIVE,
  roadF50,
  SENDER,
  set,
} from './validation-fixtures.test-harness';

/**
 * Malformed ENS filings, one per row: the body (a valid fixture with edits, or junk), the sender, and one error
 * the answer must contain ({ code, pointer }). The spec asserts `ok: false` and that error; the rows cover every
 * layer: structure, shape, code lists and value objects, and the filing rules.
 */
export interface MalformedFiling {
  readonly name: string;
  readonly body: () => unknown;
  readonly sender: string;
  readonly expected: { readonly code: ValidationCodeId; readonly pointer: string };
}

const F20 = completeAirF20;
/** The F20 fixture's house, goods item and means of transport. */
const H = '/consignmentMasterLevel/consignmentHouseLevel/0';
const G = `${H}/goodsItem/0`;
const M = '/activeBorderTransportMeans';
/** House-level fixtures (F22, F24, F43, F17) keep their houses at the top. */
const TH = '/consignmentHouseLevel/0';

const row = (
  name: string,
  base: () => object,
  edits: readonly Edit[],
  [code, pointer]: [ValidationCodeId, string],
  sender = SENDER,
): MalformedFiling => ({ name, body: () => edited(base(), ...edits), sender, expected: { code, pointer } });

const junk = (name: string, body: () => unknown, [code, pointer]: [ValidationCodeId, string]): MalformedFiling => ({
  name,
  body,
  sender: SENDER,
  expected: { code, pointer },
});

/** `{ key: { key: ... } }` `depth` levels deep, built without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

/** The F20 fixture as JSON text with an extra member spliced in: the only way to send a real `__proto__` key. */
const withRawMember = (json: string): unknown => {
  const text = JSON.stringify(F20());
  return JSON.parse(`{${json},${text.slice(1)}`);
};

const text = (length: number) => 'a'.repeat(length);
const many = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));
const routing = (...countries: string[]) => countries.map((country, index) => ({ sequenceNumber: index + 1, country }));
const INJECTION = "'; DROP TABLE filings; --";
const SCRIPT = '<script>alert(1)</script>';
const NON_ENS_MRN = formatMrn({ year: 2025, memberState: 'DE', serial: 4711n, procedure: 'N' });

export const MALFORMED_FILINGS: readonly MalformedFiling[] = [
  // a. structure: not an object, prototype keys, depth, sizes, non-JSON values
  junk('an array body', () => [F20()], ['X06', '']),
  junk('a string body', () => JSON.stringify(F20()), ['X06', '']),
  junk('a null body', () => null, ['X06', '']),
  junk('a number body', () => 42, ['X06', '']),
  junk('no body at all', () => undefined, ['X06', '']),
  junk('a __proto__ key at the top', () => withRawMember('"__proto__":{"polluted":true}'), ['X07', '/__proto__']),
  junk('a __proto__ key in the declarant', () => {
    const body = F20() as unknown as { declarant: object };
    body.declarant = JSON.parse('{"__proto__":{"isAdmin":true},"identificationNumber":"DE1234567890123"}');
    return body;
  }, ['X07', '/declarant/__proto__']),
  row('a constructor key in a goods item', F20, [set(`${G}/constructor`, { prototype: {} })], ['X07', `${G}/constructor`]),
  row('a prototype key in a house', F20, [set(`${H}/prototype`, 'x')], ['X07', `${H}/prototype`]),
  row('a toString key in the declarant', F20, [set('/declarant/toString', 'x')], ['X07', '/declarant/toString']),
  row('objects nested 100,000 deep', F20, [set('/junk', nested(100_000, (inner) => ({ a: inner })))], ['X06', `/junk${'/a'.repeat(11)}`]),
  row('arrays nested 100,000 deep', F20, [set('/lrn', nested(100_000, (inner) => [inner]))], ['X06', `/lrn${'/0'.repeat(11)}`]),
  row('a 5,000-character LRN', F20, [set('/lrn', text(5_000))], ['12', '/lrn']),
  row('a 1 MB string under an unknown key', F20, [set('/padding', text(1_000_000))], ['12', '/padding']),
  row('an element name of 1,000 characters', F20, [set(`/declarant/${text(1_000)}`, 1)], ['X07', '/declarant']),
  row('an object of 65 members', F20, [set('/declarant', Object.fromEntries(many(65, (i): [string, number] => [`k${i}`, i])))], ['X07', '/declarant']),
  row('100,000 house consignments', F20, [set('/consignmentMasterLevel/consignmentHouseLevel', many(100_000, () => ({})))], [
    'X05',
    '/consignmentMasterLevel/consignmentHouseLevel',
  ]),
  row('10,000 goods items', F20, [set(`${H}/goodsItem`, many(10_000, () => ({})))], ['X05', `${H}/goodsItem`]),
  row('10,000 containers', F20, [set(`${H}/transportEquipment`, many(10_000, () => ({})))], ['X05', `${H}/transportEquipment`]),
  row('100 routing countries', F20, [set(`${M}/countriesOfRoutingOfMeansOfTransport`, routing(...many(100, () => 'CN')))], [
    'X05',
    `${M}/countriesOfRoutingOfMeansOfTransport`,
  ]),
  row('100 supporting documents', F20, [set('/consignmentMasterLevel/supportingDocuments', many(100, () => ({})))], [
    'X05',
    '/consignmentMasterLevel/supportingDocuments',
  ]),
  row('10 communications', F20, [set('/declarant/communication', many(10, () => ({ identifier: 'a@b.example', type: 'EM' })))], [
    'X05',
    '/declarant/communication',
  ]),
  row('NaN as a gross mass', F20, [set(`${G}/weight/grossMass`, Number.NaN)], ['X06', `${G}/weight/grossMass`]),
  row('Infinity as a gross mass', F20, [set(`${H}/totalGrossMass`, Number.POSITIVE_INFINITY)], ['X06', `${H}/totalGrossMass`]),
  junk('a Date as the issue date', () => ({ ...F20(), documentIssueDate: new Date('2025-03-01T08:30:00Z') }), ['X06', '/documentIssueDate']),
  junk('a function as the LRN', () => ({ ...F20(), lrn: () => 'LRN' }), ['X06', '/lrn']),
  junk('a bigint as a goods item number', () => {
    const body = edited(F20());
    (((body.consignmentMasterLevel as { consignmentHouseLevel: { goodsItem: { goodsItemNumber: unknown }[] }[] })
      .consignmentHouseLevel[0].goodsItem[0]).goodsItemNumber = 1n);
    return body;
  }, ['X06', `${G}/goodsItemNumber`]),
  junk('a Map as the declarant', () => ({ ...F20(), declarant: new Map([['identificationNumber', SENDER]]) }), ['X06', '/declarant']),
  junk('a getter that throws', () => Object.defineProperty(F20(), 'lrn', { enumerable: true, get: () => { throw new Error('boom'); } }), [
    'X06',
    '/lrn',
  ]),
  row('a null goods item', F20, [set(`${H}/goodsItem`, [null])], ['X06', `${G}`]),
  row('undefined in the routing', F20, [set(`${M}/countriesOfRoutingOfMeansOfTransport`, [undefined, { sequenceNumber: 2, country: 'DE' }])], [
    'X06',
    `${M}/countriesOfRoutingOfMeansOfTransport/0`,
  ]),
  row('a hole in the goods items', F20, [set(`${H}/goodsItem`, [, { goodsItemNumber: 2 }])], ['X06', `${G}`]),

  // b. shape: JSON types, missing mandatory elements, unknown elements, lengths
  row('a number as the LRN', F20, [set('/lrn', 12345)], ['X06', '/lrn']),
  row('no LRN', F20, [remove('/lrn')], ['X01', '/lrn']),
  row('a 23-character LRN', F20, [set('/lrn', text(23))], ['12', '/lrn']),
  row('no document issue date', F20, [remove('/documentIssueDate')], ['X01', '/documentIssueDate']),
  row('no filing type', F20, [remove('/specificCircumstanceIndicator')], ['X01', '/specificCircumstanceIndicator']),
  row('no declarant', F20, [remove('/declarant')], ['X01', '/declarant']),
  row('a string as the declarant', F20, [set('/declarant', SENDER)], ['X06', '/declarant']),
  row("no declarant's EORI", F20, [remove('/declarant/identificationNumber')], ['X01', '/declarant/identificationNumber']),
  row('an 18-character EORI', F20, [set('/declarant/identificationNumber', 'DE1234567890123456')], ['12', '/declarant/identificationNumber']),
  row('no customs office of first entry', F20, [remove('/customsOfficeOfFirstEntry')], ['X01', '/customsOfficeOfFirstEntry']),
  row('an unknown top-level element', F20, [set('/comment', 'urgent')], ['X07', '/comment']),
  row('an unknown element in a goods item', F20, [set(`${G}/price`, 12)], ['X07', `${G}/price`]),
  row('an element name with / and ~', F20, [set('/declarant/a~1b~0c', 1)], ['X07', '/declarant/a~1b~0c']),
  row('a string as the goods item number', F20, [set(`${G}/goodsItemNumber`, '1')], ['X06', `${G}/goodsItemNumber`]),
  row('a string as the gross mass', F20, [set(`${G}/weight/grossMass`, '1.2')], ['X06', `${G}/weight/grossMass`]),
  row('a string as the number of packages', F20, [set(`${G}/packaging/0/numberOfPackages`, '1')], ['X06', `${G}/packaging/0/numberOfPackages`]),
  row('a boolean as the total gross mass', F20, [set(`${H}/totalGrossMass`, true)], ['X06', `${H}/totalGrossMass`]),
  row('an object as the goods items', F20, [set(`${H}/goodsItem`, { 0: {} })], ['X06', `${H}/goodsItem`]),
  row('a string as a goods item', F20, [set(`${G}`, 'headphones')], ['X06', `${G}`]),
  row('an array as a goods item', F20, [set(`${G}`, [{ goodsItemNumber: 1 }])], ['X06', `${G}`]),
  row('an array as the commodity', F20, [set(`${G}/commodity`, [])], ['X06', `${G}/commodity`]),
  row('no commodity', F20, [remove(`${G}/commodity`)], ['X01', `${G}/commodity`]),
  row('no goods description', F20, [remove(`${G}/commodity/descriptionOfGoods`)], ['X01', `${G}/commodity/descriptionOfGoods`]),
  row('a 513-character description', F20, [set(`${G}/commodity/descriptionOfGoods`, `Cotton shirts ${text(500)}`)], [
    '12',
    `${G}/commodity/descriptionOfGoods`,
  ]),
  row('a 71-character consignor name', F20, [set(`${H}/consignor/name`, text(71))], ['12', `${H}/consignor/name`]),
  row('a 36-character city', F20, [set(`${H}/consignee/address/city`, text(36))], ['12', `${H}/consignee/address/city`]),
  row('an 18-character postcode', F20, [set(`${H}/consignee/address/postcode`, text(18))], ['12', `${H}/consignee/address/postcode`]),
  row('a 71-character street', F20, [set('/declarant/address/streetAndNumber', text(71))], ['12', '/declarant/address/streetAndNumber']),
  row('a 71-character document number', F20, [set('/consignmentMasterLevel/transportDocumentMasterLevel/documentNumber', text(71))], [
    '12',
    '/consignmentMasterLevel/transportDocumentMasterLevel/documentNumber',
  ]),
  row('a 36-character flight number', F20, [set(`${M}/conveyanceReferenceNumber`, text(36))], ['12', `${M}/conveyanceReferenceNumber`]),
  row('no mode of transport', F20, [remove(`${M}/modeOfTransport`)], ['X01', `${M}/modeOfTransport`]),
  row('a single routing country', F20, [set(`${M}/countriesOfRoutingOfMeansOfTransport`, routing('DE'))], ['12', `${M}/countriesOfRoutingOfMeansOfTransport`]),
  row('a goods item number of 1.5', F20, [set(`${G}/goodsItemNumber`, 1.5)], ['12', `${G}/goodsItemNumber`]),
  row('a goods item number of 0', F20, [set(`${G}/goodsItemNumber`, 0)], ['12', `${G}/goodsItemNumber`]),
  row('a negative routing sequence number', F20, [set(`${M}/countriesOfRoutingOfMeansOfTransport/0/sequenceNumber`, -1)], [
    '12',
    `${M}/countriesOfRoutingOfMeansOfTransport/0/sequenceNumber`,
  ]),
  row('a master level without its house list', F20, [remove('/consignmentMasterLevel/consignmentHouseLevel')], [
    'X01',
    '/consignmentMasterLevel/consignmentHouseLevel',
  ]),
  row('an empty communication list', F20, [set('/declarant/communication', [])], ['12', '/declarant/communication']),
  row('a number among the screening methods', F20, [set('/hrcmScreeningResults', [{ result: 'SPX', screeningMethod: ['XRY', 7] }])], [
    'X06',
    '/hrcmScreeningResults/0/screeningMethod/1',
  ]),
  row('a single screening method', F20, [set('/hrcmScreeningResults', [{ result: 'SPX', screeningMethod: ['XRY'] }])], [
    '12',
    '/hrcmScreeningResults/0/screeningMethod',
  ]),
  row('a boolean as the representative', F20, [set('/representative', true)], ['X06', '/representative']),

  // c. code lists and value objects
  row('filing type F99', F20, [set('/specificCircumstanceIndicator', 'F99')], ['12', '/specificCircumstanceIndicator']),
  row('filing type in lower case', F20, [set('/specificCircumstanceIndicator', 'f20')], ['12', '/specificCircumstanceIndicator']),
  row('an EORI in lower case', F20, [set('/declarant/identificationNumber', 'de1234567890123')], ['12', '/declarant/identificationNumber']),
  row('an EORI with no country prefix', F20, [set('/declarant/identificationNumber', 'QQ123456')], ['12', '/declarant/identificationNumber'], 'QQ123456'),
  row("a bad representative's EORI", F20, [set('/representative', { identificationNumber: 'D-E-1', status: '2' })], [
    '12',
    '/representative/identificationNumber',
  ]),
  row("a bad carrier's EORI", F20, [set('/consignmentMasterLevel/carrier/identificationNumber', '12345')], [
    '12',
    '/consignmentMasterLevel/carrier/identificationNumber',
  ]),
  row("a bad consignee's EORI", F20, [set(`${H}/consignee/identificationNumber`, 'DE 123')], ['12', `${H}/consignee/identificationNumber`]),
  row('an injection string as the EORI', F20, [set('/declarant/identificationNumber', "DE'; DROP--")], ['12', '/declarant/identificationNumber']),
  row('a script tag as the UN/LOCODE', F20, [set('/consignmentMasterLevel/placeOfLoading/unLocode', '<script>')], [
    '12',
    '/consignmentMasterLevel/placeOfLoading/unLocode',
  ]),
  row('an injection string as the HS code', F20, [set(`${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, "1' OR")], [
    '12',
    `${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`,
  ]),
  row('a script tag as the filing type', F20, [set('/specificCircumstanceIndicator', SCRIPT)], ['12', '/specificCircumstanceIndicator']),
  row('an injection string as the previous MRN', F20, [set('/splitConsignment', { splitConsignmentIndicator: '1', previousMrn: INJECTION.slice(0, 18) })], [
    '12',
    '/splitConsignment/previousMrn',
  ]),
  row('country XX in an address', F20, [set(`${H}/consignor/address/country`, 'XX')], ['12', `${H}/consignor/address/country`]),
  row('country ZZ in the routing', F20, [set(`${H}/countriesOfRoutingOfConsignment/0/country`, 'ZZ')], ['12', `${H}/countriesOfRoutingOfConsignment/0/country`]),
  row('a UN/LOCODE with a digit 1', F20, [set('/consignmentMasterLevel/placeOfUnloading/unLocode', 'DEF1A')], [
    '12',
    '/consignmentMasterLevel/placeOfUnloading/unLocode',
  ]),
  row('a UN/LOCODE of no country', F20, [set(`${H}/placeOfAcceptance/unLocode`, 'QQSZX')], ['12', `${H}/placeOfAcceptance/unLocode`]),
  row('a customs office outside ICS2', F20, [set('/customsOfficeOfFirstEntry/referenceNumber', 'US000001')], ['12', '/customsOfficeOfFirstEntry/referenceNumber']),
  row('a customs office of 3 characters', F20, [set('/customsOfficeOfFirstEntry/referenceNumber', 'DE1')], ['12', '/customsOfficeOfFirstEntry/referenceNumber']),
  row('an HS code of 5 digits', F20, [set(`${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, '85183')], [
    '12',
    `${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`,
  ]),
  row('an HS code with a letter', F20, [set(`${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, '85A830')], [
    '12',
    `${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`,
  ]),
  row('an HS code of reserved chapter 77', F20, [set(`${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, '770010')], [
    '12',
    `${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`,
  ]),
  row('an 8-digit code in the HS subheading', F20, [set(`${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`, '85183000')], [
    '12',
    `${G}/commodity/commodityCode/harmonizedSystemSubHeadingCode`,
  ]),
  row('a CN code with a letter', F20, [set(`${G}/commodity/commodityCode/combinedNomenclatureCode`, 'A1')], [
    '12',
    `${G}/commodity/commodityCode/combinedNomenclatureCode`,
  ]),
  row('document type N999', F20, [set('/consignmentMasterLevel/transportDocumentMasterLevel/type', 'N999')], [
    '12',
    '/consignmentMasterLevel/transportDocumentMasterLevel/type',
  ]),
  row('a house waybill as the master document of an F20', F20, [set('/consignmentMasterLevel/transportDocumentMasterLevel/type', 'N703')], [
    '12',
    '/consignmentMasterLevel/transportDocumentMasterLevel/type',
  ]),
  row('a house B/L as the house document of an F20', F20, [set(`${H}/transportDocumentHouseLevel/type`, 'N714')], [
    '12',
    `${H}/transportDocumentHouseLevel/type`,
  ]),
  row('a house document in a straight-B/L F10', maritimeF10, [set(`${H}/transportDocumentHouseLevel`, { documentNumber: 'HBL-1', type: 'N714' })], [
    '12',
    `${H}/transportDocumentHouseLevel/type`,
  ]),
  row('a master air waybill on a road F50', roadF50, [set('/consignmentMasterLevel/transportDocumentMasterLevel/type', 'N741')], [
    '12',
    '/consignmentMasterLevel/transportDocumentMasterLevel/type',
  ]),
  row('maritime mode for an air F20', F20, [set(`${M}/modeOfTransport`, '1')], ['12', `${M}/modeOfTransport`]),
  row('mode of transport 9', F20, [set(`${M}/modeOfTransport`, '9')], ['12', `${M}/modeOfTransport`]),
  row('postal mode 5 for an F20', F20, [set(`${M}/modeOfTransport`, '5')], ['12', `${M}/modeOfTransport`]),
  row('air mode for a maritime F10', maritimeF10, [set(`${M}/modeOfTransport`, '4')], ['12', `${M}/modeOfTransport`]),
  row('a gross mass of 0', F20, [set(`${G}/weight/grossMass`, 0)], ['12', `${G}/weight/grossMass`]),
  row('a negative gross mass', F20, [set(`${H}/totalGrossMass`, -1.2)], ['12', `${H}/totalGrossMass`]),
  row('a gross mass with 7 decimals', F20, [set(`${H}/totalGrossMass`, 1.1234567)], ['12', `${H}/totalGrossMass`]),
  row('1.5 packages', F20, [set(`${G}/packaging/0/numberOfPackages`, 1.5)], ['12', `${G}/packaging/0/numberOfPackages`]),
  row('-1 packages', F20, [set(`${G}/packaging/0/numberOfPackages`, -1)], ['12', `${G}/packaging/0/numberOfPackages`]),
  row('a previous MRN with a wrong check digit', F20, [
    set('/splitConsignment', { splitConsignmentIndicator: '1', previousMrn: ENS_MRN.slice(0, 17) + String((Number(ENS_MRN[17]) + 1) % 10) }),
  ], ['12', '/splitConsignment/previousMrn']),
  row('a previous MRN of 17 characters', F20, [set('/splitConsignment', { splitConsignmentIndicator: '1', previousMrn: ENS_MRN.slice(0, 17) })], [
    '12',
    '/splitConsignment/previousMrn',
  ]),
  row('a previous MRN that is not an ENS MRN', F20, [set('/splitConsignment', { splitConsignmentIndicator: '1', previousMrn: NON_ENS_MRN })], [
    '12',
    '/splitConsignment/previousMrn',
  ]),
  row('an issue date with an offset', F20, [set('/documentIssueDate', '2025-03-01T08:30:00+01:00')], ['12', '/documentIssueDate']),
  row('an issue date of 30 February', F20, [set('/documentIssueDate', '2025-02-30T08:30:00Z')], ['12', '/documentIssueDate']),
  row('an estimated arrival without time', F20, [set(`${M}/estimatedDateAndTimeOfArrival`, '2025-03-02')], ['12', `${M}/estimatedDateAndTimeOfArrival`]),
  row('addressed Member State US', buyerSellerF17, [set('/addressedMemberState/country', 'US')], ['12', '/addressedMemberState/country']),
  row('representative status 1', F20, [set('/representative', { identificationNumber: REPRESENTATIVE, status: '1' })], ['12', '/representative/status']),
  row('type of person 4', F20, [set(`${H}/consignee/typeOfPerson`, '4')], ['12', `${H}/consignee/typeOfPerson`]),
  row('container indicator 2', maritimeF10, [set(`${H}/containerIndicator`, '2')], ['12', `${H}/containerIndicator`]),
  row('currency in lower case', postalItemF43, [set(`${TH}/postalCharges/currency`, 'eur')], ['12', `${TH}/postalCharges/currency`]),
  row('negative postal charges', postalItemF43, [set(`${TH}/postalCharges/value`, -4.5)], ['12', `${TH}/postalCharges/value`]),
  row('a UN number of 2 digits', F20, [set(`${G}/commodity/dangerousGoods`, [{ unNumber: '12' }])], ['12', `${G}/commodity/dangerousGoods/0/unNumber`]),
  row('a document number with a leading space', F20, [set(`${H}/transportDocumentHouseLevel/documentNumber`, ' HAWB-1')], [
    '12',
    `${H}/transportDocumentHouseLevel/documentNumber`,
  ]),
  row('a blank document number', F20, [set(`${H}/transportDocumentHouseLevel/documentNumber`, '   ')], ['12', `${H}/transportDocumentHouseLevel/documentNumber`]),

  // d. rules of the filing type and of the filing
  row('representative = declarant', F20, [set('/representative', { identificationNumber: SENDER, status: '2' })], [
    '12',
    '/representative/identificationNumber',
  ]),
  row('a sender who is not a party', F20, [], ['X03', '/declarant/identificationNumber'], 'FR99988877766'),
  row('a representative sending for a filing naming another representative', F20, [set('/representative', { identificationNumber: REPRESENTATIVE, status: '3' })], [
    'X03',
    '/declarant/identificationNumber',
  ], 'DE7777777777777'),
  row('routing missing the country of delivery', F20, [set(`${H}/countriesOfRoutingOfConsignment`, routing('CN', 'HK'))], [
    '12',
    `${H}/countriesOfRoutingOfConsignment`,
  ]),
  row('routing missing the country of acceptance', maritimeF10, [set(`${H}/countriesOfRoutingOfConsignment`, routing('SG', 'NL'))], [
    '12',
    `${H}/countriesOfRoutingOfConsignment`,
  ]),
  row("the means of transport's routing missing the delivery country (master-level places)", roadF50, [
    remove(`${H}/countriesOfRoutingOfConsignment`),
    set(`${M}/countriesOfRoutingOfMeansOfTransport`, routing('UA', 'SK')),
  ], ['12', `${M}/countriesOfRoutingOfMeansOfTransport`]),
  row('no routing of the consignment', F20, [remove(`${H}/countriesOfRoutingOfConsignment`)], ['X01', `${H}/countriesOfRoutingOfConsignment`]),
  row('routing sequence numbers repeated', F20, [set(`${H}/countriesOfRoutingOfConsignment/1/sequenceNumber`, 1)], [
    '12',
    `${H}/countriesOfRoutingOfConsignment/1/sequenceNumber`,
  ]),
  row('routing sequence numbers from 2', F20, [
    set(`${M}/countriesOfRoutingOfMeansOfTransport/0/sequenceNumber`, 2),
    set(`${M}/countriesOfRoutingOfMeansOfTransport/1/sequenceNumber`, 3),
  ], ['12', `${M}/countriesOfRoutingOfMeansOfTransport/1/sequenceNumber`]),
  row('goods item numbers repeated', roadF50, [set(`${H}/goodsItem/1/goodsItemNumber`, 1)], ['12', `${H}/goodsItem/1/goodsItemNumber`]),
  row('goods item numbers with a gap', roadF50, [set(`${H}/goodsItem/1/goodsItemNumber`, 3)], ['12', `${H}/goodsItem/1/goodsItemNumber`]),
  ...['gift', 'Parts', 'various', 'SAMPLES', 'accessories', 'spare parts', 'General cargo', 'Said to contain 10 cartons', 'TV'].map((description) =>
    row(`goods described as "${description}"`, F20, [set(`${G}/commodity/descriptionOfGoods`, description)], ['100', `${G}/commodity/descriptionOfGoods`]),
  ),
  row('a description in Chinese', F20, [set(`${G}/commodity/descriptionOfGoods`, '蓝牙无线耳机')], ['102', `${G}/commodity/descriptionOfGoods`]),
  row('an emoji in the description', F20, [set(`${G}/commodity/descriptionOfGoods`, 'Wireless headphones 🎧')], ['102', `${G}/commodity/descriptionOfGoods`]),
  row("a consignor's name in Chinese", F20, [set(`${H}/consignor/name`, '深圳光明电子有限公司')], ['102', `${H}/consignor/name`]),
  row('an emoji in a street', F20, [set(`${H}/consignee/address/streetAndNumber`, 'Lindenallee 3 🏠')], ['102', `${H}/consignee/address/streetAndNumber`]),
  row('a city in Arabic script', F20, [set(`${H}/consignor/address/city`, 'دبي')], ['102', `${H}/consignor/address/city`]),
  row('shipping marks in Japanese', F20, [set(`${G}/packaging/0/shippingMarks`, '取扱注意')], ['102', `${G}/packaging/0/shippingMarks`]),
  row('a bidi override in a name', F20, [set('/declarant/name', 'Rheinland \u202eHbmG')], ['102', '/declarant/name']),
  row('fullwidth Latin letters in a location', maritimeF10, [set(`${H}/placeOfAcceptance/location`, 'Ｓｈａｎｇｈａｉ')], ['102', `${H}/placeOfAcceptance/location`]),
  row('CJK in additional information', F20, [set(`${G}/additionalInformation`, [{ code: '00200', text: '易碎' }])], ['102', `${G}/additionalInformation/0/text`]),
  row('no consignor', F20, [remove(`${H}/consignor`)], ['X01', `${H}/consignor`]),
  row('a consignor with neither identification nor name', F20, [remove(`${H}/consignor/name`)], ['X01', `${H}/consignor/name`]),
  row('no consignee', F20, [remove(`${H}/consignee`)], ['X01', `${H}/consignee`]),
  row('no goods items', F20, [remove(`${H}/goodsItem`)], ['X01', `${H}/goodsItem`]),
  row('an empty goods item list', F20, [set(`${H}/goodsItem`, [])], ['X01', `${H}/goodsItem`]),
  row('no HS code where the F20 requires it', F20, [remove(`${G}/commodity/commodityCode`)], ['X01', `${G}/commodity/commodityCode`]),
  row('no packaging', F20, [remove(`${G}/packaging`)], ['X01', `${G}/packaging`]),
  row('packaging without a number of packages', F20, [remove(`${G}/packaging/0/numberOfPackages`)], ['X01', `${G}/packaging/0/numberOfPackages`]),
  row('no gross mass at all', F20, [remove(`${H}/totalGrossMass`), remove(`${G}/weight`)], ['X01', `${H}/totalGrossMass`]),
  row('no carrier', F20, [remove('/consignmentMasterLevel/carrier')], ['X01', '/consignmentMasterLevel/carrier']),
  row('a carrier without identification', F20, [remove('/consignmentMasterLevel/carrier/identificationNumber')], [
    'X01',
    '/consignmentMasterLevel/carrier/identificationNumber',
  ]),
  row('no means of transport', F20, [remove(M)], ['X01', M]),
  row('no routing of the means of transport', F20, [remove(`${M}/countriesOfRoutingOfMeansOfTransport`)], ['X01', `${M}/countriesOfRoutingOfMeansOfTransport`]),
  row('no place of loading', F20, [remove('/consignmentMasterLevel/placeOfLoading')], ['X01', '/consignmentMasterLevel/placeOfLoading']),
  row('an empty place of unloading', F20, [set('/consignmentMasterLevel/placeOfUnloading', {})], ['X01', '/consignmentMasterLevel/placeOfUnloading']),
  row('no master document', F20, [remove('/consignmentMasterLevel/transportDocumentMasterLevel')], [
    'X01',
    '/consignmentMasterLevel/transportDocumentMasterLevel',
  ]),
  row('a listed house without its house waybill', masterAirF21, [remove(`${H}/transportDocumentHouseLevel`)], ['X01', `${H}/transportDocumentHouseLevel`]),
  row('goods in a master-level F21', masterAirF21, [set(`${H}/goodsItem`, F20().consignmentMasterLevel?.consignmentHouseLevel[0].goodsItem)], [
    'X07',
    `${H}/goodsItem`,
  ]),
  row('an F21 listing no house', masterAirF21, [set('/consignmentMasterLevel/consignmentHouseLevel', [])], ['X01', '/consignmentMasterLevel/consignmentHouseLevel']),
  row('the same house waybill twice in an F21', masterAirF21, [set(`/consignmentMasterLevel/consignmentHouseLevel/1/transportDocumentHouseLevel/documentNumber`, 'HAWB-SZX-000001')], [
    '12',
    '/consignmentMasterLevel/consignmentHouseLevel/1/transportDocumentHouseLevel/documentNumber',
  ]),
  row('a master level in a house-level F22', houseAirF22, [set('/consignmentMasterLevel', { consignmentHouseLevel: [] })], ['X07', '/consignmentMasterLevel']),
  row('an F22 without house consignments', houseAirF22, [remove('/consignmentHouseLevel')], ['X01', '/consignmentHouseLevel']),
  row('an F22 house without its master document', houseAirF22, [remove(`${TH}/transportDocumentMasterLevel`)], ['X01', `${TH}/transportDocumentMasterLevel`]),
  row('an F22 house without its carrier', houseAirF22, [remove(`${TH}/carrier`)], ['X01', `${TH}/carrier`]),
  row('an F24 house without its carrier', placiHouseF24, [remove(`${TH}/carrier`)], ['X01', `${TH}/carrier`]),
  row('an F24 house without its master document', placiHouseF24, [remove(`${TH}/transportDocumentMasterLevel`)], ['X01', `${TH}/transportDocumentMasterLevel`]),
  row('top-level houses in a complete F20', F20, [set('/consignmentHouseLevel', [])], ['X07', '/consignmentHouseLevel']),
  row('an F20 without master level', F20, [remove('/consignmentMasterLevel')], ['X01', '/consignmentMasterLevel']),
  row("a house of an F20 naming its own carrier", F20, [set(`${H}/carrier`, { identificationNumber: 'DE9876543210987' })], ['X07', `${H}/carrier`]),
  row('an F10 without buyer', maritimeF10, [remove(`${H}/goodsShipment/buyer`)], ['X01', `${H}/goodsShipment/buyer`]),
  row('an F10 without buyer and seller', maritimeF10, [remove(`${H}/goodsShipment`)], ['X01', `${H}/goodsShipment`]),
  row('an F10 without place of delivery', maritimeF10, [remove(`${H}/placeOfDelivery`)], ['X01', `${H}/placeOfDelivery`]),
  row('containerised goods without containers', maritimeF10, [remove(`${H}/transportEquipment`)], ['X01', `${H}/transportEquipment`]),
  row('an F17 without addressed Member State', buyerSellerF17, [remove('/addressedMemberState')], ['X01', '/addressedMemberState']),
  row('an F43 without postal charges', postalItemF43, [remove(`${TH}/postalCharges`)], ['X01', `${TH}/postalCharges`]),
  row('estimated arrival before the issue date', F20, [set(`${M}/estimatedDateAndTimeOfArrival`, '2025-03-01T08:29:59Z')], ['12', `${M}/estimatedDateAndTimeOfArrival`]),
  row('a split consignment without previous MRN', F20, [set('/splitConsignment', { splitConsignmentIndicator: '1' })], ['X01', '/splitConsignment/previousMrn']),
  row('a previous MRN on an unsplit consignment', F20, [set('/splitConsignment', { splitConsignmentIndicator: '0', previousMrn: ENS_MRN })], [
    '12',
    '/splitConsignment/previousMrn',
  ]),
];
