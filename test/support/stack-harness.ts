/**
 * The stack for end-to-end suites, in one process: the services through their real doors (HTTP and gRPC on free
 * ports), one fresh PostgreSQL database migrated as the stack's owner would (infra/local/migrations.ts), the
 * services connected to each other as in production. Tests then drive it from outside only.
 *
 * By default the filing path alone (common-repository and trader-interface); `full: true` adds risk-analysis,
 * control-results, crms and the audit door, with common-repository signing integrity checkpoints.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { controlResultsV1, crmsV1, riskAnalysisV1 } from '@ics2/contracts';
import { generateCheckpointKeyPair } from '@ics2/event-store';
import { bearer, freshDatabase, grpcClient, mintToken, settled, startTestService, testKeys, type FreshDatabase, type SettleOptions, type TestGrpcClient, type TestKeys, type TestService, type UnaryResult } from '@ics2/testing';
import { IntegrityCheckpointer, type Clock } from '@ics2/platform';
import { migrateLocalStack } from '../../infra/local/migrations';
import { definition as audit } from '../../services/audit/src/service.definition';
import { definition as commonRepository } from '../../services/common-repository/src/service.definition';
import { definition as controlResults } from '../../services/control-results/src/service.definition';
import { definition as crms } from '../../services/crms/src/service.definition';
import { definition as riskAnalysis } from '../../services/risk-analysis/src/service.definition';
import { definition as traderInterface } from '../../services/trader-interface/src/service.definition';

export interface Stack {
  readonly db: FreshDatabase;
  readonly keys: TestKeys;
  readonly commonRepository: TestService;
  readonly traderInterface: TestService;
  /** supertest against trader-interface's HTTP door, as the trader with this EORI. */
  trader(eori: string): Promise<TraderAgent>;
  /**
   * Resolves once every service of the stack has handled all its subscriptions hold and the store stopped growing
   * (whenSettled): call it before counting the store around a request, so that background work of earlier steps
   * (linking, completion, risk analysis, control intake) cannot land between the counts.
   */
  settled(options?: SettleOptions): Promise<void>;
  close(): Promise<void>;
}

export interface FullStack extends Stack {
  readonly riskAnalysis: TestService;
  readonly controlResults: TestService;
  readonly crms: TestService;
  readonly audit: TestService;
  /** The PEM public key the checkpoints are signed with (what auditors are given). */
  readonly checkpointPublicKeyPem: string;
  /** A Member State risk unit or customs office, over the services' gRPC doors. */
  memberState(ms: string): Promise<MemberStateAgent>;
  /** The Commission (role admin), over the same doors. */
  commission(): Promise<MemberStateAgent>;
  /** Anyone with this token, over the same doors. */
  caller(token: string): MemberStateAgent;
  /** supertest against the audit door, as an auditor stating this purpose. */
  auditor(purpose?: string): Promise<AuditorAgent>;
  /** Signs an integrity checkpoint now (common-repository signs them). */
  checkpointNow(): Promise<void>;
}

