/**
 * The analyses projection on a real PostgreSQL, event by event: each decision's change to the row, a re-analysis
 * superseding the phase's open analysis (and not a closed one), and a redelivered event changing nothing, a
 * re-analysis delivered again after a later one included.
 */
import { randomUUID } from 'node:crypto';
import type { RiskEvent } from '@ics2/contracts';
import { migrateEventStore, type RecordedEvent } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/event-store/testing';
import { ReadModelDatabase } from '@ics2/platform';
import { analysed, analysisAwaitingCompletion, analysisSuperseded, assessmentCompleted, assessmentOutdated, DEFAULTS, doNotLoadIssued, mrnOf, referralAnswered, referralRequested, RISK_DEFAULTS } from '@ics2/testing';
import { RISK_ANALYSIS_SCHEMA } from '../../database/schema';
import { migrateRiskAnalysis } from '../../migrate';
import { AnalysisRow } from './analysis.row';
import { projectAnalysis } from './analyses.projection';

describe('analyses projection', () => {
  let db: FreshDatabase;
  let readModels: ReadModelDatabase;
  let revision = -1;

  const recorded = (event: RiskEvent, at = ++revision): RecordedEvent =>
    ({
      id: randomUUID(),
      streamId: `risk-${event.data.mrn}`,
      revision: at,
      type: event.type,
      data: event.data,
      metadata: { schemaVersion: 1, occurredAt: RISK_DEFAULTS.at, correlationId: DEFAULTS.mrn, causationId: null, actor: { kind: 'system', component: 'test' } },
      recordedAt: RISK_DEFAULTS.at,
    }) as unknown as RecordedEvent;
  const project = (...events: RecordedEvent[]) => readModels.inTransaction(async (tx) => {
    for (const e of events) await projectAnalysis(e, tx);
  });
  const row = async (analysisId: string, mrn = DEFAULTS.mrn) => readModels.manager.getRepository(AnalysisRow).findOneByOrFail({ mrn, analysisId });
  const dismissed = (analysisId: string, house?: string): RiskEvent => ({
    type: 'RiskHitDismissed',
    data: { mrn: DEFAULTS.mrn, analysisId, criterionId: 'eu-sec-001', version: 1, ...(house ? { house } : {}), reason: 'regular shipper', user: RISK_DEFAULTS.user, dismissedAt: RISK_DEFAULTS.at },
  });

  beforeAll(async () => {
    db = await freshDatabase('ra_analyses', async (url) => {
      await migrateEventStore(url);
      await migrateRiskAnalysis(url);
    });
    readModels = await ReadModelDatabase.connect(db.appUrl, { schema: RISK_ANALYSIS_SCHEMA, entities: [AnalysisRow] }, { poolMax: 2, applicationName: 'analyses probe' });
  }, 30_000);
  afterAll(async () => {
    await readModels?.close();
    await db?.drop();
  });

  it('records the analysis, then each referral, its answer, a dismissed hit, the escalation and the outcome', async () => {
    const first = recorded(analysed({ n: 1 }));
    await project(first);
    expect(await row('pre-loading-1')).toMatchObject({ revision: 0, status: 'awaiting-risk-unit', responsibleMemberState: 'DE', involvedMemberStates: ['BE'], totalScore: 50, referrals: [], dismissed: [], escalated: false });

    await project(recorded(referralRequested({ reference: 'REF-1' })), recorded(referralRequested({ reference: 'REF-2', kind: 'RFS' })));
    await project(recorded(referralAnswered({ reference: 'REF-2', kind: 'RFS' })), recorded(dismissed('pre-loading-1', 'HAWB-1')));
    await project(recorded({ type: 'RiskAnalysisEscalated', data: { mrn: DEFAULTS.mrn, analysisId: 'pre-loading-1', phase: 'pre-loading', dueAt: RISK_DEFAULTS.dueAt, escalatedAt: RISK_DEFAULTS.dueAt } }));
    await project(recorded({ type: 'RiskMitigationAdded', data: { mrn: DEFAULTS.mrn, analysisId: 'pre-loading-1', user: { memberState: 'BE', userId: 'be-1' }, information: 'known', addedAt: RISK_DEFAULTS.at } }));
    expect(await row('pre-loading-1')).toMatchObject({
      revision: 6,
      status: 'awaiting-risk-unit',
      referrals: [
        { reference: 'REF-1', kind: 'RFI', status: 'open', houseDocuments: ['HAWB-1'] },
        { reference: 'REF-2', kind: 'RFS', status: 'answered', houseDocuments: ['HAWB-1'] },
      ],
      dismissed: ['eu-sec-001@1@HAWB-1'],
      escalated: true,
    });
    await project(recorded(assessmentCompleted()));
    expect(await row('pre-loading-1')).toMatchObject({ revision: 7, status: 'assessed' });

    // A house then left the ENS: the assessment stays, as its IE3N03 does (only the decider reads it as outdated).
    await project(recorded(assessmentOutdated({ unlinkedMrn: 'HOUSE-OLD' })));
    expect(await row('pre-loading-1')).toMatchObject({ revision: 8, status: 'assessed' });

    // Redelivered: the first analysis and a referral again change nothing.
    await project(first, recorded(referralRequested({ reference: 'REF-3' }), 2));
    expect(await row('pre-loading-1')).toMatchObject({ revision: 8, status: 'assessed', referrals: [{ reference: 'REF-1' }, { reference: 'REF-2' }] });
  });

  it('lets a re-analysis supersede the open analysis of its phase, never a closed one or another phase', async () => {
    await project(recorded(analysed({ phase: 'pre-arrival', n: 1 })), recorded(analysed({ phase: 'pre-loading', n: 2 })));
    expect(await row('pre-loading-1')).toMatchObject({ status: 'assessed' });
    await project(recorded(analysed({ phase: 'pre-loading', n: 3 })));
    expect(await row('pre-loading-2')).toMatchObject({ status: 'superseded' });
    expect(await row('pre-loading-3')).toMatchObject({ status: 'awaiting-risk-unit' });
    expect(await row('pre-arrival-1')).toMatchObject({ status: 'awaiting-risk-unit' });
    await project(recorded(doNotLoadIssued({ analysisId: 'pre-loading-3' })));
    expect(await row('pre-loading-3')).toMatchObject({ status: 'do-not-load' });
  });

  it('supersedes no later analysis when a re-analysis is delivered again', async () => {
    // An ENS of its own, its risk stream from revision 0.
    const mrn = mrnOf(2);
    const of = (event: RiskEvent) => ({ ...event, data: { ...event.data, mrn } }) as RiskEvent;
    // A house left the ENS (pre-loading-1 awaits its completion), the ENS completed again (pre-loading-2 supersedes
    // it in RiskAnalysed itself), then an amendment re-analysed it (pre-loading-3).
    const recompleted = recorded(of(analysed({ n: 2, trigger: 'ens-recompleted' })), 2);
    await project(recorded(of(analysed({ n: 1 })), 0), recorded(of(analysisAwaitingCompletion({ n: 1, unlinkedMrn: 'HOUSE-OLD' })), 1), recompleted);
    expect(await row('pre-loading-1', mrn)).toMatchObject({ revision: 1, status: 'superseded' });
    await project(recorded(of(analysisSuperseded({ n: 2 })), 3), recorded(of(analysed({ n: 3, trigger: 'amendment' })), 4));

    await project(recompleted);
    expect(await row('pre-loading-3', mrn)).toMatchObject({ revision: 4, status: 'awaiting-risk-unit' });
    expect(await row('pre-loading-2', mrn)).toMatchObject({ revision: 3, status: 'superseded' });
    expect(await row('pre-loading-1', mrn)).toMatchObject({ revision: 1, status: 'superseded' });
  });
});
