/**
 * A subscription stuck on one event, in a real service app on a real PostgreSQL: the partition's consecutive failed
 * attempts are a metric, the error log names the event it stopped at, readiness stays up (the service still serves),
 * and the metric is back to 0 once the handler gets past the event. One that opted in to parking (maxAttempts)
 * parks the event instead: a counter and an error line naming it.
 */
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore, EventToAppend } from '@ics2/event-store';
import { eventually, freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { createServiceApp, type ServiceApp } from '../bootstrap/create-service-app';
import type { ServiceDefinition } from '../bootstrap/platform-runtime';
import { generateSigningKeyPair } from '../auth/token-signing';
import { PlatformModule } from '../platform.module';
import { migrateReadModels } from '../read-models/migrate-read-models';
import { ReadModelDatabase } from '../read-models/read-model-database';
import { EVENT_STORE } from './event-sourcing.tokens';
import { EventSourcingModule } from './event-sourcing.module';
import { Subscriptions } from './subscriptions';

@Entity({ name: 'label_view' })
class LabelViewRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' }) streamId!: string;
  @Column({ type: 'text' }) label!: string;
}

@Entity({ name: 'short_label_view' })
class ShortLabelViewRow {
  @PrimaryColumn({ type: 'text', name: 'stream_id' }) streamId!: string;
  @Column({ type: 'text' }) label!: string;
}

const SCHEMA = 'probe_failures';
const migrations = [
  { id: '20261202-0001-label-view', sql: `CREATE TABLE ${SCHEMA}.label_view (stream_id text PRIMARY KEY, label text NOT NULL)` },
  // A read model's rule the projection does not know of: a row breaking it fails in the database, data in hand.
  { id: '20261203-0001-short-label-view', sql: `CREATE TABLE ${SCHEMA}.short_label_view (stream_id text PRIMARY KEY, label text NOT NULL CONSTRAINT short_label CHECK (length(label) <= 10))` },
];

/** The handler's bug, until the test fixes it: a label it cannot take. */
const handler = { rejectsPoison: true };

@Injectable()
class LabelViewProjection implements OnApplicationBootstrap {
  constructor(private readonly subscriptions: Subscriptions) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: 'probe.label-view',
      filter: { categories: ['label'] },
      handle: async (event, tx) => {
        const label = String((event.data as { label: string }).label);
        if (label === 'poison' && handler.rejectsPoison) throw new Error('label not understood');
        await tx.manager.getRepository(LabelViewRow).save({ streamId: event.streamId, label });
      },
    });
    await this.subscriptions.start({
      name: 'probe.parking-view',
      filter: { categories: ['parking'] },
      maxAttempts: 2,
      handle: async (event, tx) => {
        const label = String((event.data as { label: string }).label);
        if (label === 'poison') throw new Error('label never understood');
        await tx.manager.getRepository(LabelViewRow).save({ streamId: event.streamId, label });
      },
    });
    await this.subscriptions.start({
      name: 'probe.short-label-view',
      filter: { categories: ['personal'] },
      maxAttempts: 1,
      handle: async (event, tx) => {
        await tx.manager.getRepository(ShortLabelViewRow).insert({ streamId: event.streamId, label: String((event.data as { label: string }).label) });
      },
    });
  }
}

@Module({ imports: [PlatformModule, EventSourcingModule.forService({ readModels: { schema: SCHEMA, entities: [LabelViewRow, ShortLabelViewRow] } })], providers: [LabelViewProjection] })
class ProbeFailuresModule {}

const definition: ServiceDefinition = { name: 'probe-failures', module: ProbeFailuresModule };

const labelled = (label: string): EventToAppend => ({
  id: randomUUID(),
  type: 'LabelApplied',
  data: { label },
  metadata: { schemaVersion: 1, occurredAt: '2026-12-02T10:00:00.000Z', correlationId: 'l-1', causationId: null, actor: { kind: 'system', component: 'probe' } },
});

interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

