/**
 * EventSourcingModule in a real service app on a real PostgreSQL: appends through EVENT_STORE are measured,
 * a subscription projects into a TypeORM read model in the same transaction as its checkpoint and reports its lag
 * and whether it has caught up, a signing instance writes verifiable integrity checkpoints, and shutdown stops all of it cleanly.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import {
  checkCheckpointSignature,
  checkpointKeyRing,
  generateCheckpointKeyPair,
  partitionOf,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
} from '@ics2/event-store';
import { eventually, freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { createServiceApp, type ServiceApp } from '../bootstrap/create-service-app';
import type { ServiceDefinition } from '../bootstrap/platform-runtime';
import { generateSigningKeyPair } from '../auth/token-signing';
import { PlatformModule } from '../platform.module';
import { migrateReadModels } from '../read-models/migrate-read-models';
import { ReadModelDatabase } from '../read-models/read-model-database';
import { EVENT_STORE } from './event-sourcing.tokens';
import { EventSourcingModule } from './event-sourcing.module';
import { IntegrityCheckpointer } from './integrity-checkpointer';
import { Subscriptions } from './subscriptions';

@Entity({ name: 'parcel_view' })
class ParcelViewRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' }) streamId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) label!: string;
}

const SCHEMA = 'probe_read_models';
const migrations = [
  { id: '20261201-0001-parcel-view', sql: `CREATE TABLE ${SCHEMA}.parcel_view (stream_id text PRIMARY KEY, revision integer NOT NULL, label text NOT NULL)` },
];

@Injectable()
class ParcelViewProjection implements OnApplicationBootstrap {
  constructor(private readonly subscriptions: Subscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: 'probe.parcel-view',
      filter: { categories: ['parcel'] },
      handle: async (event, tx) => {
        await tx.manager.getRepository(ParcelViewRow).save({ streamId: event.streamId, revision: event.revision, label: String((event.data as { label: string }).label) });
      },
    });
  }
}

@Module({ imports: [PlatformModule, EventSourcingModule.forService({ readModels: { schema: SCHEMA, entities: [ParcelViewRow] } })], providers: [ParcelViewProjection] })
class ProbeEventSourcedModule {}

const definition: ServiceDefinition = { name: 'probe-es', module: ProbeEventSourcedModule };

/** The event store alone, without read models or subscriptions: what readiness says of the store itself. */
@Module({ imports: [PlatformModule, EventSourcingModule.forService()] })
class ProbeKurrentModule {}

const parcel = (label: string): EventToAppend => ({
  id: randomUUID(),
  type: 'ParcelLabelled',
  data: { label },
  metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: 'p-1', causationId: null, actor: { kind: 'system', component: 'probe' } },
});

