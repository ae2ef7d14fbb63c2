/**
 * The presentation-notes backfill on a real store: a house presented the way the door did before it told masters
 * (EnsFilingPresented only) leaves a master that could be invalidated; the backfill notes it
 * (EnsHousePresentationNoted), the master then refuses invalidation (IE3N01, 92), and a second run writes nothing.
 * The same the other way: a master presented before houses were told gets its houses noted (EnsPresentationNoted).
 */
import { ensStream, PostgresEventStore } from '@ics2/event-store';
import type { commonRepositoryV1, EnsFiling } from '@ics2/contracts';
import { systemActor } from '@ics2/domain';
import { eventually, minimalFiling, startTestService } from '@ics2/testing';
import { ManualClock } from '@ics2/platform';
import { startCommonRepository, type CommonRepositoryHarness } from '../common-repository.test-harness';
import { FilingCommands } from '../doors/filing-commands';
import { definition } from '../service.definition';
import { BackfillPresentationNotesModule } from './backfill-presentation-notes.module';
import { BackfillPresentationNotesProcessor } from './backfill-presentation-notes.processor';

const CARRIER = 'LU987654321';
const FORWARDER = 'FR555555555';

describe('backfill-presentation-notes', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2026-12-02T08:00:00.000Z'));

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_backfill', clock });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const register = async (filing: EnsFiling, eori: string) => {
    const r = await h.asTrader<commonRepositoryV1.RegisterFilingReply>(eori, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.mrn;
  };
  const types = async (mrn: string) => (await store.readStream(ensStream(mrn))).map((e) => e.type);
  const count = async () => (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
  const viewOf = async (mrn: string) => (await store.pool.query<{ status: string }>('SELECT status FROM common_repository.filing_view WHERE mrn = $1', [mrn])).rows[0];

  /** A master and its house, arrived; `presented` is presented as the door did before it told the rest: on its own stream only. */
  const presentedOne = async (n: number, presented: 'house' | 'master') => {
    const m = await register(minimalFiling({ type: 'F21', lrn: `BF-M${n}`, declarant: CARRIER, carrier: CARRIER, masterDocument: `176-2000001${n}`, houses: [`BF-H${n}`] }), CARRIER);
    const house = await register(minimalFiling({ type: 'F22', lrn: `BF-H${n}`, declarant: FORWARDER, carrier: CARRIER, masterDocument: `176-2000001${n}`, houses: [`BF-H${n}`] }), FORWARDER);
    await eventually(async () => expect(await types(house)).toContain('EnsFilingCompleted'));
    // Arrival matches the master's houses from filing_view: wait until it holds the link.
    await eventually(async () => expect(await h.asTrader(CARRIER, 'ConsultFiling', { mrn: m })).toMatchObject({ reply: { state: 'complete', linked: [expect.objectContaining({ mrn: house })] } }));
    const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m] };
    expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: `bf-arr-${n}` })).toMatchObject({ ok: true, reply: { arrived: expect.arrayContaining([m, house]) } });
    // The house presented as the door did before it told masters: its own stream only.
    const commands = h.service.app.app.select(BackfillPresentationNotesModule).get(FilingCommands, { strict: true });
    const presentedAt = '2026-12-02T07:00:00.000Z';
    const member = systemActor('test.old-presentation-door');
    const target = presented === 'house' ? house : m;
    await commands.run({ mrn: target, command: { type: 'RecordPresentation', data: { office: 'DE004700', presentedAt, memberState: 'DE' } }, commandId: `present-${target}`, actor: member, at: clock.now() });
    await eventually(async () => expect(await viewOf(target)).toMatchObject({ status: 'presented' }));
    expect(await types(m)).not.toContain('EnsHousePresentationNoted');
    expect(await types(house)).not.toContain('EnsPresentationNoted');
    return { m, house, presentedAt };
  };
  const presentedHouse = (n: number) => presentedOne(n, 'house');
  /** Again, whether or not filing_view has the note yet: the same command ids, nothing new. */
  const secondRunWritesNothing = async (backfill: BackfillPresentationNotesProcessor) => {
    await h.service.settled();
    const before = await count();
    expect(await backfill.runOnce(clock.now())).toEqual([]);
    await h.service.settled();
    expect(await count()).toBe(before);
  };

  it('notes a presented house on its master, which then refuses invalidation (92); a second run writes nothing', async () => {
    const { m, house, presentedAt } = await presentedHouse(1);
    await h.service.settled();

    const backfill = h.service.app.app.get(BackfillPresentationNotesProcessor);
    expect(await backfill.runOnce(clock.now())).toEqual([`${m}/${house}`]);
    const notes = (await store.readStream(ensStream(m))).filter((e) => e.type === 'EnsHousePresentationNoted');
    expect(notes.map((e) => e.data)).toEqual([{ mrn: m, houseMrn: house, presentedAt, notedAt: clock.now().toISOString() }]);
    expect(await h.asTrader(CARRIER, 'InvalidateFiling', { mrn: m, message_id: 'bf-inv' })).toMatchObject({ ok: true, reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] } });
    expect(await types(m)).not.toContain('EnsFilingInvalidated');

    await secondRunWritesNothing(backfill);
  }, 30_000);

  it('notes a presented master on its house, which then refuses invalidation (92); a second run writes nothing', async () => {
    const { m, house, presentedAt } = await presentedOne(3, 'master');
    await h.service.settled();

    const backfill = h.service.app.app.get(BackfillPresentationNotesProcessor);
    expect(await backfill.runOnce(clock.now())).toEqual([`${house}/${m}`]);
    const notes = (await store.readStream(ensStream(house))).filter((e) => e.type === 'EnsPresentationNoted');
    expect(notes.map((e) => e.data)).toEqual([{ mrn: house, headMrn: m, presentedAt, notedAt: clock.now().toISOString() }]);
    expect(await h.asTrader(FORWARDER, 'InvalidateFiling', { mrn: house, message_id: 'bf-inv-h' })).toMatchObject({ ok: true, reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] } });

    await secondRunWritesNothing(backfill);
  }, 30_000);

  it('two replicas running it at once both finish, and each note is written once', async () => {
    const pairs = [await presentedHouse(4), await presentedHouse(5), await presentedOne(6, 'master')];
    await h.service.settled();
    const other = await startTestService(definition, { databaseUrl: h.db.appUrl, clock, env: { LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0' } });
    try {
      const runs = [h.service.app.app.get(BackfillPresentationNotesProcessor), other.app.app.get(BackfillPresentationNotesProcessor)].map((b) => b.runOnce(clock.now()));
      const noted = (await Promise.all(runs)).flat();
      expect(noted.sort()).toEqual([`${pairs[0].m}/${pairs[0].house}`, `${pairs[1].m}/${pairs[1].house}`, `${pairs[2].house}/${pairs[2].m}`].sort());
      for (const { m } of pairs.slice(0, 2)) expect((await types(m)).filter((t) => t === 'EnsHousePresentationNoted')).toHaveLength(1);
      expect((await types(pairs[2].house)).filter((t) => t === 'EnsPresentationNoted')).toHaveLength(1);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('runs once at start when PRESENTATION_NOTES_BACKFILL is on', async () => {
    const { m, house } = await presentedHouse(2);
    await h.service.settled();
    const other = await startTestService(definition, { databaseUrl: h.db.appUrl, clock, env: { LINKING_TIMER_INTERVAL_MS: '0', EXPIRY_INTERVAL_MS: '0', PRESENTATION_NOTES_BACKFILL: 'true' } });
    try {
      await eventually(async () => expect((await store.readStream(ensStream(m))).filter((e) => e.type === 'EnsHousePresentationNoted').map((e) => e.data)).toEqual([expect.objectContaining({ houseMrn: house })]));
    } finally {
      await other.close();
    }
  }, 30_000);
});
