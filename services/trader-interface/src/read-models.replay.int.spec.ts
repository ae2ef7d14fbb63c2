/**
 * Replay of trader-interface's read model (the notification inbox) on a real PostgreSQL: after ENS, arrival, risk
 * and control events went through the running subscription, the inbox rebuilt from the events equals the live one
 * (items by recipient and id; their cursor numbers are not compared, see the catalogue); a live row changed or
 * deleted behind the projection is named by table and key.
 */
import { analysed, assessmentCompleted, caseOpened, completenessPending, controlDecided, hit, mrnOf, referralAnswered, referralRequested, registered, responsibilityAssigned, resultRecorded } from '@ics2/testing';
import { arrivalRegistered, startNotifications, type NotificationsHarness } from './notifications.test-harness';
import { replay } from './replay';

const DECLARANT = 'DE123456789012345';
const FORWARDER = 'NL111111111';
const CARRIER = 'LU987654321';
const MASTER = mrnOf(21);
const OTHER = mrnOf(22);
const ARRIVAL = mrnOf(29, true);

describe('trader-interface read models replay', () => {
  let h: NotificationsHarness;

  beforeAll(async () => {
    h = await startNotifications('ti_replay');
    await h.append(registered({ mrn: MASTER, type: 'F21', lrn: 'LRN-RM', declarant: DECLARANT, carrier: CARRIER, houses: ['H-1'] }), responsibilityAssigned({ mrn: MASTER }));
    await h.append(completenessPending({ mrn: MASTER, missing: [{ houseDocument: 'H-1', expectedFiler: FORWARDER }] }));
    await h.append(registered({ mrn: OTHER, lrn: 'LRN-RO', declarant: DECLARANT, carrier: CARRIER }));
    await h.caughtUp();
    await h.append(arrivalRegistered({ arrivalMrn: ARRIVAL, by: CARRIER, arrived: [OTHER], refused: [{ mrn: MASTER }] }));
    const analysis = analysed({ mrn: OTHER, hits: [hit()] });
    const { data: referral } = referralRequested({ reference: `${OTHER}-R1` });
    const { data: answer } = referralAnswered({ reference: `${OTHER}-R1` });
    const { data: assessed } = assessmentCompleted();
    await h.append(
      analysis,
      { type: 'ReferralRequested', data: { ...referral, mrn: OTHER } },
      { type: 'ReferralAnswered', data: { ...answer, mrn: OTHER } },
      { type: 'RiskAssessmentCompleted', data: { ...assessed, mrn: OTHER, controlRecommendation: { controlType: 'physical', place: 'DE004700', memberState: 'DE' } } },
    );
    const opened = caseOpened();
    const decided = controlDecided();
    const result = resultRecorded();
    await h.append(
      { ...opened, data: { ...opened.data, mrn: OTHER, members: [OTHER] } },
      { ...decided, data: { ...decided.data, mrn: OTHER, members: [OTHER] } },
      { ...result, data: { ...result.data, mrn: OTHER } },
    );
    await h.caughtUp();
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('rebuilds the inbox from the events equal to the live one', async () => {
    const report = await replay(h.db.adminUrl, h.db.appUrl);
    expect(report).toMatchObject({ service: 'trader-interface', equal: true });
    const [inbox] = report.readModels;
    expect(inbox).toMatchObject({ readModel: 'trader-interface.notifications', liveCaughtUp: true });
    expect(inbox.tables.map((t) => [t.table, t.liveRows > 0, t.missing + t.extra + t.different])).toEqual([
      ['trader_interface.notification_items', true, 0],
      ['trader_interface.inbox_sequences', true, 0],
      ['trader_interface.filing_index', true, 0],
      ['trader_interface.risk_parties', true, 0],
    ]);
    expect(inbox.tables[0].ignored.map((i) => i.column)).toEqual(['seq']);
  });

  describe('after live rows were changed behind the projection', () => {
    let item: { recipient: string; id: string };

    beforeAll(async () => {
      const owner = await h.db.admin();
      [item] = (await owner.query<{ recipient: string; id: string }>(`SELECT recipient, id::text FROM trader_interface.notification_items WHERE message_type = 'IE3R04'`)).rows;
      await owner.query(`UPDATE trader_interface.notification_items SET payload = '{}' WHERE recipient = $1 AND id = $2`, [item.recipient, item.id]);
      await owner.query(`DELETE FROM trader_interface.risk_parties WHERE mrn = $1`, [OTHER]);
    });

    it('reports the changed item as different and the deleted party row as missing, by table and key', async () => {
      const report = await replay(h.db.adminUrl, h.db.appUrl, 'trader-interface.notifications');
      expect(report.equal).toBe(false);
      const byTable = Object.fromEntries(report.readModels[0].tables.map((t) => [t.table, t]));
      expect(byTable['trader_interface.notification_items']).toMatchObject({ different: 1, missing: 0, extra: 0 });
      expect(byTable['trader_interface.notification_items'].samples).toEqual([
        { kind: 'different', key: item, columns: [{ column: 'payload', live: '{}', replayed: expect.stringContaining(ARRIVAL) }] },
      ]);
      expect(byTable['trader_interface.risk_parties']).toMatchObject({ missing: 1, samples: [{ kind: 'missing', key: { mrn: OTHER, analysis_id: 'pre-loading-1' } }] });
      expect(byTable['trader_interface.filing_index']).toMatchObject({ missing: 0, extra: 0, different: 0 });
    });
  });
});
