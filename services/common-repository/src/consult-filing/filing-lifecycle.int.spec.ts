/**
 * The rest of the ENS lifecycle through the repository's gRPC door on a real PostgreSQL: consultation and search
 * (only the caller's filings), amendment, invalidation, arrival (IE3R04 with IE3N07 items), presentation by the
 * Member State and the 200-day expiry on a moved clock. Refusals write nothing the issue says must not be written.
 */
import { randomUUID } from 'node:crypto';
import { controlStream, ensStream, PostgresEventStore, type RecordedEvent } from '@ics2/event-store';
import { asSuperuser } from '@ics2/event-store/testing';
import type { commonRepositoryV1, EnsFiling } from '@ics2/contracts';
import { controlDecided, eventually, minimalFiling } from '@ics2/testing';
import { ManualClock } from '@ics2/platform';
import { startCommonRepository, type CommonRepositoryHarness } from '../common-repository.test-harness';
import { FilingCommands } from '../doors/filing-commands';
import { ExpireFilingProcessor } from '../expire-filing/expire-filing.processor';
import { NoteControlModule } from '../note-control/note-control.module';
import { NoteControlProcessor } from '../note-control/note-control.processor';

const DECLARANT = 'DE123456789012345';
const CARRIER = 'LU987654321';
const STRANGER = 'IT999999999';
type Reply = commonRepositoryV1.RegisterFilingReply;

