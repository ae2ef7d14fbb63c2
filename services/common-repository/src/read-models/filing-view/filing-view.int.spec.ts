/**
 * filing_view: events in, rows out. A rebuild from every event into an empty table gives exactly the live rows;
 * delivering every event a second time changes nothing (STYLE "Read models").
 */
import { PostgresEventStore, type RecordedEvent } from '@ics2/event-store';
import type { commonRepositoryV1, EnsFiling } from '@ics2/contracts';
import { eventually, minimalFiling } from '@ics2/testing';
import { ReadModelDatabase } from '@ics2/platform';
import { startCommonRepository, type CommonRepositoryHarness } from '../../common-repository.test-harness';
import { projectFilingView } from './filing-view.projection';

const CARRIER = 'LU987654321';
const FORWARDER = 'FR555555555';

describe('filing-view projection', () => {
  let h: CommonRepositoryHarness;
  let store: PostgresEventStore;

  beforeAll(async () => {
    h = await startCommonRepository({ prefix: 'cr_view' });
    store = new PostgresEventStore({ connectionString: h.db.appUrl });
    const register = async (filing: EnsFiling, eori: string) => {
      const r = await h.asTrader<commonRepositoryV1.RegisterFilingReply>(eori, 'RegisterFiling', { filing_json: JSON.stringify(filing) });
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.reply.mrn;
    };
    // A little of everything: a complete filing amended and invalidated, a master and its houses linked, then the
    // master presented (its houses note it), and a second master one of whose houses is presented (the master notes it).
    const complete = minimalFiling({ type: 'F20', lrn: 'V-1', declarant: CARRIER, carrier: CARRIER });
    const c = await register(complete, CARRIER);
    await h.asTrader(CARRIER, 'AmendFiling', { mrn: c, filing_json: JSON.stringify({ ...complete, documentIssueDate: '2026-12-01T09:59:00Z' }), message_id: 'a-1' });
    await h.asTrader(CARRIER, 'InvalidateFiling', { mrn: c, message_id: 'i-1' });
    const m = await register(minimalFiling({ type: 'F21', lrn: 'V-M', declarant: CARRIER, carrier: CARRIER, masterDocument: '176-1', houses: ['V-H1', 'V-H2'] }), CARRIER);
    await register(minimalFiling({ type: 'F22', lrn: 'V-H1', declarant: FORWARDER, carrier: CARRIER, masterDocument: '176-1', houses: ['V-H1'] }), FORWARDER);
    await register(minimalFiling({ type: 'F22', lrn: 'V-H2', declarant: FORWARDER, carrier: CARRIER, masterDocument: '176-1', houses: ['V-H2'] }), FORWARDER);
    await eventually(async () => expect(await h.asTrader(CARRIER, 'ConsultFiling', { mrn: m })).toMatchObject({ reply: { state: 'complete', consistency: 'ok' } }));
    const arrival = { actualDateAndTimeOfArrival: '2026-12-02T06:00:00Z', customsOfficeOfActualFirstEntry: { referenceNumber: 'DE004700' }, mrns: [m] };
    expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival), message_id: 'v-arr' })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: m, office: 'DE004700' })).toMatchObject({ ok: true });
    const m2 = await register(minimalFiling({ type: 'F21', lrn: 'V-M2', declarant: CARRIER, carrier: CARRIER, masterDocument: '176-2', houses: ['V-H3'] }), CARRIER);
    const h3 = await register(minimalFiling({ type: 'F22', lrn: 'V-H3', declarant: FORWARDER, carrier: CARRIER, masterDocument: '176-2', houses: ['V-H3'] }), FORWARDER);
    await eventually(async () => expect(await h.asTrader(CARRIER, 'ConsultFiling', { mrn: m2 })).toMatchObject({ reply: { state: 'complete' } }));
    const arrival2 = { ...arrival, mrns: [m2] };
    expect(await h.asTrader(CARRIER, 'NotifyArrival', { arrival_json: JSON.stringify(arrival2), message_id: 'v-arr-2' })).toMatchObject({ ok: true });
    expect(await h.asMemberState('DE', 'RecordPresentation', { mrn: h3, office: 'DE004700' })).toMatchObject({ ok: true });
    await eventually(async () => {
      const events = await ensEvents();
      for (const row of await rows()) expect(row.revision).toBe(Math.max(...events.filter((e) => e.streamId === `ens-${row.mrn}`).map((e) => e.revision)));
    });
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await h.close();
  });

  const rows = async () => {
    const admin = await h.db.admin();
    return (await admin.query('SELECT * FROM common_repository.filing_view ORDER BY mrn')).rows;
  };
  const ensEvents = async (): Promise<RecordedEvent[]> => (await store.readAll({ maxCount: 1_000_000 })).filter((e) => e.streamId.startsWith('ens-'));
  const replay = async (events: readonly RecordedEvent[]) => {
    const db = h.service.app.app.get(ReadModelDatabase);
    for (const e of events) await db.inTransaction((tx) => projectFilingView(e, tx));
  };

  it('shows each filing at the revision of its last event', async () => {
    const live = await rows();
    const events = await ensEvents();
    for (const row of live) expect(row.revision).toBe(Math.max(...events.filter((e) => e.streamId === `ens-${row.mrn}`).map((e) => e.revision)));
    expect(live.find((r) => r.lrn === 'V-1')).toMatchObject({ status: 'invalidated', amended_at: expect.any(Date) });
    // The houses of the presented master keep their own status; the expiry skips them by ens_presented_at, and
    // consultation names the master presented.
    const master = live.find((r) => r.lrn === 'V-M');
    expect(master).toMatchObject({ status: 'presented', ens_presented_at: null, ens_presented_mrn: null });
    for (const lrn of ['V-H1', 'V-H2']) expect(live.find((r) => r.lrn === lrn)).toMatchObject({ status: 'arrived', ens_presented_at: master.presented_at, ens_presented_mrn: master.mrn });
    // A master one of whose houses was presented: likewise, naming that house.
    const house = live.find((r) => r.lrn === 'V-H3');
    expect(house).toMatchObject({ status: 'presented', ens_presented_mrn: null });
    expect(live.find((r) => r.lrn === 'V-M2')).toMatchObject({ status: 'arrived', ens_presented_at: house.presented_at, ens_presented_mrn: house.mrn });
  });

  it('changes nothing when every event is delivered again', async () => {
    const before = await rows();
    await replay(await ensEvents());
    expect(await rows()).toEqual(before);
  });

  it('rebuilds from the events into an empty table the very rows the live projection holds', async () => {
    const live = await rows();
    await (await h.db.admin()).query('DELETE FROM common_repository.filing_view');
    await replay(await ensEvents());
    expect(await rows()).toEqual(live);
  });
});
