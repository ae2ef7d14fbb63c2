/**
 * POST /v1/referrals/{reference}/answer through the real trader-interface app (its definition, on a fresh
 * PostgreSQL) against a real gRPC peer serving AnswerReferral from proto/ics2/risk_analysis/v1/risk.proto: the
 * door forwards the operator's own token and the correlation id, maps IE3R02 / IE3R03 onto the proto, answers 200
 * with what risk-analysis recorded, 404 for what is no open referral of the caller's (the door's check or
 * risk-analysis's NOT_FOUND, alike), 409 IE3N01 with risk-analysis's item when the answer does not fit, and 400
 * IE3N99 for malformed bodies, which never reach risk-analysis.
 */
import { status } from '@grpc/grpc-js';
import { riskAnalysisV1 } from '@ics2/contracts';
import { freshDatabase, mrnOf, startTestService, type FreshDatabase, type TestService } from '@ics2/testing';
import { startGrpcPeer, platformRefusal, type GrpcPeer, type PeerAnswer } from '../doors/grpc-peer.test-harness';
import { migrateTraderInterface } from '../migrate';
import { definition } from '../service.definition';

const PERSON_FILING = 'DE123456789012345';
const MRN = mrnOf(1);
const OPEN = `${MRN}-R1`;
const NOT_OPEN = `${MRN}-R2`;
const MISFIT = `${MRN}-R3`;
const DOWN = `${MRN}-R4`;
const ANSWERED_AT = '2026-12-01T10:05:00.000Z';
const MISFIT_ITEM = { validationCode: '12', pointer: '/messageType', description: 'a screening request is answered with a screening result (IE3R03)' };

const ie3r02 = { messageType: 'IE3R02', information: 'spare parts for printing machines', documents: [{ type: 'N380', referenceNumber: 'INV-2026-000417' }] };
const ie3r03 = { messageType: 'IE3R03', screeningResult: 'clear', screeningMethods: ['XRY', 'ETD'], additionalInformation: 'screened at LEJ' };

/**
 * risk-analysis as far as this door needs it: one open referral, one that is not, one the answer does not fit (its
 * refusal as risk-analysis words it: RISK.LIFECYCLE, code 12 at /messageType). Like the real door, it refuses an
 * answer without its message type.
 */
