/**
 * Every array the trader API documents a maximum for (`maxItems` in the OpenAPI document the app serves) is
 * refused one element over that maximum, through the real HTTP doors of the trader-interface app (on a fresh
 * PostgreSQL, with gRPC peers standing in for common-repository and risk-analysis): 400 IE3N99, X05 at the
 * array's pointer, and nothing sent on (so nothing written). At the maximum itself the array is not refused for
 * its length, so the limit enforced is the one documented. The rows are checked against the document: an array
 * documented with a maximum and no row here fails the spec.
 */
import { status } from '@grpc/grpc-js';
import { commonRepositoryV1, riskAnalysisV1 } from '@ics2/contracts';
import { freshDatabase, startTestService, type FreshDatabase, type TestService } from '@ics2/testing';
import { platformRefusal, startGrpcPeer, type GrpcPeer } from '../doors/grpc-peer.test-harness';
import { migrateTraderInterface } from '../migrate';
import { definition } from '../service.definition';
import {
  arrivalByMasterDocuments,
  arrivalByMrns,
  completeAirF20,
  edited,
  ENS_MRN,
  houseAirF22,
  REPRESENTATIVE,
  SENDER,
  set,
  type Edit,
} from './validation/validation-fixtures.test-harness';

type Door = 'filing' | 'arrival' | 'referral answer';

/** One documented array: its schema and property in the document, where it sits in a message, an element of it. */
interface Row {
  readonly schema: string;
  readonly property: string;
  readonly door: Door;
  readonly base: () => object;
  /** Edits that make room for the array (a party or result that holds it). */
  readonly before?: readonly Edit[];
  readonly pointer: string;
  readonly element: unknown;
}

const H = '/consignmentMasterLevel/consignmentHouseLevel/0';
const G = `${H}/goodsItem/0`;
const REFERENCE = `${ENS_MRN}-R1`;
const ie3r02 = () => ({ messageType: 'IE3R02', information: 'spare parts for printing machines' });
const ie3r03 = () => ({ messageType: 'IE3R03', screeningResult: 'clear', screeningMethods: ['XRY'] });

const filing = (schema: string, property: string, pointer: string, element: unknown = {}, before: readonly Edit[] = []): Row => ({
  schema,
  property,
  door: 'filing',
  base: () => completeAirF20(),
  before,
  pointer,
  element,
});

const ROWS: readonly Row[] = [
  filing('EnsFilingRequestDto', 'hrcmScreeningResults', '/hrcmScreeningResults'),
  { ...filing('EnsFilingRequestDto', 'consignmentHouseLevel', '/consignmentHouseLevel'), base: houseAirF22 },
  filing('HrcmScreeningResultRequestDto', 'screeningMethod', '/hrcmScreeningResults/0/screeningMethod', 'XRY', [
    set('/hrcmScreeningResults', [{ result: 'SPX', screeningMethod: ['XRY', 'ETD'] }]),
  ]),
  filing('ActiveBorderTransportMeansRequestDto', 'countriesOfRoutingOfMeansOfTransport', '/activeBorderTransportMeans/countriesOfRoutingOfMeansOfTransport'),
  filing('DeclarantRequestDto', 'communication', '/declarant/communication'),
  filing('RepresentativeRequestDto', 'communication', '/representative/communication', {}, [
    set('/representative', { identificationNumber: REPRESENTATIVE, status: '2' }),
  ]),
  filing('PartyRequestDto', 'communication', `${H}/consignor/communication`),
  filing('ConsignmentMasterLevelRequestDto', 'consignmentHouseLevel', '/consignmentMasterLevel/consignmentHouseLevel'),
  filing('ConsignmentMasterLevelRequestDto', 'supportingDocuments', '/consignmentMasterLevel/supportingDocuments'),
  filing('ConsignmentMasterLevelRequestDto', 'additionalSupplyChainActor', '/consignmentMasterLevel/additionalSupplyChainActor'),
  filing('HouseConsignmentRequestDto', 'countriesOfRoutingOfConsignment', `${H}/countriesOfRoutingOfConsignment`),
  filing('HouseConsignmentRequestDto', 'transportEquipment', `${H}/transportEquipment`),
  filing('HouseConsignmentRequestDto', 'supportingDocuments', `${H}/supportingDocuments`),
  filing('HouseConsignmentRequestDto', 'additionalInformation', `${H}/additionalInformation`),
  filing('HouseConsignmentRequestDto', 'goodsItem', `${H}/goodsItem`),
  filing('GoodsItemRequestDto', 'packaging', `${G}/packaging`),
  filing('GoodsItemRequestDto', 'supportingDocuments', `${G}/supportingDocuments`),
  filing('GoodsItemRequestDto', 'additionalInformation', `${G}/additionalInformation`),
  filing('CommodityRequestDto', 'dangerousGoods', `${G}/commodity/dangerousGoods`),
  { schema: 'ArrivalNotificationRequestDto', property: 'mrns', door: 'arrival', base: arrivalByMrns, pointer: '/mrns', element: ENS_MRN },
  { schema: 'ArrivalNotificationRequestDto', property: 'masterTransportDocuments', door: 'arrival', base: arrivalByMasterDocuments, pointer: '/masterTransportDocuments', element: {} },
  { schema: 'InformationAnswerRequestDto', property: 'documents', door: 'referral answer', base: ie3r02, pointer: '/documents', element: {} },
  { schema: 'ScreeningAnswerRequestDto', property: 'screeningMethods', door: 'referral answer', base: ie3r03, pointer: '/screeningMethods', element: 'XRY' },
];

