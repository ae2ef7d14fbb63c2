/**
 * settled() on a real service app and a real PostgreSQL: two processors in a chain (a parcel is stamped, a stamp is
 * filed, each an append of its own), the first one held on a gate the test opens. While the gate is shut settled()
 * cannot resolve and, at its timeout, names the subscription still behind; once opened it resolves only when both
 * appends, the second caused by the first, are in the store.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventSourcingModule, migrateReadModels, PlatformModule, Subscriptions, type ServiceDefinition } from '@ics2/platform';
import type { EventStore, EventToAppend, RecordedEvent } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { startTestService, type TestService } from './service-harness';

const SCHEMA = 'probe_settled';

/** Holds the stamping of each parcel until the test opens it; tells the test when a handler is waiting on it. */
class Gate {
  private open: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private waiting: (() => void)[] = [];

  shut(): void {
    this.open = new Promise((resolve) => (this.release = resolve));
  }
  /** Resolves once a handler waits at the gate. */
  reached(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  pass(): Promise<void> {
    this.waiting.splice(0).forEach((w) => w());
    return this.open;
  }
  openUp(): void {
    this.release();
  }
}

const gate = new Gate();

const event = (type: string, data: object): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { schemaVersion: 1, occurredAt: '2026-12-02T10:00:00.000Z', correlationId: 'probe-settled', causationId: null, actor: { kind: 'system', component: 'probe' } },
});

const parcelOf = (recorded: RecordedEvent) => (recorded.data as { parcel: string }).parcel;

@Injectable()
class ProbeProcessors implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: 'probe.stamp',
      filter: { categories: ['parcel'] },
      handle: async (recorded) => {
        await gate.pass();
        await this.store.append(`stamp-${parcelOf(recorded)}`, [event('ParcelStamped', { parcel: parcelOf(recorded) })], 'no-stream');
      },
    });
    await this.subscriptions.start({
      name: 'probe.file',
      filter: { categories: ['stamp'] },
      handle: async (recorded) => {
        await this.store.append(`filed-${parcelOf(recorded)}`, [event('ParcelFiled', { parcel: parcelOf(recorded) })], 'no-stream');
      },
    });
  }
}

@Module({ imports: [PlatformModule, EventSourcingModule.forService({ readModels: { schema: SCHEMA, entities: [] } })], providers: [ProbeProcessors] })
class ProbeModule {}

const definition: ServiceDefinition = { name: 'probe-settled', module: ProbeModule };

describe('settled()', () => {
  let db: FreshDatabase;
  let service: TestService;

  beforeAll(async () => {
    db = await freshDatabase('testing_settled');
    await migrateReadModels(db.adminUrl, { schema: SCHEMA, migrations: [] });
    service = await startTestService(definition, { databaseUrl: db.appUrl });
  }, 30_000);
  afterAll(async () => {
    gate.openUp();
    await service?.close();
    await db?.drop();
  });

  const store = () => service.app.app.get<EventStore>(EVENT_STORE);
  const typesOf = async (stream: string) => (await store().readStream(stream)).map((e) => e.type);

  it('resolves at once when nothing is going on', async () => {
    await expect(service.settled()).resolves.toBeUndefined();
  });

  it('does not resolve while a handler is held, naming it; resolves once its effect and what that caused are stored', async () => {
    gate.shut();
    const held = gate.reached();
    await store().append('parcel-1', [event('ParcelLabelled', { parcel: '1' })], 'no-stream');
    await held;

    // The gate stays shut: settled() can only end by its timeout, and says which subscription holds it up.
    await expect(service.settled({ timeoutMs: 300 })).rejects.toThrow(/subscriptions behind: probe\.stamp \(1 events\)/);

    const quiet = service.settled();
    gate.openUp();
    await quiet;
    expect(await typesOf('stamp-1')).toEqual(['ParcelStamped']);
    expect(await typesOf('filed-1')).toEqual(['ParcelFiled']);
  });
});
