/**
 * The stack for end-to-end suites, in one process: every service through its real doors (HTTP and gRPC on free
 * ports), one fresh PostgreSQL database migrated as the stack's owner would, the services connected to each other
 * as in production (trader-interface -> common-repository over gRPC). Tests then drive it from outside only.
 */
import request from 'supertest';
import { freshDatabase, mintToken, startTestService, testKeys, type FreshDatabase, type TestKeys, type TestService } from '@ics2/testing';
import type { Clock } from '@ics2/platform';
import { migrateEventStore } from '@ics2/event-store';
import { definition as commonRepository } from '../../services/common-repository/src/service.definition';
import { migrate as migrateCommonRepository } from '../../services/common-repository/src/migrate';
import { definition as traderInterface } from '../../services/trader-interface/src/service.definition';
import { migrate as migrateTraderInterface } from '../../services/trader-interface/src/migrate';

export interface Stack {
  readonly db: FreshDatabase;
  readonly keys: TestKeys;
  readonly commonRepository: TestService;
  readonly traderInterface: TestService;
  /** supertest against trader-interface's HTTP door, as the trader with this EORI. */
  trader(eori: string): Promise<TraderAgent>;
  close(): Promise<void>;
}

export interface TraderAgent {
  readonly eori: string;
  readonly token: string;
  post(path: string, body?: unknown, headers?: Record<string, string>): request.Test;
  get(path: string): request.Test;
}

export async function startStack(options: { clock?: Clock; env?: Record<string, string>; prefix?: string } = {}): Promise<Stack> {
  const db = await freshDatabase(options.prefix ?? 'stack', async (url) => {
    await migrateEventStore(url);
    await migrateCommonRepository(url);
    await migrateTraderInterface(url);
  });
  const keys = testKeys();
  const env = { LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0', ...options.env };
  const cr = await startTestService(commonRepository, { databaseUrl: db.appUrl, keys, clock: options.clock, env });
  const ti = await startTestService(traderInterface, { databaseUrl: db.appUrl, keys, clock: options.clock, env: { ...env, COMMON_REPOSITORY_GRPC_URL: cr.app.grpcAddress } });
  const agent = request(ti.app.httpUrl);
  return {
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
    async close() {
      await ti.close();
      await cr.close();
      await db.drop();
    },
  };
}