describe('Subscriptions: a partition stuck on one event', () => {
  jest.setTimeout(30_000);
  let db: FreshDatabase;
  let service: ServiceApp;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    db = await freshDatabase('sub_failures');
    await migrateReadModels(db.adminUrl, { schema: SCHEMA, migrations });
    service = await createServiceApp(definition, {
      env: { AUTH_PUBLIC_KEY: generateSigningKeyPair().publicKeyPem, DATABASE_URL: db.appUrl, LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
      host: '127.0.0.1',
      httpPort: 0,
      grpcPort: 0,
    });
  }, 30_000);

  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  const metric = async (pattern: RegExp): Promise<number | undefined> => {
    const found = pattern.exec(await (await fetch(`${service.httpUrl}/metrics`)).text());
    return found ? Number(found[1]) : undefined;
  };
  const failedAttempts = () => metric(/^ics2_subscription_failed_attempts\{subscription="probe.label-view",partition="0",service="probe-failures"\} (\d+)$/m);

  it('counts its failed attempts in a gauge, names the event in the error log, stays ready, and resets once past it', async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    await store.append('label-1', [labelled('fragile')], 'no-stream');
    const poison = labelled('poison');
    await store.append('label-2', [poison], 'no-stream');
    const [recorded] = await store.readStream('label-2');

    await eventually(async () => expect(await failedAttempts()).toBeGreaterThanOrEqual(2), 10_000);
    const failures = lines.filter((l) => l.level === 'error' && l.subscription === 'probe.label-view');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[failures.length - 1]).toMatchObject({
      partition: 0,
      attempts: failures.length,
      eventId: poison.id,
      eventType: 'LabelApplied',
      stream: 'label-2',
      position: { commit: recorded.position.commit.toString(), prepare: recorded.position.prepare.toString() },
      err: expect.objectContaining({ message: 'label not understood' }),
    });
    expect(failures[failures.length - 1].msg).toContain(poison.id);
    // Retrying is not being unable to serve: readiness stays up.
    expect((await fetch(`${service.httpUrl}/health/ready`)).status).toBe(200);

    handler.rejectsPoison = false;
    await eventually(async () => expect(await failedAttempts()).toBe(0), 10_000);
    const rows = service.app.get(ReadModelDatabase).manager.getRepository(LabelViewRow);
    expect(await rows.find({ order: { streamId: 'ASC' } })).toEqual([
      { streamId: 'label-1', label: 'fragile' },
      { streamId: 'label-2', label: 'poison' },
    ]);
  });

  it('with maxAttempts, parks the event it keeps failing on: a counter, an error line naming it, and the events after it handled', async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const poison = labelled('poison');
    await store.append('parking-1', [poison, labelled('after')], 'no-stream');

    const rows = service.app.get(ReadModelDatabase).manager.getRepository(LabelViewRow);
    await eventually(async () => expect(await rows.findOneBy({ streamId: 'parking-1' })).toEqual({ streamId: 'parking-1', label: 'after' }), 10_000);
    expect(await metric(/^ics2_subscription_parked_events_total\{subscription="probe.parking-view",service="probe-failures"\} (\d+)$/m)).toBe(1);
    expect(await metric(/^ics2_subscription_failed_attempts\{subscription="probe.parking-view",partition="0",service="probe-failures"\} (\d+)$/m)).toBe(0);
    const parked = lines.filter((l) => l.level === 'error' && l.subscription === 'probe.parking-view' && String(l.msg).startsWith('subscription parked'));
    expect(parked).toEqual([expect.objectContaining({ eventId: poison.id, stream: 'parking-1', attempts: 3, err: expect.objectContaining({ message: 'label never understood' }) })]);
  });

  it('logs a database refusal by its code and constraint, never the values it refused (personal data in a filing)', async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const personal = 'Jane Doe, Rue de la Loi 200, Bruxelles';
    const event = labelled(personal);
    await store.append('personal-1', [event], 'no-stream');

    const lineOf = () => lines.find((l) => l.level === 'error' && l.subscription === 'probe.short-label-view' && l.eventId === event.id);
    await eventually(() => expect(lineOf()).toBeDefined(), 10_000);
    const line = lineOf() as LogLine;
    expect(line.err).toMatchObject({ code: '23514', constraint: 'short_label' });
    // TypeORM's error carries the statement's values, PostgreSQL's the failing row: neither may reach the log.
    expect(JSON.stringify(line)).not.toContain('Jane Doe');
  });
});