export interface TraderAgent {
  readonly eori: string;
  readonly token: string;
  post(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  get(path: string): request.Test;
}

export interface MemberStateAgent {
  readonly token: string;
  risk<R>(method: string, body: object): Promise<UnaryResult<R>>;
  control<R>(method: string, body: object): Promise<UnaryResult<R>>;
  crms<R>(method: string, body: object): Promise<UnaryResult<R>>;
}

export interface AuditorAgent {
  readonly token: string;
  get(path: string): request.Test;
  post(path: string, body: unknown): request.Test;
}

interface StackOptions {
  readonly clock?: Clock;
  readonly env?: Record<string, string>;
  readonly prefix?: string;
}

export function startStack(options?: StackOptions & { full?: false }): Promise<Stack>;
export function startStack(options: StackOptions & { full: true }): Promise<FullStack>;
export async function startStack(options: StackOptions & { full?: boolean } = {}): Promise<Stack | FullStack> {
  const db = await freshDatabase(options.prefix ?? 'stack', migrateLocalStack);
  const keys = testKeys();
  const started: TestService[] = [];
  const start = async (definition: Parameters<typeof startTestService>[0], env: Record<string, string>) => {
    const s = await startTestService(definition, { databaseUrl: db.appUrl, keys, clock: options.clock, env: { ...base, ...env } });
    started.unshift(s);
    return s;
  };
  const base = { LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0', ESCALATION_INTERVAL_MS: '0', RIF_EXPIRY_INTERVAL_MS: '0', CRITERIA_REFRESH_MS: '200', ...options.env };
  const keyDir = mkdtempSync(join(tmpdir(), 'ics2-stack-'));
  const checkpoint = generateCheckpointKeyPair();
  writeFileSync(join(keyDir, 'checkpoint.private.pem'), checkpoint.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(keyDir, 'checkpoint.public.pem'), checkpoint.publicKeyPem);

  try {
    const cr = await start(commonRepository, options.full ? { CHECKPOINT_SIGNING_KEY_FILE: join(keyDir, 'checkpoint.private.pem'), CHECKPOINT_INTERVAL_MS: '3600000' } : {});
    const ra = options.full ? await start(riskAnalysis, {}) : undefined;
    const ctl = options.full ? await start(controlResults, {}) : undefined;
    const ti = await start(traderInterface, { COMMON_REPOSITORY_GRPC_URL: cr.app.grpcAddress, ...(ra ? { RISK_ANALYSIS_GRPC_URL: ra.app.grpcAddress } : {}) });
    const agent = request(ti.app.httpUrl);
    const stack: Stack = {
      db,
      keys,
      commonRepository: cr,
      traderInterface: ti,
      async trader(eori) {
        const token = await mintToken(keys, { role: 'trader', eori });
        return {
          eori,
          token,
          post: (path, body, headers = {}) => {
            let r = agent.post(path).set('authorization', `Bearer ${token}`);
            for (const [k, v] of Object.entries(headers)) r = r.set(k, v);
            return body === undefined ? r : r.send(body as object);
          },
          get: (path) => agent.get(path).set('authorization', `Bearer ${token}`),
        };
      },
      // Every service started so far: a full stack adds its own below, into the same list.
      settled: (settleOptions) => settled(started, settleOptions),
      async close() {
        for (const s of started) await s.close();
        await db.drop();
        rmSync(keyDir, { recursive: true, force: true });
      },
    };
    if (!options.full || !ra || !ctl) return stack;

    const crm = await start(crms, { RISK_ANALYSIS_GRPC_URL: ra.app.grpcAddress, CONTROL_RESULTS_GRPC_URL: ctl.app.grpcAddress });
    const au = await start(audit, {
      CHECKPOINT_TRUSTED_KEYS_FILE: join(keyDir, 'checkpoint.public.pem'),
      // The signer's interval: the audit door's coverage rule is counted in it.
      CHECKPOINT_INTERVAL_MS: '3600000',
      COMMON_REPOSITORY_GRPC_URL: cr.app.grpcAddress,
      RISK_ANALYSIS_GRPC_URL: ra.app.grpcAddress,
      CONTROL_RESULTS_GRPC_URL: ctl.app.grpcAddress,
      CRMS_GRPC_URL: crm.app.grpcAddress,
      TRADER_INTERFACE_GRPC_URL: ti.app.grpcAddress,
    });
    const clients: TestGrpcClient[] = [
      grpcClient(riskAnalysisV1.RISK_ANALYSIS_PROTO, riskAnalysisV1.RISK_ANALYSIS_SERVICE, ra.app.grpcAddress),
      grpcClient(controlResultsV1.CONTROL_RESULTS_PROTO, controlResultsV1.CONTROL_RESULTS_SERVICE, ctl.app.grpcAddress),
      grpcClient(crmsV1.CRMS_PROTO, crmsV1.CRMS_SERVICE, crm.app.grpcAddress),
    ];
    const [riskClient, controlClient, crmsClient] = clients;
    const agentOf = (token: string): MemberStateAgent => ({
      token,
      risk: (method, body) => riskClient.call(method, body, bearer(token)),
      control: (method, body) => controlClient.call(method, body, bearer(token)),
      crms: (method, body) => crmsClient.call(method, body, bearer(token)),
    });
    const auditAgent = request(au.app.httpUrl);
    const full: FullStack = {
      ...stack,
      riskAnalysis: ra,
      controlResults: ctl,
      crms: crm,
      audit: au,
      checkpointPublicKeyPem: checkpoint.publicKeyPem,
      memberState: async (ms) => agentOf(await mintToken(keys, { role: 'member-state', ms, userId: `${ms.toLowerCase()}-officer-1` })),
      commission: async () => agentOf(await mintToken(keys, { role: 'admin', userId: 'commission-1' })),
      caller: agentOf,
      async auditor(purpose = 'e2e audit of the ICS2 model') {
        const token = await mintToken(keys, { role: 'auditor', userId: 'auditor-1' });
        const headers = (r: request.Test) => r.set('authorization', `Bearer ${token}`).set('x-ics2-purpose', purpose);
        return { token, get: (path) => headers(auditAgent.get(path)), post: (path, body) => headers(auditAgent.post(path)).send(body as object) };
      },
      async checkpointNow() {
        await cr.app.app.get(IntegrityCheckpointer).checkpointNow();
      },
      async close() {
        for (const c of clients) c.close();
        await stack.close();
      },
    };
    return full;
  } catch (e) {
    for (const s of started) await s.close().catch(() => undefined);
    await db.drop();
    rmSync(keyDir, { recursive: true, force: true });
    throw e;
  }
}

