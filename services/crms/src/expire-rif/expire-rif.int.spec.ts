/**
 * The end of validity on the injected clock: the processor expires a published RIF once its validity ended (not a
 * millisecond before), deactivating nothing it did not activate, and leaves drafts and closed RIFs alone; after
 * expiry, feedback is refused and nothing is written.
 */
import type { crmsV1 } from '@ics2/contracts';
import { rifStream } from '@ics2/event-store';
import { ManualClock } from '@ics2/platform';
import { eventually } from '@ics2/testing';
import { rifContent, startCrms, type CrmsHarness } from '../crms.test-harness';
import { ExpireRifProcessor } from './expire-rif.processor';

const END = '2026-12-10T00:00:00.000Z';

describe('RIF expiry', () => {
  let h: CrmsHarness;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00.000Z'));

  beforeAll(async () => {
    h = await startCrms({ prefix: 'crms_exp', clock });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const rif = async (publish: boolean, caller = 'DE') => {
    const r = await h.as<crmsV1.RifReply>(caller, 'DraftRif', { content: rifContent({ valid_to: END }) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    if (publish) expect(await h.as(caller, 'PublishRif', { rif_id: r.reply.rif_id, all_member_states: true })).toMatchObject({ ok: true });
    return r.reply.rif_id;
  };
  const types = async (rifId: string) => (await h.events(rifStream(rifId))).map((e) => e.type);

  it('expires published RIFs at the end of their validity, once', async () => {
    const published = await rif(true);
    const draft = await rif(false);
    const closed = await rif(true, 'FR');
    expect(await h.as('FR', 'CloseRif', { rif_id: closed })).toMatchObject({ ok: true });
    await eventually(async () => expect(await h.as('BE', 'GetRif', { rif_id: closed })).toMatchObject({ ok: true, reply: { status: 'closed' } }));
    await eventually(async () => expect(await h.as('BE', 'GetRif', { rif_id: published })).toMatchObject({ ok: true, reply: { status: 'published' } }));

    const expiry = h.service.app.app.get(ExpireRifProcessor);
    expect(await expiry.runOnce(new Date(Date.parse(END) - 1))).toEqual([]);
    expect(await types(published)).toEqual(['RifDrafted', 'RifPublished']);

    clock.set('2026-12-11T08:00:00.000Z');
    expect(await expiry.runOnce(clock.now())).toEqual([published]);
    expect(await types(published)).toEqual(['RifDrafted', 'RifPublished', 'RifExpired']);
    const [expired] = (await h.events(rifStream(published))).slice(-1);
    expect(expired).toMatchObject({ data: { rifId: published, expiredAt: END }, metadata: { actor: { kind: 'system', component: 'crms.rif-expiry' }, occurredAt: '2026-12-11T08:00:00.000Z' } });
    expect(await types(draft)).toEqual(['RifDrafted']);
    expect(await types(closed)).toEqual(['RifDrafted', 'RifPublished', 'RifClosed']);

    await eventually(async () => expect(await h.as('BE', 'GetRif', { rif_id: published })).toMatchObject({ ok: true, reply: { status: 'expired', expired_at: END } }));
    expect(await expiry.runOnce(clock.now())).toEqual([]);

    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('BE', 'RecordFeedback', { rif_id: published, feedback: { evaluated: true, relevance: 'low' } })).toMatchObject({ ok: false, kind: 'precondition', errorCode: 'CRMS.RIF_EXPIRED' });
    expect(await h.eventCount()).toBe(before);
  });
});
