/**
 * Crisis alerts as risk units see them: a published alert reaches every open stream it is addressed to at once
 * (woken by NOTIFY: the fallback poll is set far beyond the test's patience), and no other; a stream resumed from a
 * cursor gets exactly what came after it, then what comes live; bad requests are coded and write nothing.
 */
import { status } from '@grpc/grpc-js';
import type { crmsV1 } from '@ics2/contracts';
import { eventually } from '@ics2/testing';
import { rifContent, startCrms, type AlertStream, type CrmsHarness } from '../crms.test-harness';
import { CrisisAlertsListener } from './crisis-alerts.listener';

describe('crisis alerts', () => {
  let h: CrmsHarness;
  let listener: CrisisAlertsListener;

  beforeAll(async () => {
    h = await startCrms({ prefix: 'crms_crisis', env: { CRISIS_ALERTS_POLL_MS: '600000' } });
    listener = h.service.app.app.get(CrisisAlertsListener);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const publish = async (caller: string, request: Partial<crmsV1.PublishCrisisAlertRequest>): Promise<string> => {
    const r = await h.as<crmsV1.PublishCrisisAlertReply>(caller, 'PublishCrisisAlert', { title: 'COVID-19', description: 'Prioritise PPE consignments', ...request });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.alert_id;
  };
  const ids = (s: AlertStream) => s.received.map((a) => a.alert_id);
  /** How the stream ended, or 'still open' once `ms` have passed. */
  const endedWithin = async (s: AlertStream, ms: number): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('still open'), ms)));
    return Promise.race([s.ended, timeout]).finally(() => clearTimeout(timer));
  };
  const open = async (callers: string[], after = ''): Promise<AlertStream[]> => {
    const base = listener.watching;
    const streams = await Promise.all(callers.map((c) => h.subscribeAlerts(c, after)));
    await eventually(() => expect(listener.watching).toBe(base + callers.length));
    return streams;
  };

  it('reaches every unit it is addressed to at once, and no other; resumes from a cursor', async () => {
    const rif = await h.as<crmsV1.RifReply>('FR', 'DraftRif', { content: rifContent({ category: 'crisis' }) });
    const rifId = (rif as { reply: crmsV1.RifReply }).reply.rif_id;
    const [de, fr, it, eu] = await open(['DE', 'FR', 'IT', 'EU']);

    const all = await publish('EU', { all_member_states: true });
    await eventually(() => [de, fr, it, eu].forEach((s) => expect(ids(s)).toEqual([all])), 5_000);
    expect(de.received[0]).toMatchObject({ alert_id: all, all_member_states: true, published_by: 'commission:taxud-1', title: 'COVID-19' });

    const toFr = await publish('DE', { member_states: ['FR'] });
    const toDeIt = await publish('FR', { member_states: ['DE', 'IT'], rif_id: rifId });
    await eventually(() => {
      expect(ids(fr)).toEqual([all, toFr]);
      expect(ids(de)).toEqual([all, toDeIt]);
      expect(ids(it)).toEqual([all, toDeIt]);
      expect(ids(eu)).toEqual([all, toFr, toDeIt]);
    }, 5_000);
    expect(de.received[1]).toMatchObject({ rif_id: rifId, member_states: ['DE', 'IT'], published_by: 'member-state:FR/fr-risk-1' });
    const cursors = eu.received.map((a) => BigInt(a.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));

    // A unit that was away resumes from the last cursor it received: what came after, then live.
    de.close();
    await eventually(() => expect(listener.watching).toBe(3));
    const [back] = await open(['DE'], de.received[0].cursor);
    await eventually(() => expect(ids(back)).toEqual([toDeIt]));
    const later = await publish('EU', { member_states: ['DE', 'NL'] });
    await eventually(() => expect(ids(back)).toEqual([toDeIt, later]), 5_000);
    const [upToDate] = await open(['IT'], it.received[1].cursor);
    await eventually(() => expect(ids(it)).toEqual([all, toDeIt]));
    expect(ids(upToDate)).toEqual([]);
    [fr, it, eu, back, upToDate].forEach((s) => s.close());
    await eventually(() => expect(listener.watching).toBe(0));
  });

  it('refuses a cursor past the last alert the caller sees (never given to it) before it waits, and resumes from its own last', async () => {
    await publish('EU', { member_states: ['DE'] });
    await publish('EU', { member_states: ['FR'] });
    await h.service.settled();
    const rows = (await h.rows('crisis_alerts', 'seq')) as { seq: string; all_member_states: boolean; member_states: string[] }[];
    const seesDe = rows.filter((a) => a.all_member_states || a.member_states.includes('DE'));
    const deLast = BigInt(seesDe[seesDe.length - 1].seq);
    const last = BigInt(rows[rows.length - 1].seq);
    expect(last).toBeGreaterThan(deLast);
    const base = listener.watching;
    // The FR alert's cursor was given to FR and the Commission, not DE; beyond the last, a stream would wait, then
    // skip the alerts numbered up to its cursor as they came.
    for (const [caller, after] of [['DE', last], ['DE', last + 1n], ['EU', last + 1n]] as const) {
      const beyond = await h.subscribeAlerts(caller, after.toString());
      expect(await endedWithin(beyond, 3_000)).toMatchObject({
        code: status.INVALID_ARGUMENT,
        errorCode: 'CRMS.INVALID_MESSAGE',
        details: [{ validationCode: '12', pointer: '/after' }],
      });
      expect(beyond.received).toEqual([]);
      beyond.close();
    }
    expect(listener.watching).toBe(base);
    const [de, eu] = await open(['DE', 'EU'], deLast.toString());
    const next = await publish('FR', { member_states: ['DE'] });
    await eventually(() => expect(de.received.map((a) => [a.cursor, a.alert_id])).toEqual([[(last + 1n).toString(), next]]), 5_000);
    await eventually(() => expect(eu.received.map((a) => a.alert_id).slice(-1)).toEqual([next]), 5_000);
    [de, eu].forEach((s) => s.close());
    await eventually(() => expect(listener.watching).toBe(base));
  });

  it('refuses a bad cursor, a RIF the publisher cannot read, and unknown recipients; nothing is written', async () => {
    const stream = await h.subscribeAlerts('DE', 'not-a-cursor');
    expect(await stream.ended).toMatchObject({ code: status.INVALID_ARGUMENT, details: [{ pointer: '/after' }] });

    const hidden = await h.as<crmsV1.RifReply>('BE', 'DraftRif', { content: rifContent() });
    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('DE', 'PublishCrisisAlert', { title: 't', description: 'd', all_member_states: true, rif_id: (hidden as { reply: crmsV1.RifReply }).reply.rif_id })).toMatchObject({
      ok: false,
      kind: 'validation',
      details: [{ pointer: '/rifId' }],
    });
    expect(await h.eventCount()).toBe(before);
    // FR's RIF, addressed to DE only: DE may not name it to Member States FR did not address (they would learn of it).
    const frs = await h.as<crmsV1.RifReply>('FR', 'DraftRif', { content: rifContent() });
    const frRif = (frs as { reply: crmsV1.RifReply }).reply.rif_id;
    expect(await h.as('FR', 'PublishRif', { rif_id: frRif, member_states: ['DE'] })).toMatchObject({ ok: true });
    await h.service.settled();
    const beforeNaming = await h.eventCount();
    for (const to of [{ all_member_states: true }, { member_states: ['DE', 'IT'] }]) {
      expect(await h.as('DE', 'PublishCrisisAlert', { title: 't', description: 'd', ...to, rif_id: frRif })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/rifId' }] });
    }
    expect(await h.as('EU', 'PublishCrisisAlert', { title: 't', description: 'd', member_states: ['IT'], rif_id: frRif })).toMatchObject({ ok: false, kind: 'validation', details: [{ pointer: '/rifId' }] });
    expect(await h.eventCount()).toBe(beforeNaming);
    // To those FR addressed, and FR itself, it may.
    expect(await h.as('DE', 'PublishCrisisAlert', { title: 't', description: 'd', member_states: ['DE', 'FR'], rif_id: frRif })).toMatchObject({ ok: true });
    await h.service.settled();
    const before2 = await h.eventCount();
    expect(await h.as('DE', 'PublishCrisisAlert', { title: 't', description: 'd', member_states: ['US'] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/memberStates/0' }] });
    expect(await h.as('DE', 'PublishCrisisAlert', { title: '', description: 'd', all_member_states: true })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: 'X01', pointer: '/title' }] });
    expect(await h.eventCount()).toBe(before2);
  });

  it('publishes once per message id', async () => {
    const first = await h.as<crmsV1.PublishCrisisAlertReply>('EU', 'PublishCrisisAlert', { message_id: 'ebola-1', title: 'Ebola', description: 'd', all_member_states: true });
    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('EU', 'PublishCrisisAlert', { message_id: 'ebola-1', title: 'Ebola', description: 'd', all_member_states: true })).toEqual({ ok: true, reply: { ...(first as { reply: object }).reply, replayed: true } });
    expect(await h.as('EU', 'PublishCrisisAlert', { message_id: 'ebola-1', title: 'Ebola!', description: 'd', all_member_states: true })).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await h.eventCount()).toBe(before);
  });
});
