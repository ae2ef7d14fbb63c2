/**
 * For this service's int tests: a fresh migrated database, the service started on it (timers off unless asked),
 * a FilingService client, and tokens for operators and Member State users.
 */
import { freshDatabase, grpcClient, startTestService, bearer, type FreshDatabase, type TestGrpcClient, type TestService, type UnaryResult } from '@ics2/testing';
import { commonRepositoryV1 } from '@ics2/contracts';
import { migrateEventStore } from '@ics2/event-store';
import { migrateReadModels, type Clock } from '@ics2/platform';
import type { Client } from 'pg';
import { commonRepositoryMigrations } from './database/schema';
import { migrateCommonRepository } from './migrate';
import { definition } from './service.definition';

export interface CommonRepositoryHarness {
  readonly db: FreshDatabase;
  readonly service: TestService;
  readonly client: TestGrpcClient;
  /** Calls FilingService.<method> as the trader with this EORI. */
  asTrader<R>(eori: string, method: string, request: object): Promise<UnaryResult<R>>;
  asMemberState<R>(ms: string, method: string, request: object): Promise<UnaryResult<R>>;
  close(): Promise<void>;
}

export async function startCommonRepository(options: { env?: Record<string, string>; clock?: Clock; prefix?: string } = {}): Promise<CommonRepositoryHarness> {
  const db = await freshDatabase(options.prefix ?? 'cr', migrateCommonRepository);
  const service = await startTestService(definition, {
    databaseUrl: db.appUrl,
    clock: options.clock,
    env: { LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0', ...options.env },
  });
  const client = grpcClient(commonRepositoryV1.COMMON_REPOSITORY_PROTO, commonRepositoryV1.FILING_SERVICE, service.app.grpcAddress);
  const tokens = new Map<string, Promise<string>>();
  const token = (key: string, make: () => Promise<string>) => {
    if (!tokens.has(key)) tokens.set(key, make());
    return tokens.get(key) as Promise<string>;
  };
  return {
    db,
    service,
    client,
    asTrader: async (eori, method, request) => client.call(method, request, bearer(await token(`t:${eori}`, () => service.token({ role: 'trader', eori })))),
    asMemberState: async (ms, method, request) => client.call(method, request, bearer(await token(`ms:${ms}`, () => service.token({ role: 'member-state', ms, userId: `${ms.toLowerCase()}-officer` })))),
    async close() {
      client.close();
      await service.close();
      await db.drop();
    },
  };
}

/** For a migration's spec: a store migrated up to the one before `migrationId`, its superuser client, and the upgrade. */
export interface StoreBeforeMigration {
  readonly db: FreshDatabase;
  readonly admin: Client;
  /** Applies every migration, `migrationId` and those after it. */
  upgrade(): Promise<void>;
}

export async function storeBeforeMigration(migrationId: string, prefix: string): Promise<StoreBeforeMigration> {
  const before = { ...commonRepositoryMigrations, migrations: commonRepositoryMigrations.migrations.filter((m) => m.id !== migrationId) };
  const db = await freshDatabase(prefix, async (url) => {
    await migrateEventStore(url);
    await migrateReadModels(url, before);
  });
  return {
    db,
    admin: await db.admin(),
    upgrade: async () => {
      await migrateReadModels(db.adminUrl, commonRepositoryMigrations);
    },
  };
}