function riskAnalysis(_method: string, request: Record<string, unknown>): PeerAnswer {
  const reference = String(request['reference']);
  if (reference === OPEN) {
    const messageType = request['message_type'];
    if (messageType !== 'IE3R02' && messageType !== 'IE3R03') return platformRefusal(status.INVALID_ARGUMENT, 'validation', 'RISK.INVALID_MESSAGE', 'no message type');
    const reply: riskAnalysisV1.AnswerReferralReply = { message_type: messageType, mrn: MRN, reference, answered_at: ANSWERED_AT, replayed: false };
    return { reply };
  }
  if (reference === MISFIT) return platformRefusal(status.FAILED_PRECONDITION, 'precondition', 'RISK.LIFECYCLE', MISFIT_ITEM.description, [MISFIT_ITEM]);
  if (reference === DOWN) return { refuse: { code: status.UNAVAILABLE, message: 'connection reset' } };
  return platformRefusal(status.NOT_FOUND, 'not-found', 'RISK.NOT_FOUND', `no referral ${reference}`);
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

describe('answer-referral', () => {
  let db: FreshDatabase;
  let peer: GrpcPeer;
  let service: TestService;
  let token: string;

  const post = async (reference: string, body: unknown, headers: Record<string, string> = {}, as: string = token): Promise<Answer> => {
    const res = await fetch(`${service.app.httpUrl}/v1/referrals/${encodeURIComponent(reference)}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const errorsOf = (answer: Answer) => (answer.body['errors'] as { validationCode: string; pointer: string }[]).map(({ validationCode, pointer }) => ({ validationCode, pointer }));

  beforeAll(async () => {
    peer = await startGrpcPeer(riskAnalysisV1.RISK_ANALYSIS_PROTO, riskAnalysisV1.RISK_ANALYSIS_SERVICE, ['AnswerReferral'], riskAnalysis);
    db = await freshDatabase('ti_answer_referral', migrateTraderInterface);
    service = await startTestService(definition, { databaseUrl: db.appUrl, env: { RISK_ANALYSIS_GRPC_URL: peer.address } });
    token = await service.token({ role: 'trader', eori: PERSON_FILING });
  }, 30_000);
  afterAll(async () => {
    await service?.close();
    await db?.drop();
    await peer?.close();
  });
  beforeEach(() => {
    peer.calls.length = 0;
  });

  describe('an IE3R02 to an open referral', () => {
    it('answers 200 with the answer as recorded', async () => {
      expect(await post(OPEN, ie3r02)).toEqual({ status: 200, body: { messageType: 'IE3R02', mrn: MRN, reference: OPEN, answeredAt: ANSWERED_AT } });
    });

    it("forwards the operator's own token and the correlation id, and maps the answer onto the proto", async () => {
      await post(OPEN, ie3r02, { 'x-correlation-id': 'corr-answer-1' });
      expect(peer.calls).toEqual([
        {
          method: 'AnswerReferral',
          authorization: `Bearer ${token}`,
          correlationId: 'corr-answer-1',
          request: {
            reference: OPEN,
            message_id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
            message_type: 'IE3R02',
            information: ie3r02.information,
            documents: [{ type: 'N380', reference_number: 'INV-2026-000417' }],
            screening_result: '',
            screening_methods: [],
            additional_information: '',
          },
        },
      ]);
    });

    it('gives the same answer the same message id, and the Idempotency-Key wins when sent', async () => {
      await post(OPEN, ie3r02);
      await post(OPEN, { documents: ie3r02.documents, information: ie3r02.information, messageType: 'IE3R02' });
      await post(OPEN, { ...ie3r02, information: 'another answer' });
      await post(OPEN, ie3r02, { 'idempotency-key': 'answer-7' });
      const ids = peer.calls.map((c) => c.request['message_id']);
      expect(ids[0]).toBe(ids[1]);
      expect(ids[2]).not.toBe(ids[0]);
      expect(ids[3]).toBe('key:answer-7');
    });
  });

  it('maps an IE3R03 onto the proto: its message type, result, methods and additional information, nothing of an IE3R02', async () => {
    expect(await post(OPEN, ie3r03)).toEqual({ status: 200, body: { messageType: 'IE3R03', mrn: MRN, reference: OPEN, answeredAt: ANSWERED_AT } });
    expect(peer.calls.map((c) => c.request)).toEqual([
      {
        reference: OPEN,
        message_id: expect.stringMatching(/^sha256:/),
        message_type: 'IE3R03',
        information: '',
        documents: [],
        screening_result: 'clear',
        screening_methods: ['XRY', 'ETD'],
        additional_information: 'screened at LEJ',
      },
    ]);
  });

  describe('a malformed answer', () => {
    it.each<[string, unknown, { validationCode: string; pointer: string }[]]>([
      ['no body', undefined, [{ validationCode: 'X06', pointer: '' }]],
      ['a JSON array', [ie3r02], [{ validationCode: 'X06', pointer: '' }]],
      ['no messageType', { information: 'x' }, [{ validationCode: 'X01', pointer: '/messageType' }]],
      ['another message type', { ...ie3r02, messageType: 'IE3R01' }, [{ validationCode: '12', pointer: '/messageType' }]],
      ['an IE3R02 carrying nothing', { messageType: 'IE3R02' }, [{ validationCode: 'X01', pointer: '' }]],
      ['an unknown element', { ...ie3r02, answeredBy: 'FR555555555' }, [{ validationCode: 'X07', pointer: '/answeredBy' }]],
      ['information as a number', { messageType: 'IE3R02', information: 42 }, [{ validationCode: 'X06', pointer: '/information' }]],
      ['information over 512 characters', { messageType: 'IE3R02', information: 'x'.repeat(513) }, [{ validationCode: '12', pointer: '/information' }]],
      ['a document without its number', { messageType: 'IE3R02', documents: [{ type: 'N380' }] }, [{ validationCode: 'X01', pointer: '/documents/0/referenceNumber' }]],
      ['a result not in CL726', { ...ie3r03, screeningResult: 'SPX' }, [{ validationCode: '12', pointer: '/screeningResult' }]],
      ['a method not in CL724, and one twice', { ...ie3r03, screeningMethods: ['XRY', 'ABC', 'XRY'] }, [{ validationCode: '12', pointer: '/screeningMethods/1' }, { validationCode: '12', pointer: '/screeningMethods/2' }]],
      ['ten methods', { ...ie3r03, screeningMethods: ['PHS', 'VCK', 'XRY', 'EDS', 'EDD', 'ETD', 'MDE', 'SIM', 'CMD', 'PHS'] }, [{ validationCode: 'X05', pointer: '/screeningMethods' }]],
      ['Chinese text', { ...ie3r03, additionalInformation: '已安检' }, [{ validationCode: '102', pointer: '/additionalInformation' }]],
    ])('%s: 400 IE3N99 with the code at its pointer, nothing sent on', async (_what, body, errors) => {
      const answer = await post(OPEN, body);
      expect(answer.status).toBe(400);
      expect(answer.body['messageType']).toBe('IE3N99');
      expect(errorsOf(answer)).toEqual(errors);
      expect(peer.calls).toEqual([]);
    });

    it('not JSON: 400 X06; not sent as JSON: 415; neither reaches risk-analysis', async () => {
      const broken = await post(OPEN, '{"messageType": "IE3R02",');
      expect(broken.status).toBe(400);
      expect(errorsOf(broken)).toEqual([{ validationCode: 'X06', pointer: '' }]);
      const text = await post(OPEN, 'messageType=IE3R02', { 'content-type': 'text/plain' });
      expect(text.status).toBe(415);
      expect(text.body['messageType']).toBe('IE3N99');
      expect(peer.calls).toEqual([]);
    });
  });

  describe('no open referral of the caller', () => {
    it.each([`${MRN}-R0`, `${MRN}-X1`, MRN, 'REF-1', `${mrnOf(9, true)}-R1`, `${MRN.slice(0, 17)}${(Number(MRN[17]) + 1) % 10}-R1`])(
      '%s cannot be a reference: 404 IE3N99 without a call',
      async (reference) => {
        const answer = await post(reference, ie3r02);
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ messageType: 'IE3N99', errors: [{ validationCode: '12', pointer: '/reference' }] });
        expect(peer.calls).toEqual([]);
      },
    );

    it("risk-analysis's NOT_FOUND (unknown, closed, answered, someone else's) answers like a reference that cannot be one", async () => {
      const refused = await post(NOT_OPEN, ie3r02);
      const malformed = await post(`${MRN}-R0`, ie3r02);
      expect(peer.calls.map((c) => c.request['reference'])).toEqual([NOT_OPEN]);
      expect(refused.status).toBe(404);
      const { correlationId: _a, ...refusedBody } = refused.body;
      const { correlationId: _b, ...malformedBody } = malformed.body;
      expect(refusedBody).toEqual(malformedBody);
      expect(refusedBody).toEqual({ messageType: 'IE3N99', code: 'REFERRAL.NOT_FOUND', errors: [{ validationCode: '12', pointer: '/reference', description: 'no open referral of yours with this reference' }] });
    });
  });

  it("an answer that does not fit the referral: 409 IE3N01 with risk-analysis's item", async () => {
    const answer = await post(MISFIT, ie3r02, { 'x-correlation-id': 'corr-misfit' });
    expect(answer).toEqual({
      status: 409,
      body: { messageType: 'IE3N01', code: 'RISK.LIFECYCLE', errors: [MISFIT_ITEM], correlationId: 'corr-misfit' },
    });
  });

  it('risk-analysis unreachable: 503, retry later (X10)', async () => {
    const answer = await post(DOWN, ie3r02);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ messageType: 'IE3N99', code: 'RISK_ANALYSIS.UNAVAILABLE', errors: [{ validationCode: 'X10', pointer: '' }] });
  });

  it('is in the OpenAPI document: tag referrals, both answers with an example each, 200/400/404/409', async () => {
    const doc = (await (await fetch(`${service.app.httpUrl}/docs-json`)).json()) as {
      paths: Record<string, { post: { tags: string[]; requestBody: { content: Record<string, { schema: { oneOf: { $ref: string }[] }; examples: Record<string, { value: unknown }> }> }; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const route = doc.paths['/v1/referrals/{reference}/answer'].post;
    expect(route.tags).toEqual(['referrals']);
    const body = route.requestBody.content['application/json'];
    expect(body.schema.oneOf.map((s) => s.$ref)).toEqual(['#/components/schemas/InformationAnswerRequestDto', '#/components/schemas/ScreeningAnswerRequestDto']);
    expect(Object.values(body.examples).map((e) => e.value)).toEqual([expect.objectContaining({ messageType: 'IE3R02' }), expect.objectContaining({ messageType: 'IE3R03' })]);
    expect(Object.keys(route.responses).sort()).toEqual(['200', '400', '404', '409']);
    expect(Object.keys(doc.components.schemas['ScreeningAnswerRequestDto'].properties).sort()).toEqual(['additionalInformation', 'messageType', 'screeningMethods', 'screeningResult']);
    // the examples pass the door's own validation
    for (const example of Object.values(body.examples)) expect((await post(OPEN, example.value)).status).toBe(200);
  });

  it('is for economic operators only: a Member State token gets 403, nothing sent on', async () => {
    const memberState = await service.token({ role: 'member-state', ms: 'DE', userId: 'de-risk-1' });
    const answer = await post(OPEN, ie3r02, {}, memberState);
    expect(answer.status).toBe(403);
    expect(answer.body['messageType']).toBe('IE3N99');
    expect(peer.calls).toEqual([]);
  });
});
