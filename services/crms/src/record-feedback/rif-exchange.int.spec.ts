/**
 * The RIF exchange through the real gRPC door on a real PostgreSQL (issue 5, "Done when"): a Member State drafts a
 * RIF, publishes it to two others, both give feedback, the author closes it; who reads what (GetRif, ListRifs, the
 * feedback each may see); and every refusal (wrong Member State, wrong state, unknown id, bad input) is coded and
 * writes nothing: the store's event count does not move.
 */
import type { crmsV1, RifEvent } from '@ics2/contracts';
import { rifStream } from '@ics2/event-store';
import { ManualClock } from '@ics2/platform';
import { bearer, eventually } from '@ics2/testing';
import { rifContent, startCrms, type CrmsHarness } from '../crms.test-harness';

const FEEDBACK_FR = { evaluated: true, measures_taken: 'national profile FR-RIF-12 loaded', control_results: '', relevance: 'medium' };
const FEEDBACK_FR_2 = { evaluated: true, measures_taken: 'national profile FR-RIF-12 loaded', control_results: '2 parcels stopped at CDG, detonators found', relevance: 'high' };
const FEEDBACK_BE = { evaluated: true, measures_taken: '', control_results: '', relevance: 'low' };

describe('RIF exchange through the gRPC door', () => {
  let h: CrmsHarness;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00.000Z'));

  beforeAll(async () => {
    h = await startCrms({ prefix: 'crms_rif', clock });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const draft = async (caller = 'DE', content: crmsV1.RifContent = rifContent(), messageId = ''): Promise<string> => {
    const r = await h.as<crmsV1.RifReply>(caller, 'DraftRif', { message_id: messageId, content });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.rif_id;
  };
  const types = async (rifId: string) => (await h.events(rifStream(rifId))).map((e) => e.type);
  const view = (caller: string, rifId: string) => h.as<crmsV1.RifView>(caller, 'GetRif', { rif_id: rifId });
  const listed = async (caller: string) => {
    const r = await h.as<crmsV1.ListRifsReply>(caller, 'ListRifs', { limit: 500 });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.reply.rifs.map((x) => x.rif_id);
  };

  it('goes draft -> published -> feedback from two Member States -> closed', async () => {
    const rifId = await draft('DE');
    expect(rifId).toMatch(/^RIF-DE-[A-Z0-9]{10}$/);
    await eventually(async () => expect(await view('DE', rifId)).toMatchObject({ ok: true, reply: { status: 'draft', author_member_state: 'DE', content: { category: 'security', goods: [{ hs_code: '3603' }] } } }));
    // A draft is its author's: no other Member State, not even the Commission, sees it.
    expect(await view('FR', rifId)).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'RIF.NOT_FOUND' });
    expect(await view('EU', rifId)).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await listed('FR')).not.toContain(rifId);

    // Any user of the author Member State edits the draft.
    expect(await h.as('DE/de-risk-2', 'EditRif', { rif_id: rifId, content: rifContent({ title: 'Detonators declared as toys (update)' }) })).toMatchObject({ ok: true, reply: { status: 'draft' } });
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['FR', 'BE'] })).toMatchObject({ ok: true, reply: { status: 'published' } });

    await eventually(async () => expect(await view('FR', rifId)).toMatchObject({ ok: true, reply: { status: 'published', member_states: ['FR', 'BE'], content: { title: 'Detonators declared as toys (update)' } } }));
    expect(await view('IT', rifId)).toMatchObject({ ok: false, kind: 'not-found' });

    clock.advance(3_600_000);
    expect(await h.as('FR', 'RecordFeedback', { rif_id: rifId, feedback: FEEDBACK_FR })).toMatchObject({ ok: true, reply: { status: 'published' } });
    expect(await h.as('BE', 'RecordFeedback', { rif_id: rifId, feedback: FEEDBACK_BE })).toMatchObject({ ok: true });
    clock.advance(86_400_000);
    expect(await h.as('FR', 'RecordFeedback', { rif_id: rifId, feedback: FEEDBACK_FR_2 })).toMatchObject({ ok: true });

    // The author and the Commission read every recipient's feedback; a recipient reads its own.
    await eventually(async () =>
      expect(await view('DE', rifId)).toMatchObject({
        ok: true,
        reply: {
          feedback: [
            { member_state: 'BE', feedback: { relevance: 'low' }, updates: 1 },
            { member_state: 'FR', user_id: 'fr-risk-1', feedback: { relevance: 'high', control_results: FEEDBACK_FR_2.control_results }, updates: 2 },
          ],
        },
      }),
    );
    expect(((await view('EU', rifId)) as { reply: crmsV1.RifView }).reply.feedback.map((f) => f.member_state)).toEqual(['BE', 'FR']);
    expect(((await view('FR', rifId)) as { reply: crmsV1.RifView }).reply.feedback.map((f) => f.member_state)).toEqual(['FR']);
    expect(((await view('BE', rifId)) as { reply: crmsV1.RifView }).reply.feedback.map((f) => f.member_state)).toEqual(['BE']);
    expect(await listed('FR')).toContain(rifId);
    expect(await listed('EU')).toContain(rifId);
    expect(await listed('IT')).not.toContain(rifId);

    expect(await h.as('DE', 'CloseRif', { rif_id: rifId, reason: 'trend confirmed and covered by national profiles' })).toMatchObject({ ok: true, reply: { status: 'closed' } });
    expect(await types(rifId)).toEqual(['RifDrafted', 'RifDraftEdited', 'RifPublished', 'RifFeedbackRecorded', 'RifFeedbackRecorded', 'RifFeedbackRecorded', 'RifClosed']);
    const [published] = (await h.events(rifStream(rifId))).filter((e) => e.type === 'RifPublished');
    expect(published.metadata).toMatchObject({ correlationId: rifId, actor: { kind: 'member-state', memberState: 'DE', userId: 'de-risk-1' }, schemaVersion: 1 });
    await eventually(async () => expect(await view('FR', rifId)).toMatchObject({ ok: true, reply: { status: 'closed', close_reason: 'trend confirmed and covered by national profiles' } }));
  });

  it('lets the Commission publish an EU-wide RIF that every Member State reads', async () => {
    const rifId = await draft('EU', rifContent({ category: 'product-safety', goods: [{ hs_code: '6307.90', description: 'face masks' }] }));
    expect(rifId).toMatch(/^RIF-EU-/);
    expect(await h.as('EU', 'PublishRif', { rif_id: rifId, all_member_states: true })).toMatchObject({ ok: true, reply: { status: 'published' } });
    for (const ms of ['DE', 'IT', 'NO']) await eventually(async () => expect(await view(ms, rifId)).toMatchObject({ ok: true, reply: { author_kind: 'commission', all_member_states: true, content: { goods: [{ hs_code: '630790' }] } } }));
    expect(await h.as('IT', 'RecordFeedback', { rif_id: rifId, feedback: FEEDBACK_BE })).toMatchObject({ ok: true });
  });

  it('reads Greece as EL or GR in the Member States a request names: the RIF, the crisis alert and the campaign reach the Greek unit', async () => {
    const rifId = await draft('DE');
    await h.service.settled();
    const before = await h.eventCount();
    // Both spellings at once name Greece twice.
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['EL', 'GR'] })).toMatchObject({ ok: false, kind: 'validation', details: [{ validationCode: '12', pointer: '/memberStates/1' }] });
    expect(await h.eventCount()).toBe(before);
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['EL', 'FR'] })).toMatchObject({ ok: true, reply: { status: 'published' } });
    await eventually(async () => expect(await view('GR', rifId)).toMatchObject({ ok: true, reply: { member_states: ['GR', 'FR'] } }));

    const alert = await h.as<crmsV1.PublishCrisisAlertReply>('DE', 'PublishCrisisAlert', { title: 'Wildfires', description: 'Prioritise firefighting equipment', member_states: ['EL'] });
    expect(alert).toMatchObject({ ok: true });
    const alerts = await h.subscribeAlerts('GR');
    try {
      await eventually(() => expect(alerts.received.map((a) => a.alert_id)).toContain((alert as { reply: crmsV1.PublishCrisisAlertReply }).reply.alert_id));
    } finally {
      alerts.close();
    }

    const started = await h.as<crmsV1.CampaignReply>('EU', 'StartCampaign', { title: 'Fireworks by sea', from: '2027-03-01T00:00:00Z', to: '2027-06-01T00:00:00Z', member_states: ['EL', 'IT'], criteria: [{ id: 'eu-sec-001', version: 0 }] });
    expect(started).toMatchObject({ ok: true });
    const campaignId = (started as { reply: crmsV1.CampaignReply }).reply.campaign_id;
    await eventually(async () => expect(await h.as('GR', 'GetCampaign', { campaign_id: campaignId })).toMatchObject({ ok: true, reply: { member_states: ['GR', 'IT'] } }));
  });

  it('answers a retry with the same message id again and writes nothing', async () => {
    const first = await h.as<crmsV1.RifReply>('NL', 'DraftRif', { message_id: 'nl-rif-7', content: rifContent() });
    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('NL', 'DraftRif', { message_id: 'nl-rif-7', content: rifContent() })).toEqual({ ok: true, reply: { ...(first as { reply: object }).reply, replayed: true } });
    expect(await h.as('NL', 'DraftRif', { message_id: 'nl-rif-7', content: rifContent({ title: 'other' }) })).toMatchObject({ ok: false, kind: 'conflict', errorCode: 'CRMS.MESSAGE_ID_REUSED' });
    const rifId = (first as { reply: crmsV1.RifReply }).reply.rif_id;
    expect(await h.as('NL', 'PublishRif', { rif_id: rifId, message_id: 'pub-1', all_member_states: true })).toMatchObject({ ok: true, reply: { replayed: false } });
    expect(await h.as('NL', 'PublishRif', { rif_id: rifId, message_id: 'pub-1', all_member_states: true })).toMatchObject({ ok: true, reply: { status: 'published', replayed: true } });
    expect(await h.eventCount()).toBe(before + 1);
  });

  it("keeps a message id to the Member State that sent it: another's same id is its own request, never the first's answer", async () => {
    // Message ids are each caller's own (often a counter): FR's 'fb-1' and BE's 'fb-1' are two requests.
    const rifId = await draft('DE');
    expect(await h.as('DE', 'PublishRif', { rif_id: rifId, message_id: 'm-1', member_states: ['FR', 'BE'] })).toMatchObject({ ok: true, reply: { replayed: false } });
    expect(await h.as('FR', 'RecordFeedback', { rif_id: rifId, message_id: 'fb-1', feedback: FEEDBACK_FR })).toMatchObject({ ok: true, reply: { replayed: false } });
    expect(await h.as('BE', 'RecordFeedback', { rif_id: rifId, message_id: 'fb-1', feedback: FEEDBACK_BE })).toMatchObject({ ok: true, reply: { replayed: false } });
    expect(await types(rifId)).toEqual(['RifDrafted', 'RifPublished', 'RifFeedbackRecorded', 'RifFeedbackRecorded']);
    // The author's own id, sent by a recipient or by a Member State not addressed, is refused as their own request is.
    await h.service.settled();
    const before = await h.eventCount();
    expect(await h.as('FR', 'PublishRif', { rif_id: rifId, message_id: 'm-1', all_member_states: true })).toMatchObject({ ok: false, kind: 'permission', errorCode: 'CRMS.RIF_NOT_AUTHOR' });
    expect(await h.as('IT', 'PublishRif', { rif_id: rifId, message_id: 'm-1', all_member_states: true })).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'RIF.NOT_FOUND' });
    expect(await h.as('IT', 'RecordFeedback', { rif_id: rifId, message_id: 'fb-1', feedback: FEEDBACK_BE })).toMatchObject({ ok: false, kind: 'not-found', errorCode: 'RIF.NOT_FOUND' });
    expect(await h.eventCount()).toBe(before);
    // The sender's own retry is still answered from its first request.
    expect(await h.as('BE', 'RecordFeedback', { rif_id: rifId, message_id: 'fb-1', feedback: FEEDBACK_BE })).toMatchObject({ ok: true, reply: { replayed: true } });
    expect(await h.eventCount()).toBe(before);
  });

  describe('refusals: coded, and nothing is written', () => {
    let rifId: string;
    let draftId: string;
    beforeAll(async () => {
      rifId = await draft('DE');
      expect(await h.as('DE', 'PublishRif', { rif_id: rifId, member_states: ['FR'] })).toMatchObject({ ok: true });
      draftId = await draft('DE');
      await eventually(async () => expect(await view('FR', rifId)).toMatchObject({ ok: true }));
    });

    const UNKNOWN = 'RIF-DE-AAAAAAAAAA';
    const cases: [string, string, string, () => object, object][] = [
      // wrong Member State
      ['a Member State not addressed gives feedback', 'IT', 'RecordFeedback', () => ({ rif_id: rifId, feedback: FEEDBACK_BE }), { kind: 'not-found', errorCode: 'RIF.NOT_FOUND' }],
      ['a Member State not addressed reads it', 'IT', 'GetRif', () => ({ rif_id: rifId }), { kind: 'not-found', errorCode: 'RIF.NOT_FOUND' }],
      ['a recipient edits it', 'FR', 'EditRif', () => ({ rif_id: rifId, content: rifContent() }), { kind: 'permission', errorCode: 'CRMS.RIF_NOT_AUTHOR' }],
      ['a recipient closes it', 'FR', 'CloseRif', () => ({ rif_id: rifId }), { kind: 'permission', errorCode: 'CRMS.RIF_NOT_AUTHOR' }],
      ['a recipient activates its profile', 'FR', 'ActivateProfile', () => ({ rif_id: rifId }), { kind: 'permission', errorCode: 'CRMS.RIF_NOT_AUTHOR' }],
      ['the author gives feedback', 'DE', 'RecordFeedback', () => ({ rif_id: rifId, feedback: FEEDBACK_BE }), { kind: 'permission', errorCode: 'CRMS.RIF_AUTHOR_FEEDBACK' }],
      ['the Commission gives feedback', 'EU', 'RecordFeedback', () => ({ rif_id: rifId, feedback: FEEDBACK_BE }), { kind: 'permission', errorCode: 'CRMS.RIF_COMMISSION_FEEDBACK' }],
      ['another Member State edits a draft', 'FR', 'EditRif', () => ({ rif_id: draftId, content: rifContent() }), { kind: 'not-found' }],
      ['another Member State gives feedback on a draft', 'FR', 'RecordFeedback', () => ({ rif_id: draftId, feedback: FEEDBACK_BE }), { kind: 'not-found' }],
      // wrong state
      ['the author publishes it again', 'DE', 'PublishRif', () => ({ rif_id: rifId, all_member_states: true }), { kind: 'precondition', errorCode: 'CRMS.RIF_PUBLISHED', details: [{ validationCode: '92' }] }],
      ['the author edits it once published', 'DE', 'EditRif', () => ({ rif_id: rifId, content: rifContent() }), { kind: 'precondition', errorCode: 'CRMS.RIF_PUBLISHED' }],
      ['the author activates a profile it does not have', 'DE', 'ActivateProfile', () => ({ rif_id: rifId }), { kind: 'precondition', errorCode: 'CRMS.RIF_NO_PROFILE' }],
      ['the author activates a draft\'s profile', 'DE', 'ActivateProfile', () => ({ rif_id: draftId }), { kind: 'precondition', errorCode: 'CRMS.RIF_NOT_PUBLISHED' }],
      // unknown ids
      ['GetRif of an unknown id', 'DE', 'GetRif', () => ({ rif_id: UNKNOWN }), { kind: 'not-found', errorCode: 'RIF.NOT_FOUND' }],
      ['EditRif of an unknown id', 'DE', 'EditRif', () => ({ rif_id: UNKNOWN, content: rifContent() }), { kind: 'not-found' }],
      ['PublishRif of an unknown id', 'DE', 'PublishRif', () => ({ rif_id: UNKNOWN, all_member_states: true }), { kind: 'not-found' }],
      ['RecordFeedback on an unknown id', 'FR', 'RecordFeedback', () => ({ rif_id: UNKNOWN, feedback: FEEDBACK_BE }), { kind: 'not-found' }],
      ['CloseRif of a malformed id', 'DE', 'CloseRif', () => ({ rif_id: "x'; DROP TABLE crms.rifs" }), { kind: 'not-found' }],
      ['BacktestProfile of an unknown id', 'DE', 'BacktestProfile', () => ({ rif_id: UNKNOWN, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }), { kind: 'not-found' }],
      // bad input
      [
        'a draft whose content breaks the rules',
        'DE',
        'DraftRif',
        () => ({ content: rifContent({ category: 'weather', valid_to: '2026-01-01T00:00:00Z', goods: [{ hs_code: '77', description: '' }], operators: [{ name: '', eori: 'not an eori', country: '' }] }) }),
        {
          kind: 'validation',
          errorCode: 'CRMS.INVALID',
          details: [
            { validationCode: '12', pointer: '/content/category' },
            { validationCode: '12', pointer: '/content/validTo' },
            { validationCode: '12', pointer: '/content/goods/0/hsCode' },
            { validationCode: '12', pointer: '/content/operators/0/eori' },
          ],
        },
      ],
      [
        'a malformed draft',
        'DE',
        'DraftRif',
        () => ({ content: rifContent({ title: '', valid_from: 'yesterday', risk_profile_json: '{not json' }) }),
        {
          kind: 'validation',
          errorCode: 'CRMS.INVALID_MESSAGE',
          details: [
            { validationCode: 'X01', pointer: '/content/title' },
            { validationCode: '12', pointer: '/content/validFrom' },
            { validationCode: 'X06', pointer: '/content/riskProfile' },
          ],
        },
      ],
      ['a draft without content', 'DE', 'DraftRif', () => ({}), { kind: 'validation', details: [{ validationCode: 'X01', pointer: '/content' }] }],
      [
        'a draft whose text holds a control character (tab, line feed and carriage return aside)',
        'DE',
        'DraftRif',
        () => ({ content: rifContent({ title: 'Detonators\u0000', risk_description: 'declared as toys\u0007', modus_operandi: 'mixed with toys;\r\n\tin mail' }) }),
        { kind: 'validation', errorCode: 'CRMS.INVALID_MESSAGE', details: [{ validationCode: '102', pointer: '/content/title' }, { validationCode: '102', pointer: '/content/riskDescription' }] },
      ],
      ['feedback of unknown relevance', 'FR', 'RecordFeedback', () => ({ rif_id: rifId, feedback: { ...FEEDBACK_BE, relevance: 'urgent' } }), { kind: 'validation', details: [{ pointer: '/feedback/relevance' }] }],
      ['publication to nobody', 'DE', 'PublishRif', () => ({ rif_id: draftId }), { kind: 'validation', details: [{ validationCode: 'X01', pointer: '/memberStates' }] }],
      ['publication outside CRMS', 'DE', 'PublishRif', () => ({ rif_id: draftId, member_states: ['FR', 'US'] }), { kind: 'validation', details: [{ validationCode: '12', pointer: '/memberStates/1' }] }],
      // A list out of range or filtered by a value off its list is refused, not bent (-1 gave one RIF) nor empty.
      ['a list of -1 RIFs', 'DE', 'ListRifs', () => ({ limit: -1 }), { kind: 'validation', errorCode: 'CRMS.INVALID_MESSAGE', details: [{ validationCode: '12', pointer: '/limit' }] }],
      ['a list of 501 RIFs', 'DE', 'ListRifs', () => ({ limit: 501 }), { kind: 'validation', details: [{ validationCode: '12', pointer: '/limit' }] }],
      ['a list of RIFs of a status off the list', 'DE', 'ListRifs', () => ({ status: 'Published' }), { kind: 'validation', details: [{ validationCode: '12', pointer: '/status' }] }],
      ['a list of RIFs of a category off the list', 'DE', 'ListRifs', () => ({ category: 'constructor' }), { kind: 'validation', details: [{ validationCode: '12', pointer: '/category' }] }],
      ['a backtest over a period that is not one', 'DE', 'BacktestProfile', () => ({ rif_id: draftId, from: 'then', to: '' }), { kind: 'validation', details: [{ pointer: '/from' }, { validationCode: 'X01', pointer: '/to' }] }],
    ];

    it.each(cases)('%s (%s %s)', async (_what, caller, method, request, expected) => {
      await h.service.settled();
      const before = await h.eventCount();
      expect(await h.as(caller, method, request())).toMatchObject({ ok: false, ...expected });
      expect(await h.eventCount()).toBe(before);
    });

    it('leaves the RIFs as they were', async () => {
      expect(await types(rifId)).toEqual(['RifDrafted', 'RifPublished']);
      expect(await types(draftId)).toEqual(['RifDrafted']);
    });
  });

  it('lets no trader in', async () => {
    const token = await h.service.token({ role: 'trader', eori: 'DE123456789012345' });
    expect(await h.client.call('ListRifs', {}, bearer(token))).toMatchObject({ ok: false, kind: 'permission' });
  });

  it('lets no Member State outside CRMS in: a RIF or alert to all Member States is not for Northern Ireland or a third country', async () => {
    const rifId = await draft('EU');
    expect(await h.as('EU', 'PublishRif', { rif_id: rifId, all_member_states: true })).toMatchObject({ ok: true });
    expect(await h.as('EU', 'PublishCrisisAlert', { title: 'Ebola', description: 'd', all_member_states: true })).toMatchObject({ ok: true });
    await eventually(async () => expect(await view('IT', rifId)).toMatchObject({ ok: true }));
    await h.service.settled();
    const before = await h.eventCount();
    const outside = { ok: false, kind: 'permission', errorCode: 'CRMS.CRMS_NOT_PARTICIPANT' };
    for (const ms of ['XI', 'GB', 'US']) {
      expect(await view(ms, rifId)).toMatchObject(outside);
      expect(await h.as(ms, 'ListRifs', {})).toMatchObject(outside);
      expect(await h.as(ms, 'RecordFeedback', { rif_id: rifId, feedback: FEEDBACK_BE })).toMatchObject(outside);
      const alerts = await h.subscribeAlerts(ms);
      expect(await alerts.ended).toMatchObject({ errorCode: 'CRMS.CRMS_NOT_PARTICIPANT' });
      expect(alerts.received).toEqual([]);
    }
    expect(await h.eventCount()).toBe(before);
  });

  it('records the events in the published language', async () => {
    const rifId = await draft('PL');
    const [drafted] = (await h.events(rifStream(rifId))).map((e) => ({ type: e.type, data: e.data }) as RifEvent);
    expect(drafted).toMatchObject({ type: 'RifDrafted', data: { rifId, author: { kind: 'member-state', memberState: 'PL', userId: 'pl-risk-1' }, content: { validFrom: '2026-12-01T00:00:00.000Z', goods: [{ hsCode: '3603' }] } } });
  });
});