describe('filing lifecycle', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2026-12-01T08:00:00.000Z'));

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_life', clock });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  let serial = 0;
  const register = async (options: Parameters<typeof minimalFiling>[0] = {}): Promise<{ mrn: string; filing: EnsFiling }> => {
    const filing = minimalFiling({ type: 'F20', lrn: `LIFE-${++serial}`, declarant: DECLARANT, carrier: CARRIER, masterDocument: `176-2000${serial}`, ...options });
    const r = await h.asTrader<Reply>(DECLARANT, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const mrn = r.reply.mrn;
    // Consultation reads the read model, which follows the events.
    await eventually(async () => expect(await h.asTrader(DECLARANT, 'ConsultFiling', { mrn })).toMatchObject({ ok: true }));
    return { mrn, filing };
  };
  const events = async (mrn: string) => (await store.readStream(ensStream(mrn))).map((e) => e.type);
  const consult = (mrn: string, eori = DECLARANT) => h.asTrader<commonRepositoryV1.ConsultFilingReply>(eori, 'ConsultFiling', { mrn });

  describe('consultation (IE3Q05 / IE3R08)', () => {
    it('shows the filing, its state and responsibility to its parties, the carrier included', async () => {
      const { mrn, filing } = await register({ routing: ['CN', 'AT', 'DE'] });
      const mine = await consult(mrn);
      expect(mine).toMatchObject({ ok: true, reply: { message_type: 'IE3R08', mrn, state: 'complete', level: 'complete', responsible_member_state: 'DE', involved_member_states: ['AT'] } });
      expect(JSON.parse((mine as { reply: { filing_json: string } }).reply.filing_json)).toEqual(filing);
      expect(await consult(mrn, CARRIER)).toMatchObject({ ok: true });
    });

    it('answers a stranger exactly as for an unknown MRN', async () => {
      const { mrn } = await register();
      const stranger = await consult(mrn, STRANGER);
      const unknown = await consult('26DE000000ZZZZZ1T5', STRANGER);
      expect(stranger).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'ENS.NOT_FOUND' });
      expect({ ...(stranger as object), message: undefined }).toEqual({ ...(unknown as object), message: undefined });
    });

    it('finds the caller\'s filings by master or house transport document, nobody else\'s', async () => {
      const { mrn } = await register({ masterDocument: '176-55550001', houses: ['FIND-H1'] });
      const byMaster = await h.asTrader<commonRepositoryV1.FindFilingsReply>(DECLARANT, 'FindFilings', { transport_document: '176-55550001' });
      expect(byMaster).toMatchObject({ ok: true, reply: { filings: [{ mrn, matched_document: 'master' }] } });
      const byHouse = await h.asTrader<commonRepositoryV1.FindFilingsReply>(DECLARANT, 'FindFilings', { transport_document: 'FIND-H1' });
      expect(byHouse).toMatchObject({ ok: true, reply: { filings: [{ mrn, matched_document: 'house' }] } });
      expect(await h.asTrader(STRANGER, 'FindFilings', { transport_document: '176-55550001' })).toMatchObject({ ok: true, reply: { filings: [] } });
    });

    it('refuses a transport document with a character no filing carries (102 at /transportDocument), a NUL too', async () => {
      for (const doc of ['176-5555\u00000001', '176-5555\u00070001']) {
        expect(await h.asTrader(DECLARANT, 'FindFilings', { transport_document: doc })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '102', pointer: '/transportDocument' }] });
      }
    });
  });

  describe('amendment (IE3Axx)', () => {
    it('amends (IE3N10) and shows the amended filing; a retry with the same message id appends nothing', async () => {
      const { mrn, filing } = await register();
      const amended = { ...filing, documentIssueDate: '2026-12-01T09:30:00Z' };
      const request = { mrn, filing_json: JSON.stringify(amended), message_id: 'amd-1' };
      expect(await h.asTrader(DECLARANT, 'AmendFiling', request)).toMatchObject({ ok: true, reply: { message_type: 'IE3N10', changed: ['/documentIssueDate'], replayed: false } });
      const count = (await events(mrn)).length;
      expect(await h.asTrader(DECLARANT, 'AmendFiling', request)).toMatchObject({ ok: true, reply: { message_type: 'IE3N10', replayed: true } });
      expect((await events(mrn)).length).toBe(count);
      await eventually(async () => expect(JSON.parse(((await consult(mrn)) as { reply: { filing_json: string } }).reply.filing_json)).toEqual(amended));
    });

    it('rejects a change to a protected element (IE3N01, X04) and records the rejection', async () => {
      const { mrn, filing } = await register();
      const changed = { ...filing, customsOfficeOfFirstEntry: { referenceNumber: 'FR000123' } };
      const r = await h.asTrader(DECLARANT, 'AmendFiling', { mrn, filing_json: JSON.stringify(changed), message_id: 'amd-x' });
      expect(r).toMatchObject({ ok: true, reply: { message_type: 'IE3N01', errors: [{ validation_code: 'X04', pointer: '/customsOfficeOfFirstEntry/referenceNumber' }] } });
      expect(await events(mrn)).toContain('EnsAmendmentRejected');
    });

    it('refuses a stranger as not found and records nothing', async () => {
      const { mrn, filing } = await register();
      const before = (await events(mrn)).length;
      const r = await h.asTrader(STRANGER, 'AmendFiling', { mrn, filing_json: JSON.stringify({ ...filing, declarant: { identificationNumber: STRANGER } }), message_id: 'amd-s' });
      expect(r).toMatchObject({ ok: false, kind: 'not-found' });
      expect((await events(mrn)).length).toBe(before);
    });
  });

  describe('a decision to control (control-results)', () => {
    const decide = async (head: string, members: readonly string[]) => {
      const decided = { ...controlDecided(), data: { ...controlDecided().data, mrn: head, members } };
      await store.append(controlStream(head), [{ id: randomUUID(), type: decided.type, data: decided.data, metadata: { schemaVersion: 1, occurredAt: decided.data.decidedAt, correlationId: head, causationId: null, actor: { kind: 'system', component: 'control-results' } } }], 'any');
    };
    const amendRefused = async (f: { mrn: string; filing: EnsFiling }, messageId: string) =>
      expect(await h.asTrader(DECLARANT, 'AmendFiling', { mrn: f.mrn, filing_json: JSON.stringify({ ...f.filing, documentIssueDate: '2026-12-01T09:45:00Z' }), message_id: messageId })).toMatchObject({
        ok: true,
        reply: { message_type: 'IE3N01', errors: [{ validation_code: '92' }] },
      });
    const completions = async (mrn: string) => (await events(mrn)).filter((t) => t === 'EnsFilingCompleted').length;
    /** A master (houses H1, H2) complete with its two houses, then the first house invalidated by its declarant. */
    const completeThenInvalidateFirstHouse = async (doc: string) => {
      const m = await register({ type: 'F21', masterDocument: doc, houses: ['H1', 'H2'] });
      const h1 = await register({ type: 'F22', masterDocument: doc, houses: ['H1'] });
      const h2 = await register({ type: 'F22', masterDocument: doc, houses: ['H2'] });
      await eventually(async () => expect(await completions(m.mrn)).toBe(1));
      expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: h1.mrn, message_id: `inv-${h1.mrn}` })).toMatchObject({ ok: true, reply: { message_type: 'IE3R07' } });
      return { doc, m, h1, h2 };
    };

    it('is noted on every filing of the ENS once, and none of them can be amended from then on', async () => {
      const m = await register({ type: 'F21', masterDocument: '176-20009001', houses: ['CTL-H1'] });
      const house = await register({ type: 'F22', masterDocument: '176-20009001', houses: ['CTL-H1'] });
      await eventually(async () => expect(await completions(m.mrn)).toBe(1));
      await decide(m.mrn, [m.mrn, house.mrn]);
      await eventually(async () => {
        expect(await events(m.mrn)).toContain('EnsControlNoted');
        expect(await events(house.mrn)).toContain('EnsControlNoted');
      });
      const noted = (await store.readStream(ensStream(house.mrn))).find((e) => e.type === 'EnsControlNoted');
      expect(noted?.data).toMatchObject({ mrn: house.mrn, memberState: 'DE', source: 'control-results:pre-arrival-1' });
      const [recorded] = await store.readStream(controlStream(m.mrn));
      await h.service.app.app.get(NoteControlProcessor).handle(recorded);
      expect((await events(house.mrn)).filter((t) => t === 'EnsControlNoted')).toHaveLength(1);
      await amendRefused(house, 'amd-ctl');
    });

    it("is noted on the ENS's members as they now stand: the refiled house, not the invalidated one the analysis named", async () => {
      const { doc, m, h1, h2 } = await completeThenInvalidateFirstHouse('176-20009002');
      const refiled = await register({ type: 'F22', masterDocument: doc, houses: ['H1'] });
      await eventually(async () => expect(await completions(m.mrn)).toBe(2));
      // The analysis behind the decision predates the refiling.
      await decide(m.mrn, [m.mrn, h1.mrn, h2.mrn]);
      await eventually(async () => {
        for (const member of [m, h2, refiled]) expect(await events(member.mrn)).toContain('EnsControlNoted');
      });
      expect(await events(h1.mrn)).not.toContain('EnsControlNoted');
      await amendRefused(refiled, 'amd-ctl-refiled');
    });

    it('is noted on a house refiled after the decision when it joins the ENS, so it cannot be amended either', async () => {
      const { doc, m, h1, h2 } = await completeThenInvalidateFirstHouse('176-20009003');
      await eventually(async () => expect(await events(m.mrn)).toContain('EnsFilingUnlinked'));
      await decide(m.mrn, [m.mrn, h1.mrn, h2.mrn]);
      await eventually(async () => expect(await events(h2.mrn)).toContain('EnsControlNoted'));
      const refiled = await register({ type: 'F22', masterDocument: doc, houses: ['H1'] });
      await eventually(async () => expect(await events(refiled.mrn)).toContain('EnsControlNoted'));
      const noted = (await store.readStream(ensStream(refiled.mrn))).find((e) => e.type === 'EnsControlNoted');
      expect(noted?.data).toMatchObject({ memberState: 'DE', source: 'control-results:pre-arrival-1' });
      await amendRefused(refiled, 'amd-ctl-late');
    });

    it('is noted on a house whose link the master records between the decision and its own note', async () => {
      const m = await register({ type: 'F21', masterDocument: '176-20009004', houses: ['CTL-H4'] });
      await eventually(async () => expect(await events(m.mrn)).toContain('EnsCompletenessPending'));
      // Handed to the processor here alone (never appended): the controls subscription does not see it.
      const decided = { ...controlDecided(), data: { ...controlDecided().data, mrn: m.mrn, members: [m.mrn] } };
      const recorded = { id: randomUUID(), type: decided.type, data: decided.data } as unknown as RecordedEvent;
      const commands = h.service.app.app.select(NoteControlModule).get(FilingCommands, { strict: true });
      const run = commands.run.bind(commands);
      let house: string | null = null;
      // The house files and links just before the master's note is written.
      const between = jest.spyOn(commands, 'run').mockImplementation(async (r) => {
        if (r.mrn === m.mrn && house === null) {
          house = (await register({ type: 'F22', masterDocument: '176-20009004', houses: ['CTL-H4'] })).mrn;
          const linked = house;
          await eventually(async () => expect(await events(m.mrn)).toContain('EnsFilingCompleted'));
          await eventually(async () => expect(await events(linked)).toContain('EnsFilingLinked'));
        }
        return run(r);
      });
      try {
        await h.service.app.app.get(NoteControlProcessor).handle(recorded);
      } finally {
        between.mockRestore();
      }
      expect(await events(m.mrn)).toContain('EnsControlNoted');
      expect((await events(house as unknown as string)).filter((t) => t === 'EnsControlNoted')).toHaveLength(1);
    });

    it('notes nothing on an invalidated filing: it declares no goods any more', async () => {
      const a = await register();
      expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: a.mrn, message_id: 'inv-ctl-a' })).toMatchObject({ ok: true, reply: { message_type: 'IE3R07' } });
      await decide(a.mrn, [a.mrn]);
      const [recorded] = await store.readStream(controlStream(a.mrn));
      await h.service.app.app.get(NoteControlProcessor).handle(recorded);
      expect((await events(a.mrn)).at(-1)).toBe('EnsFilingInvalidated');
    });

    it('notes nothing for a decision not to control', async () => {
      const a = await register();
      const decided = controlDecided({ control: false });
      await store.append(controlStream(a.mrn), [{ id: randomUUID(), type: decided.type, data: { ...decided.data, mrn: a.mrn, members: [a.mrn] }, metadata: { schemaVersion: 1, occurredAt: decided.data.decidedAt, correlationId: a.mrn, causationId: null, actor: { kind: 'system', component: 'control-results' } } }], 'any');
      const [recorded] = await store.readStream(controlStream(a.mrn));
      await h.service.app.app.get(NoteControlProcessor).handle(recorded);
      expect(await events(a.mrn)).not.toContain('EnsControlNoted');
      expect(await h.asTrader(DECLARANT, 'AmendFiling', { mrn: a.mrn, filing_json: JSON.stringify({ ...a.filing, documentIssueDate: '2026-12-01T09:46:00Z' }), message_id: 'amd-noctl' })).toMatchObject({ ok: true, reply: { message_type: 'IE3N10' } });
    });
  });

  describe('arrival (IE3N06), presentation and invalidation', () => {
    it('arrives filings matched by MRN list, answers IE3R04 with its own MRN and IE3N07 for one in an incorrect state', async () => {
      const a = await register();
      const b = await register();
      expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: b.mrn, message_id: 'inv-b' })).toMatchObject({ ok: true, reply: { message_type: 'IE3R07' } });
      await eventually(async () => expect(await consult(b.mrn)).toMatchObject({ reply: { state: 'invalidated' } }));
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [a.mrn, b.mrn, '26DE000000ZZZZZ1T5'] };
      const r = await h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-1' });
      expect(r).toMatchObject({ ok: true, reply: { message_type: 'IE3R04', arrived: [a.mrn] } });
      const reply = (r as { reply: commonRepositoryV1.NotifyArrivalReply }).reply;
      expect(reply.arrival_mrn).toMatch(/^26DE[0-9A-Z]{12}N\d$/);
      expect(reply.incorrect_state.map((i) => [i.mrn, i.message_type, i.errors[0].validation_code]).sort()).toEqual(
        [[b.mrn, 'IE3N07', '92'], ['26DE000000ZZZZZ1T5', 'IE3N07', '12']].sort(),
      );
      const again = await h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-1' });
      expect(again).toMatchObject({ ok: true, reply: { arrival_mrn: reply.arrival_mrn, replayed: true } });
      expect((await events(a.mrn)).filter((t) => t === 'EnsFilingArrived')).toHaveLength(1);

      // Presentation needs arrival first for air goods; then it is recorded once.
      const c = await register();
      expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: c.mrn, office: 'DE004700' })).toMatchObject({ ok: false, kind: 'precondition', details: [{ validationCode: '92' }] });
      expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: a.mrn, office: 'DE004700' })).toMatchObject({ ok: true, reply: { state: 'presented' } });
      expect(await h.asTrader(DECLARANT, 'RecordPresentation', { mrn: a.mrn, office: 'DE004700' })).toMatchObject({ ok: false, kind: 'permission' });

      // Presented goods can no longer be amended or invalidated.
      const amend = await h.asTrader(DECLARANT, 'AmendFiling', { mrn: a.mrn, filing_json: JSON.stringify({ ...a.filing, documentIssueDate: '2026-12-01T09:45:00Z' }), message_id: 'amd-late' });
      expect(amend).toMatchObject({ ok: true, reply: { message_type: 'IE3N01', errors: [{ validation_code: '92' }] } });
      expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: a.mrn, message_id: 'inv-late' })).toMatchObject({ ok: true, reply: { message_type: 'IE3N01', errors: [{ validation_code: '92' }] } });
    });

    it('records goods presented once: the same presentation again is answered with the first, one at another office is 92, by any Member State', async () => {
      const { mrn } = await register();
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [mrn] };
      expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-twice' })).toMatchObject({ ok: true });
      const first = await h.asMemberState<commonRepositoryV1.RecordPresentationReply>('DE', 'RecordPresentation', { mrn, office: 'DE004700', presented_at: '2026-12-02T07:00:00Z' });
      expect(first).toMatchObject({ ok: true, reply: { state: 'presented', presented_at: '2026-12-02T07:00:00.000Z', replayed: false } });
      const before = (await events(mrn)).length;
      expect(await h.asMemberState('DE', 'RecordPresentation', { mrn, office: 'DE004700' })).toMatchObject({ ok: true, reply: { presented_at: '2026-12-02T07:00:00.000Z', replayed: true } });
      const outOfSequence = { ok: false, kind: 'precondition', errorCode: 'ENS.LIFECYCLE', details: [{ validationCode: '92', pointer: '' }] };
      expect(await h.asMemberState('FR', 'RecordPresentation', { mrn, office: 'FR000123' })).toMatchObject(outOfSequence);
      expect(await h.asMemberState('DE', 'RecordPresentation', { mrn, office: 'DE004701' })).toMatchObject(outOfSequence);
      expect((await events(mrn)).length).toBe(before);
    });

    it('refuses a presentation instant that is no ISO-8601 UTC instant (12 at /presentedAt), writing nothing', async () => {
      const { mrn } = await register();
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [mrn] };
      expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-instant' })).toMatchObject({ ok: true });
      const before = (await events(mrn)).length;
      for (const presented_at of ['1', 'March 3', '2026-12-02T07:00:00', '2026-12-02T07:00:00+01:00', '2026-02-30T07:00:00Z']) {
        const r = await h.asMemberState('DE', 'RecordPresentation', { mrn, office: 'DE004700', presented_at });
        expect([presented_at, r]).toMatchObject([presented_at, { ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/presentedAt' }] }]);
      }
      expect((await events(mrn)).length).toBe(before);
    });

    it('matches by master air waybill and by means of transport with its estimated arrival', async () => {
      const byMawb = await register({ masterDocument: '176-77770001' });
      const r1 = await h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', {
        arrival_json: JSON.stringify({ actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, masterTransportDocuments: [{ documentNumber: '176-77770001' }] }),
        message_id: 'arr-mawb',
      });
      expect(r1).toMatchObject({ ok: true, reply: { arrived: [byMawb.mrn] } });

      const base = minimalFiling({ type: 'F20', lrn: 'LIFE-FLIGHT', declarant: DECLARANT, carrier: CARRIER, masterDocument: '176-88880001' });
      const flight: EnsFiling = { ...base, activeBorderTransportMeans: { ...base.activeBorderTransportMeans!, identificationNumber: 'LH8400', estimatedDateAndTimeOfArrival: '2026-12-02T05:30:00Z' } };
      const reg = await h.asTrader<Reply>(DECLARANT, 'RegisterFiling', { filing_json: JSON.stringify(flight) });
      const mrn = (reg as { reply: Reply }).reply.mrn;
      await eventually(async () => expect(await consult(mrn)).toMatchObject({ ok: true }));
      const r2 = await h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', {
        arrival_json: JSON.stringify({ actualDateAndTimeOfArrival: '2026-12-02T06:10:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, activeBorderTransportMeans: { identificationNumber: 'LH8400', estimatedDateAndTimeOfArrival: '2026-12-02T06:00:00Z' } }),
        message_id: 'arr-flight',
      });
      expect(r2).toMatchObject({ ok: true, reply: { arrived: [mrn] } });
    });

    it('matches by master air waybill only filings that still declare goods: an invalidated one of the waybill is left out, written nothing, and alone matches nothing', async () => {
      const arrive = (mawb: string, messageId: string) =>
        h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', {
          arrival_json: JSON.stringify({ actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, masterTransportDocuments: [{ documentNumber: mawb }] }),
          message_id: messageId,
        });
      const invalidated = async (mawb: string, messageId: string) => {
        const { mrn } = await register({ masterDocument: mawb });
        expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn, message_id: messageId })).toMatchObject({ ok: true, reply: { message_type: 'IE3R07' } });
        await eventually(async () => expect(await consult(mrn)).toMatchObject({ reply: { state: 'invalidated' } }));
        return mrn;
      };
      const old = await invalidated('176-77770101', 'inv-mawb-old');
      const refiled = await register({ masterDocument: '176-77770101' });
      expect(await arrive('176-77770101', 'arr-mawb-refiled')).toMatchObject({ ok: true, reply: { arrived: [refiled.mrn], incorrect_state: [] } });
      expect((await events(old)).at(-1)).toBe('EnsFilingInvalidated');

      const alone = await invalidated('176-77770102', 'inv-mawb-alone');
      const count = async () => (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
      await h.service.settled();
      const before = await count();
      expect(await arrive('176-77770102', 'arr-mawb-alone')).toMatchObject({ ok: false, kind: 'conflict', errorCode: 'ARRIVAL.NO_FILING' });
      expect(await count()).toBe(before);
      expect((await events(alone)).at(-1)).toBe('EnsFilingInvalidated');
    });

    it('arrives the houses linked to a matched master from the master\'s stream, not from the read model, which may not show the link yet', async () => {
      const doc = '176-20009201';
      const m = await register({ type: 'F21', masterDocument: doc, houses: ['LAG-H1'] });
      const house = await register({ type: 'F22', masterDocument: doc, houses: ['LAG-H1'] });
      await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
      // The read model shows the link, then loses it, as it is before its projection caught up with the link.
      const view = (mrn: string) => store.pool.query<{ linked: { mrn: string }[] }>('SELECT linked FROM common_repository.filing_view WHERE mrn = $1', [mrn]);
      await eventually(async () => expect((await view(m.mrn)).rows[0].linked.map((l) => l.mrn)).toContain(house.mrn));
      await asSuperuser(h.db.adminUrl, { text: `UPDATE common_repository.filing_view SET linked = '[]'::jsonb WHERE mrn = $1`, values: [m.mrn] });
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m.mrn] };
      const r = await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-lag' });
      expect(r).toMatchObject({ ok: true, reply: { message_type: 'IE3R04', arrived: [m.mrn, house.mrn] } });
      expect(await events(house.mrn)).toContain('EnsFilingArrived');
    });

    it('arrives no house with a master that does not arrive itself: an invalidated master named by MRN is IE3N07, and the houses it once held stay as they are', async () => {
      const doc = '176-20009501';
      const m = await register({ type: 'F21', masterDocument: doc, houses: ['INV-H1'] });
      const house = await register({ type: 'F22', masterDocument: doc, houses: ['INV-H1'] });
      await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
      expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: m.mrn, message_id: 'inv-arr-m' })).toMatchObject({ ok: true, reply: { message_type: 'IE3R07' } });
      await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingUnlinked'));
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m.mrn] };
      const r = await h.asTrader<commonRepositoryV1.NotifyArrivalReply>(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-inv-m' });
      expect(r).toMatchObject({ ok: true, reply: { arrived: [], incorrect_state: [{ mrn: m.mrn, message_type: 'IE3N07', errors: [{ validation_code: '92' }] }] } });
      expect(await events(house.mrn)).not.toContain('EnsFilingArrived');
      expect(await events(house.mrn)).not.toContain('EnsArrivalRefused');
    });

    it('refuses an arrival that matches none of the notifier\'s filings, writing nothing', async () => {
      const { mrn } = await register();
      const count = async () => (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0].n;
      await h.service.settled();
      const before = await count();
      const r = await h.asTrader(STRANGER, 'NotifyArrival', {
        arrival_json: JSON.stringify({ actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [mrn] }),
        message_id: 'arr-stranger',
      });
      expect(r).toMatchObject({ ok: false, kind: 'conflict', errorCode: 'ARRIVAL.NO_FILING' });
      expect(await count()).toBe(before);
    });

    describe("a house whose master (its ENS's head) was presented", () => {
      const arriveAndPresent = async (m: string, messageId: string) => {
        const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m] };
        expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: messageId })).toMatchObject({ ok: true });
        expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: m, office: 'DE004700' })).toMatchObject({ ok: true, reply: { state: 'presented' } });
      };
      const invalidationRefused = async (house: string, messageId: string) => {
        const master = (await store.readStream(ensStream(house))).find((e) => e.type === 'EnsFilingLinked')?.data as { linkedMrn: string };
        const before = (await events(master.linkedMrn)).length;
        expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: house, message_id: messageId })).toMatchObject({
          ok: true,
          reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] },
        });
        expect(await events(house)).not.toContain('EnsFilingInvalidated');
        expect((await events(house)).at(-1)).toBe('EnsInvalidationRejected');
        // Nothing reaches the ENS: its link stays, it is neither pending nor completed again.
        expect((await events(master.linkedMrn)).length).toBe(before);
      };

      it('can no longer be invalidated (IE3N01, 92, as a presented filing), and the ENS keeps it', async () => {
        const doc = '176-20009101';
        const m = await register({ type: 'F21', masterDocument: doc, houses: ['PR-H1'] });
        const house = await register({ type: 'F22', masterDocument: doc, houses: ['PR-H1'] });
        await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
        await arriveAndPresent(m.mrn, 'arr-pr-1');
        await invalidationRefused(house.mrn, 'inv-pr-h1');
        await eventually(async () => expect(await consult(house.mrn)).toMatchObject({ reply: { state: 'arrived' } }));
      });

      it('can no longer be amended (IE3N01, 92, as a presented filing), and the rejection is recorded', async () => {
        const doc = '176-20009103';
        const m = await register({ type: 'F21', masterDocument: doc, houses: ['PR-A1'] });
        const house = await register({ type: 'F22', masterDocument: doc, houses: ['PR-A1'] });
        await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
        await arriveAndPresent(m.mrn, 'arr-pr-3');
        const later = { ...house.filing, documentIssueDate: '2026-12-01T09:50:00Z' };
        expect(await h.asTrader(DECLARANT, 'AmendFiling', { mrn: house.mrn, filing_json: JSON.stringify(later), message_id: 'amd-pr-a1' })).toMatchObject({
          ok: true,
          reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] },
        });
        expect(await events(house.mrn)).not.toContain('EnsFilingAmended');
        expect((await events(house.mrn)).at(-1)).toBe('EnsAmendmentRejected');
      });

      it('nor can a house that links to the master after its presentation', async () => {
        const doc = '176-20009102';
        const m = await register({ type: 'F21', masterDocument: doc, houses: ['PR-L1', 'PR-L2'] });
        const first = await register({ type: 'F22', masterDocument: doc, houses: ['PR-L1'] });
        await eventually(async () => expect(await events(first.mrn)).toContain('EnsFilingLinked'));
        await arriveAndPresent(m.mrn, 'arr-pr-2');
        const late = await register({ type: 'F22', masterDocument: doc, houses: ['PR-L2'] });
        await eventually(async () => expect(await events(late.mrn)).toContain('EnsPresentationNoted'));
        // The late house completes the ENS, which is checked once more: wait for that, so the master's stream is still.
        await eventually(async () => expect(await events(m.mrn)).toContain('EnsConsistencyChecked'));
        await invalidationRefused(late.mrn, 'inv-pr-l2');
      });
    });
    describe('a master one of whose houses was presented', () => {
      // A presentation may name a single house's MRN: only that house becomes presented.
      const presentHouse = async (messageId: string) => {
        const doc = `176-2000${9300 + ++serial}`;
        const m = await register({ type: 'F21', masterDocument: doc, houses: [`${messageId}-H1`] });
        const house = await register({ type: 'F22', masterDocument: doc, houses: [`${messageId}-H1`] });
        await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
        await eventually(async () => expect(await events(m.mrn)).toContain('EnsConsistencyChecked'));
        const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [house.mrn] };
        expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: `arr-${messageId}` })).toMatchObject({ ok: true });
        expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: house.mrn, office: 'DE004700' })).toMatchObject({ ok: true, reply: { state: 'presented' } });
        // Learnt before the door answered: no waiting.
        expect((await events(m.mrn)).at(-1)).toBe('EnsHousePresentationNoted');
        return { m, house };
      };

      it('can no longer be invalidated nor amended (IE3N01, 92, as a presented filing), and the presented house keeps its link', async () => {
        const { m, house } = await presentHouse('PRM-1');
        const houseBefore = (await events(house.mrn)).length;
        expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: m.mrn, message_id: 'inv-prm-1' })).toMatchObject({
          ok: true,
          reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] },
        });
        expect((await events(m.mrn)).at(-1)).toBe('EnsInvalidationRejected');
        const later = { ...m.filing, documentIssueDate: '2026-12-01T09:55:00Z' };
        expect(await h.asTrader(DECLARANT, 'AmendFiling', { mrn: m.mrn, filing_json: JSON.stringify(later), message_id: 'amd-prm-1' })).toMatchObject({
          ok: true,
          reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] },
        });
        expect((await events(m.mrn)).at(-1)).toBe('EnsAmendmentRejected');
        expect(await events(m.mrn)).not.toContain('EnsFilingInvalidated');
        expect(await events(m.mrn)).not.toContain('EnsFilingAmended');
        // Nothing was invalidated, so nothing releases the house: its stream is as the presentation left it.
        expect((await events(house.mrn)).length).toBe(houseBefore);
        await eventually(async () => expect(await consult(m.mrn)).toMatchObject({ reply: { state: 'complete' } }));
      });

      it('is noted on a master that gains a house presented before it was linked, so it cannot be invalidated either', async () => {
        const doc = '176-20009401';
        const house = await register({ type: 'F22', masterDocument: doc, houses: ['PRM-L1'] });
        const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [house.mrn] };
        expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-prm-l1' })).toMatchObject({ ok: true });
        expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: house.mrn, office: 'DE004700' })).toMatchObject({ ok: true, reply: { state: 'presented' } });
        const m = await register({ type: 'F21', masterDocument: doc, houses: ['PRM-L1'] });
        await eventually(async () => expect(await events(m.mrn)).toContain('EnsHousePresentationNoted'));
        expect(await h.asTrader(DECLARANT, 'InvalidateFiling', { mrn: m.mrn, message_id: 'inv-prm-l1' })).toMatchObject({
          ok: true,
          reply: { message_type: 'IE3N01', errors: [{ validation_code: '92', pointer: '' }] },
        });
        expect(await events(m.mrn)).not.toContain('EnsFilingInvalidated');
      });

      it('is not picked by the 200-day expiry, which writes nothing on it', async () => {
        const { m } = await presentHouse('PRM-2');
        const unpresented = await register();
        await eventually(async () => {
          const last = (await store.readStream(ensStream(m.mrn))).at(-1)!.revision;
          const { rows } = await store.pool.query<{ revision: number; ens_presented_at: Date | null }>(
            'SELECT revision, ens_presented_at FROM common_repository.filing_view WHERE mrn = $1',
            [m.mrn],
          );
          expect(rows[0]).toMatchObject({ revision: last, ens_presented_at: expect.any(Date) });
        });
        const before = (await events(m.mrn)).length;
        const run = jest.spyOn(FilingCommands.prototype, 'run');
        try {
          const expired = await h.service.app.app.get(ExpireFilingProcessor).runOnce(new Date(clock.now().getTime() + 200 * 86_400_000));
          expect(expired).toContain(unpresented.mrn);
          expect(expired).not.toContain(m.mrn);
          expect(run.mock.calls.filter(([r]) => r.command.type === 'ExpireFiling').map(([r]) => r.mrn)).not.toContain(m.mrn);
        } finally {
          run.mockRestore();
        }
        expect((await events(m.mrn)).length).toBe(before);
      });
    });
  });

  describe('the 200-day timer', () => {
    it('invalidates a filing never presented once 200 days have passed on the clock, and not a day before', async () => {
      const { mrn } = await register();
      const expiry = h.service.app.app.get(ExpireFilingProcessor);
      expect(await expiry.runOnce(new Date(clock.now().getTime() + 199 * 86_400_000))).not.toContain(mrn);
      expect(await events(mrn)).not.toContain('EnsFilingInvalidated');
      await expiry.runOnce(new Date(clock.now().getTime() + 200 * 86_400_000));
      expect(await events(mrn)).toContain('EnsFilingInvalidated');
      const [invalidation] = (await store.readStream(ensStream(mrn))).filter((e) => e.type === 'EnsFilingInvalidated');
      expect(invalidation.data).toMatchObject({ reason: 'expired' });
      expect(invalidation.metadata.actor).toEqual({ kind: 'system', component: 'common-repository.expiry' });
    });

    it("stops for a house at its master's presentation: the expiry does not even pick it, and writes nothing on it", async () => {
      const doc = '176-20009201';
      const m = await register({ type: 'F21', masterDocument: doc, houses: ['EXP-H1'] });
      const house = await register({ type: 'F22', masterDocument: doc, houses: ['EXP-H1'] });
      await eventually(async () => expect(await events(house.mrn)).toContain('EnsFilingCompleted'));
      const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m.mrn] };
      expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'arr-exp-1' })).toMatchObject({ ok: true });
      expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: m.mrn, office: 'DE004700' })).toMatchObject({ ok: true, reply: { state: 'presented' } });
      const unpresented = await register();
      // The expiry reads filing_view: wait until its rows reflect every event of both streams.
      const caughtUp = async (mrn: string) => {
        const last = (await store.readStream(ensStream(mrn))).at(-1)!.revision;
        const { rows } = await store.pool.query<{ revision: number }>('SELECT revision FROM common_repository.filing_view WHERE mrn = $1', [mrn]);
        expect(rows[0]?.revision).toBe(last);
      };
      await eventually(async () => {
        await caughtUp(house.mrn);
        await caughtUp(m.mrn);
      });
      const before = (await events(house.mrn)).length;
      const run = jest.spyOn(FilingCommands.prototype, 'run');
      try {
        const expired = await h.service.app.app.get(ExpireFilingProcessor).runOnce(new Date(clock.now().getTime() + 200 * 86_400_000));
        expect(expired).toContain(unpresented.mrn);
        expect(expired).not.toContain(house.mrn);
        expect(run.mock.calls.filter(([r]) => r.command.type === 'ExpireFiling').map(([r]) => r.mrn)).not.toContain(house.mrn);
      } finally {
        run.mockRestore();
      }
      expect((await events(house.mrn)).length).toBe(before);
      expect(await events(house.mrn)).not.toContain('EnsFilingInvalidated');
    });
  });
});
