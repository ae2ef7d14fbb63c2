/**
 * The trader door's gRPC clients, over the wire to a real gRPC peer serving the real .proto: what they forward,
 * and how a peer's refusal comes back (the peer's own PlatformError from its trailers; unreachable or unexplained
 * failures as `unavailable`, named after the peer). CommonRepositoryClient is checked unchanged by the move of
 * this mapping into GrpcUnaryClient; RiskAnalysisClient shares it.
 */
import { status } from '@grpc/grpc-js';
import { commonRepositoryV1, riskAnalysisV1 } from '@ics2/contracts';
import { PlatformError } from '@ics2/platform';
import { mrnOf } from '@ics2/testing';
import { CommonRepositoryClient } from '../common-repository/common-repository.client';
import { RiskAnalysisClient } from '../risk-analysis/risk-analysis.client';
import type { TraderInterfaceConfig } from '../service.config';
import { platformRefusal, startGrpcPeer, type GrpcPeer, type PeerAnswer } from './grpc-peer.test-harness';

const MRN = mrnOf(1);
const ctx = { authorization: 'Bearer the-operators-token', correlationId: 'corr-1' };
const ITEM = { validationCode: '12', pointer: '/mrn', description: 'no filing with this MRN' };

const config = (o: Partial<TraderInterfaceConfig>) => ({ COMMON_REPOSITORY_GRPC_URL: '127.0.0.1:1', RISK_ANALYSIS_GRPC_URL: '127.0.0.1:1', ...o }) as TraderInterfaceConfig;

/** Rejects with what the client rejected with. */
const refusalOf = (call: Promise<unknown>): Promise<PlatformError> =>
  call.then(
    () => {
      throw new Error('the call succeeded');
    },
    (e: unknown) => e as PlatformError,
  );

function filingService(_method: string, request: Record<string, unknown>): PeerAnswer {
  switch (request['mrn']) {
    case MRN:
      return { reply: { mrn: MRN, lrn: 'LRN-1', state: 'registered' } };
    case 'unknown':
      return platformRefusal(status.NOT_FOUND, 'not-found', 'ENS.NOT_FOUND', 'no filing', [ITEM]);
    case 'crash':
      return { refuse: { code: status.INTERNAL, message: 'boom' } };
    default:
      return { refuse: { code: status.UNAVAILABLE, message: 'overloaded' } };
  }
}

describe('gRPC unary clients', () => {
  describe('CommonRepositoryClient', () => {
    let peer: GrpcPeer;
    let client: CommonRepositoryClient;
    beforeAll(async () => {
      peer = await startGrpcPeer(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, ['ConsultFiling'], filingService);
      client = new CommonRepositoryClient(config({ COMMON_REPOSITORY_GRPC_URL: peer.address }));
    });
    afterAll(async () => {
      client?.onModuleDestroy();
      await peer?.close();
    });

    it("forwards the operator's token and the correlation id, and answers the reply as decoded", async () => {
      await expect(client.consultFiling({ mrn: MRN }, ctx)).resolves.toMatchObject({ mrn: MRN, lrn: 'LRN-1', state: 'registered' });
      expect(peer.calls).toEqual([{ method: 'ConsultFiling', request: { mrn: MRN }, authorization: ctx.authorization, correlationId: 'corr-1' }]);
    });

    it("gives back the repository's own refusal: kind, code, message and ICS2 items from the trailers", async () => {
      const e = await refusalOf(client.consultFiling({ mrn: 'unknown' }, ctx));
      expect(e).toBeInstanceOf(PlatformError);
      expect({ kind: e.kind, code: e.code, message: e.message, details: e.details }).toEqual({ kind: 'not-found', code: 'ENS.NOT_FOUND', message: 'no filing', details: [ITEM] });
    });

    it('a failure without trailers is unavailable: UNAVAILABLE as such, anything else as FAILED', async () => {
      expect(await refusalOf(client.consultFiling({ mrn: 'busy' }, ctx))).toMatchObject({ kind: 'unavailable', code: 'COMMON_REPOSITORY.UNAVAILABLE' });
      expect(await refusalOf(client.consultFiling({ mrn: 'crash' }, ctx))).toMatchObject({ kind: 'unavailable', code: 'COMMON_REPOSITORY.FAILED' });
    });
  });

  describe('RiskAnalysisClient', () => {
    it('sends AnswerReferral to risk-analysis with the same forwarding', async () => {
      const reply: riskAnalysisV1.AnswerReferralReply = { message_type: 'IE3R02', mrn: MRN, reference: `${MRN}-R1`, answered_at: '2026-12-01T10:05:00.000Z', replayed: true };
      const peer = await startGrpcPeer(riskAnalysisV1.RISK_ANALYSIS_PROTO, riskAnalysisV1.RISK_ANALYSIS_SERVICE, ['AnswerReferral'], () => ({ reply }));
      const client = new RiskAnalysisClient(config({ RISK_ANALYSIS_GRPC_URL: peer.address }));
      try {
        const request: riskAnalysisV1.AnswerReferralRequest = { reference: `${MRN}-R1`, message_id: 'key:a-1', message_type: 'IE3R02', information: 'x', documents: [], screening_result: '', screening_methods: [], additional_information: '' };
        await expect(client.answerReferral(request, ctx)).resolves.toEqual(reply);
        expect(peer.calls).toEqual([{ method: 'AnswerReferral', request, authorization: ctx.authorization, correlationId: 'corr-1' }]);
      } finally {
        client.onModuleDestroy();
        await peer.close();
      }
    });

    it('an unreachable risk-analysis is unavailable, named so', async () => {
      const client = new RiskAnalysisClient(config({ RISK_ANALYSIS_GRPC_URL: '127.0.0.1:1' }));
      try {
        const request: riskAnalysisV1.AnswerReferralRequest = { reference: `${MRN}-R1`, message_id: 'key:a-1', message_type: 'IE3R02', information: 'x', documents: [], screening_result: '', screening_methods: [], additional_information: '' };
        expect(await refusalOf(client.answerReferral(request, ctx))).toMatchObject({ kind: 'unavailable', code: 'RISK_ANALYSIS.UNAVAILABLE', message: 'risk analysis cannot be reached; retry later' });
      } finally {
        client.onModuleDestroy();
      }
    });
  });
});