describe('EventSourcingModule', () => {
  let db: FreshDatabase;
  let service: ServiceApp;
  let keysDir: string;
  const checkpointKeys = generateCheckpointKeyPair();

  beforeAll(async () => {
    db = await freshDatabase('es_module');
    await migrateReadModels(db.adminUrl, { schema: SCHEMA, migrations });
    keysDir = mkdtempSync(join(tmpdir(), 'ics2-keys-'));
    writeFileSync(join(keysDir, 'checkpoint.pem'), checkpointKeys.privateKeyPem);
    service = await createServiceApp(definition, {
      env: {
        AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem,
        DATABASE_URL: db.appUrl,
        // Small on purpose: subscriptions must not take the connections queries need.
        DATABASE_POOL_MAX: '2',
        CHECKPOINT_SIGNING_KEY_FILE: join(keysDir, 'checkpoint.pem'),
        CHECKPOINT_INTERVAL_MS: '3600000',
        LOG_LEVEL: process.env.ICS2_TEST_LOG ?? 'silent',
      },
      host: '127.0.0.1',
      httpPort: 0,
      grpcPort: 0,
    });
  }, 30_000);

  afterAll(async () => {
    await service?.close();
    await db?.drop();
    rmSync(keysDir, { recursive: true, force: true });
  });

  const store = () => service.app.get<EventStore>(EVENT_STORE);
  const metrics = async () => (await fetch(`${service.httpUrl}/metrics`)).text();

  it('measures appends by outcome, a wrong expected revision counting as a conflict', async () => {
    await store().append('parcel-1', [parcel('fragile')], 'no-stream');
    await expect(store().append('parcel-1', [parcel('late')], 'no-stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const text = await metrics();
    expect(text).toMatch(/ics2_event_store_append_seconds_count\{service="probe-es",outcome="ok"\} 1\b/);
    expect(text).toMatch(/ics2_event_store_append_seconds_count\{service="probe-es",outcome="conflict"\} 1\b/);
  });

  it('projects events into the read model with TypeORM, in the transaction of its checkpoint, and reports lag', async () => {
    await store().append('parcel-2', [parcel('heavy'), parcel('heavy, strapped')], 'no-stream');
    const rows = service.app.get(ReadModelDatabase).manager.getRepository(ParcelViewRow);
    await eventually(async () => expect(await rows.findOneBy({ streamId: 'parcel-2' })).toEqual({ streamId: 'parcel-2', revision: 1, label: 'heavy, strapped' }));
    const admin = await db.admin();
    const checkpoint = await admin.query('SELECT subscription FROM event_store.subscription_checkpoints');
    expect(checkpoint.rows).toEqual([expect.objectContaining({ subscription: 'probe.parcel-view' })]);
    // The row and the checkpoint past it commit together: once the row is there, the subscription is caught up.
    expect(await service.app.get(Subscriptions).caughtUp()).toEqual({ caughtUp: true, behind: [] });
    await eventually(async () => {
      await service.app.get(Subscriptions).sampleLag();
      expect(await metrics()).toMatch(/ics2_subscription_lag_events\{subscription="probe.parcel-view",service="probe-es"\} 0\b/);
    });
  });

  it('signs integrity checkpoints over the log with the configured key', async () => {
    const checkpointer = service.app.get(IntegrityCheckpointer);
    expect(checkpointer.isRunning).toBe(true);
    const outcome = await checkpointer.checkpointNow();
    expect(outcome?.checkpoint?.eventCount).toBe(3);
    expect(checkCheckpointSignature(outcome!.checkpoint!, checkpointKeyRing([checkpointKeys.publicKeyPem]))).toBe('valid');
  });

  it('signs the last checkpoint again on a quiet store once it is CHECKPOINT_HEARTBEAT_MS old (default: five intervals)', async () => {
    // This service's default is five hours: nothing new, nothing signed.
    expect(await service.app.get(IntegrityCheckpointer).checkpointNow()).toMatchObject({ created: false });
    const beating = await createServiceApp(definition, {
      env: {
        AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem,
        DATABASE_URL: db.appUrl,
        CHECKPOINT_SIGNING_KEY_FILE: join(keysDir, 'checkpoint.pem'),
        CHECKPOINT_INTERVAL_MS: '3600000',
        CHECKPOINT_HEARTBEAT_MS: '100',
        LOG_LEVEL: 'silent',
      },
      host: '127.0.0.1',
      httpPort: 0,
      grpcPort: 0,
    });
    try {
      await new Promise((r) => setTimeout(r, 150));
      const outcome = await beating.app.get(IntegrityCheckpointer).checkpointNow();
      expect(outcome).toMatchObject({ created: true, heartbeat: true, checkpoint: { eventCount: 3 } });
    } finally {
      await beating.close();
    }
  });

  it('with EVENT_STORE=kurrentdb, is not ready while KurrentDB cannot be reached (the database alone says nothing of it)', async () => {
    const unreachable = await createServiceApp(
      { name: 'probe-kurrent', module: ProbeKurrentModule },
      {
        env: { AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem, DATABASE_URL: db.appUrl, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false', LOG_LEVEL: 'silent' },
        host: '127.0.0.1',
        httpPort: 0,
        grpcPort: 0,
      },
    );
    try {
      const ready = await fetch(`${unreachable.httpUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, checks: { database: 'ok', 'event store': expect.stringMatching(/^(failing|timeout)$/) } });
    } finally {
      await unreachable.close();
    }
  });

  it('refuses to start with an unreadable checkpoint key, naming the variable', async () => {
    await expect(
      createServiceApp(definition, {
        env: { AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem, DATABASE_URL: db.appUrl, CHECKPOINT_SIGNING_KEY_FILE: join(keysDir, 'missing.pem'), LOG_LEVEL: 'silent' },
        host: '127.0.0.1',
        httpPort: 0,
        grpcPort: 0,
      }),
    ).rejects.toThrow(/^config error: CHECKPOINT_SIGNING_KEY_FILE must name a readable Ed25519 private key file, got ".*missing.pem" \(ENOENT\)$/);
  });

  it('after a key rotation, extends the old key\'s checkpoints only when that key is trusted', async () => {
    const rotated = generateCheckpointKeyPair();
    writeFileSync(join(keysDir, 'rotated.pem'), rotated.privateKeyPem);
    writeFileSync(join(keysDir, 'trusted.pem'), checkpointKeys.publicKeyPem);
    const start = (trusted: boolean) =>
      createServiceApp(definition, {
        env: {
          AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem,
          DATABASE_URL: db.appUrl,
          CHECKPOINT_SIGNING_KEY_FILE: join(keysDir, 'rotated.pem'),
          ...(trusted ? { CHECKPOINT_TRUSTED_KEYS_FILE: join(keysDir, 'trusted.pem') } : {}),
          CHECKPOINT_INTERVAL_MS: '3600000',
          LOG_LEVEL: 'silent',
        },
        host: '127.0.0.1',
        httpPort: 0,
        grpcPort: 0,
      });
    const untrusting = await start(false);
    try {
      await untrusting.app.get<EventStore>(EVENT_STORE).append('parcel-3', [parcel('rotated')], 'no-stream');
      await expect(untrusting.app.get(IntegrityCheckpointer).checkpointNow()).rejects.toThrow(/unknown key/);
    } finally {
      await untrusting.close();
    }
    const trusting = await start(true);
    try {
      const outcome = await trusting.app.get(IntegrityCheckpointer).checkpointNow();
      expect(outcome).toMatchObject({ created: true, checkpoint: { eventCount: 4 } });
    } finally {
      await trusting.close();
    }
  });

  it('gives each subscription partition a connection of its own: queries and projections go on while every partition holds its batch', async () => {
    const readModels = service.app.get(ReadModelDatabase);
    const before = readModels.poolSize;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holding = new Set<number>();
    const sub = await service.app.get(Subscriptions).start({
      name: 'probe.crates',
      filter: { categories: ['crate'] },
      partitions: 3,
      handle: async (event, tx) => {
        await tx.query('SELECT 1');
        holding.add(partitionOf(event.streamId, 3));
        await gate;
      },
    });
    try {
      expect(readModels.poolSize).toBe(before + 3);
      const crates: string[] = [];
      for (let i = 0; new Set(crates.map((c) => partitionOf(c, 3))).size < 3; i++) {
        if (!crates.some((c) => partitionOf(c, 3) === partitionOf(`crate-${i}`, 3))) crates.push(`crate-${i}`);
      }
      await Promise.all(crates.map((c) => store().append(c, [parcel('crate')], 'no-stream')));
      await eventually(() => expect(holding.size).toBe(3));

      // Three batch transactions open, and DATABASE_POOL_MAX (2) still free for queries and the parcel view.
      expect(await readModels.manager.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
      await store().append('parcel-9', [parcel('while crates wait')], 'no-stream');
      const rows = readModels.manager.getRepository(ParcelViewRow);
      await eventually(async () => expect(await rows.findOneBy({ streamId: 'parcel-9' })).toEqual(expect.objectContaining({ label: 'while crates wait' })));
    } finally {
      open();
      await sub.stop();
    }
  });

  it('stops the subscription on shutdown and releases every connection', async () => {
    await service.close();
    const admin = await db.admin();
    // A closed connection's backend exits just after the client hangs up, so it may still be listed for a moment;
    // a leaked one stays. Listed with what it last ran, to tell which.
    await eventually(async () => {
      const left = await admin.query(`SELECT state, query FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user`, [db.name]);
      expect(left.rows).toEqual([]);
    });
  });
});