/** The doors a message goes through: a filing's body is also an amendment's. */
const PATHS: Readonly<Record<Door, readonly string[]>> = {
  filing: ['/v1/filings', `/v1/filings/${ENS_MRN}/amendments`],
  arrival: ['/v1/arrivals'],
  'referral answer': [`/v1/referrals/${REFERENCE}/answer`],
};

type Schemas = Record<string, { properties?: Record<string, { maxItems?: number }> }>;
interface Refusal {
  readonly status: number;
  readonly body: { messageType?: string; errors?: { validationCode: string; pointer: string; description: string }[] };
}

describe('arrays the trader API documents a maximum for', () => {
  let db: FreshDatabase;
  let commonRepository: GrpcPeer;
  let riskAnalysis: GrpcPeer;
  let service: TestService;
  let token: string;
  let schemas: Schemas;

  const post = async (path: string, body: unknown): Promise<Refusal> => {
    const res = await fetch(`${service.app.httpUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Refusal['body'] };
  };
  const limitOf = (row: Row): number => schemas[row.schema]?.properties?.[row.property]?.maxItems ?? NaN;
  const withLength = (row: Row, length: number) => edited(row.base(), ...(row.before ?? []), set(row.pointer, Array.from({ length }, () => structuredClone(row.element))));

  beforeAll(async () => {
    const unavailable = () => platformRefusal(status.UNAVAILABLE, 'unavailable', 'TEST.UNAVAILABLE', 'not part of this test');
    commonRepository = await startGrpcPeer(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, ['RegisterFiling', 'AmendFiling', 'NotifyArrival'], unavailable);
    riskAnalysis = await startGrpcPeer(riskAnalysisV1.RISK_ANALYSIS_PROTO, riskAnalysisV1.RISK_ANALYSIS_SERVICE, ['AnswerReferral'], unavailable);
    db = await freshDatabase('ti_array_limits', migrateTraderInterface);
    service = await startTestService(definition, {
      databaseUrl: db.appUrl,
      env: { COMMON_REPOSITORY_GRPC_URL: commonRepository.address, RISK_ANALYSIS_GRPC_URL: riskAnalysis.address },
    });
    token = await service.token({ role: 'trader', eori: SENDER });
    const document = (await (await fetch(`${service.app.httpUrl}/docs-json`)).json()) as { components: { schemas: Schemas } };
    schemas = document.components.schemas;
  }, 30_000);
  afterAll(async () => {
    await service?.close();
    await db?.drop();
    await commonRepository?.close();
    await riskAnalysis?.close();
  });

  it('has a row for every array the OpenAPI document gives a maximum for', () => {
    const documented = Object.entries(schemas).flatMap(([schema, { properties }]) =>
      Object.entries(properties ?? {})
        .filter(([, property]) => property.maxItems !== undefined)
        .map(([property]) => `${schema}.${property}`),
    );
    expect(ROWS.map((row) => `${row.schema}.${row.property}`).sort()).toEqual(documented.sort());
  });

  describe.each(ROWS.map((row) => [`${row.schema}.${row.property}`, row] as const))('%s', (_name, row) => {
    it.each(PATHS[row.door])('one element over the documented maximum: POST %s answers IE3N99, X05 at the array, and sends nothing on', async (path) => {
      const limit = limitOf(row);
      expect(Number.isInteger(limit)).toBe(true);
      const answer = await post(path, withLength(row, limit + 1));
      expect({ status: answer.status, messageType: answer.body.messageType }).toEqual({ status: 400, messageType: 'IE3N99' });
      expect(answer.body.errors).toEqual(expect.arrayContaining([{ validationCode: 'X05', pointer: row.pointer, description: expect.any(String) }]));
      expect([...commonRepository.calls, ...riskAnalysis.calls]).toEqual([]);
    });

    it.each(PATHS[row.door])('at the documented maximum: POST %s does not refuse the array for its length', async (path) => {
      const answer = await post(path, withLength(row, limitOf(row)));
      expect((answer.body.errors ?? []).filter((e) => e.validationCode === 'X05')).toEqual([]);
      commonRepository.calls.length = 0;
      riskAnalysis.calls.length = 0;
    });
  });
});
