import { analysed, analysisAwaitingCompletion, analysisData, analysisSuperseded, assessmentCompleted, assessmentOutdated, deciderSpec, hit, doNotLoadIssued, referralAnswered, referralRequested, refused, RISK_DEFAULTS } from '@ics2/testing';
import { riskDecider } from '../risk.decider';

const given = deciderSpec(riskDecider);
const head = analysisData().mrn;
const [OLD, NEW, OTHER] = ['HOUSE-OLD', 'HOUSE-NEW', 'HOUSE-OTHER'];
const members = [head, OLD, OTHER];
const unlinked = (unlinkedMrn = OLD) => ({ type: 'NoteMemberUnlinked' as const, data: { unlinkedMrn, at: RISK_DEFAULTS.at } });
const analyse = (o: Parameters<typeof analysisData>[0] = {}) => ({ type: 'Analyse' as const, data: analysisData(o) });
const completeByRiskUnit = (analysisId: string) => ({ type: 'CompleteAssessment' as const, data: { analysisId, user: RISK_DEFAULTS.user, at: RISK_DEFAULTS.at } });

describe('note-member-unlinked', () => {
  describe('a house of the ENS unlinked (invalidated) while its analysis awaits the risk unit', () => {
    it('leaves the analysis awaiting the ENS completing again, naming the house and the referrals that close with it', () => {
      given([analysed({ members }), referralRequested({ reference: 'REF-1' })])
        .when(unlinked())
        .then([analysisAwaitingCompletion({ unlinkedMrn: OLD, openReferrals: ['REF-1'] })]);
    });
    it('does so for each phase whose open analysis names it, a held no-hit pre-arrival one too', () => {
      given([analysed({ members }), analysed({ phase: 'pre-arrival', members, hits: [] })])
        .when(unlinked())
        .then([analysisAwaitingCompletion({ unlinkedMrn: OLD }), analysisAwaitingCompletion({ phase: 'pre-arrival', unlinkedMrn: OLD })]);
    });
    it('refuses the risk unit\'s decisions on it from then on (92)', () => {
      given([analysed({ members }), analysisAwaitingCompletion({ unlinkedMrn: OLD })])
        .when(completeByRiskUnit('pre-loading-1'))
        .then(refused({ kind: 'lifecycle', code: '92', reason: 'a member left the ENS: it is analysed again when it completes again' }));
    });
  });

  describe('a house the open analysis does not name (unlinked before it, or another ENS\'s)', () => {
    it('changes nothing', () => given([analysed({ members: [head, NEW] })]).when(unlinked()).thenNothingHappened());
  });

  describe('an analysis already assessed (its IE3N03 sent)', () => {
    it('is outdated, not superseded: its assessment stays, and no longer stands for the ENS that changed', () => {
      given([analysed({ members }), assessmentCompleted()]).when(unlinked()).then([assessmentOutdated({ unlinkedMrn: OLD })]);
    });
    it('is so in each phase whose analysis names it, beside an open one awaiting completion', () => {
      given([analysed({ members, hits: [] }), assessmentCompleted({ by: 'automatic' }), analysed({ phase: 'pre-arrival', members })])
        .when(unlinked())
        .then([assessmentOutdated({ unlinkedMrn: OLD }), analysisAwaitingCompletion({ phase: 'pre-arrival', unlinkedMrn: OLD })]);
      given([analysed({ members, hits: [] }), assessmentCompleted({ by: 'automatic' }), analysed({ phase: 'pre-arrival', members, hits: [] }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' })])
        .when(unlinked())
        .then([assessmentOutdated({ unlinkedMrn: OLD }), assessmentOutdated({ phase: 'pre-arrival', unlinkedMrn: OLD })]);
    });
    it('changes nothing more when redelivered, or for a house it does not name', () => {
      given([analysed({ members }), assessmentCompleted(), assessmentOutdated({ unlinkedMrn: OLD })]).when(unlinked()).thenNothingHappened();
      given([analysed({ members: [head, NEW] }), assessmentCompleted()]).when(unlinked()).thenNothingHappened();
    });
  });

  describe('an ENS closed by a do-not-load', () => {
    it('stays as it is, an assessed analysis of it too: the do-not-load is final for the consignment', () => {
      given([analysed({ members }), doNotLoadIssued()]).when(unlinked()).thenNothingHappened();
      given([
        analysed({ members, hits: [] }),
        assessmentCompleted({ by: 'automatic' }),
        analysed({ phase: 'pre-arrival', members, hits: [] }),
        assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' }),
        analysed({ members, trigger: 'amendment', n: 2 }),
        doNotLoadIssued({ analysisId: 'pre-loading-2' }),
      ])
        .when(unlinked())
        .thenNothingHappened();
    });
  });

  describe('the ENS whose pre-loading assessment is outdated', () => {
    const refiled = [head, NEW, OTHER];
    const outdated = [analysed({ members, hits: [] }), assessmentCompleted({ by: 'automatic' }), assessmentOutdated({ unlinkedMrn: OLD })];
    const held = [...outdated, analysed({ phase: 'pre-arrival', members: refiled, hits: [] })];
    it('holds a no-hit pre-arrival analysis completing first: the old pre-loading assessment does not stand for the changed ENS', () => {
      given(outdated).when(analyse({ phase: 'pre-arrival', members: refiled, hits: [] })).then([analysed({ phase: 'pre-arrival', members: refiled, hits: [] })]);
    });
    it('refuses the risk unit completing a pre-arrival analysis meanwhile (92 at /analysisId)', () => {
      given([...outdated, analysed({ phase: 'pre-arrival', members: refiled })])
        .when(completeByRiskUnit('pre-arrival-1'))
        .then(refused({ kind: 'lifecycle', code: '92', pointer: '/analysisId', reason: "the ENS's pre-loading analysis awaits the ENS's completion (a member left it): it is analysed again first" }));
    });
    it('is analysed again when the ENS completes again (ens-recompleted), even with the members it had, with a deadline of its own', () => {
      given(outdated)
        .when(analyse({ members, hits: [], dueAt: '2026-12-01T14:00:00.000Z' }))
        .then([analysed({ members, trigger: 'ens-recompleted', n: 2, hits: [], dueAt: '2026-12-01T14:00:00.000Z' }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' })]);
    });
    it('completes the held pre-arrival analysis (IE3N03) when the new pre-loading analysis is assessed at once', () => {
      given(held)
        .when(analyse({ members: refiled, hits: [] }))
        .then([
          analysed({ members: refiled, trigger: 'ens-recompleted', n: 2, hits: [] }),
          assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' }),
          assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' }),
        ]);
    });
    it('keeps it held when the new pre-loading analysis hits: the risk unit assesses that first', () => {
      given(held).when(analyse({ members: refiled, hits: [hit()] })).then([analysed({ members: refiled, trigger: 'ens-recompleted', n: 2, hits: [hit()] })]);
      given([...held, analysed({ members: refiled, trigger: 'ens-recompleted', n: 2 })])
        .when(completeByRiskUnit('pre-loading-2'))
        .then([assessmentCompleted({ analysisId: 'pre-loading-2' }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' })]);
    });
    it('is not re-analysed on an amendment or a criteria change: they would analyse the members it has lost', () => {
      given(outdated).when(analyse({ members, trigger: 'amendment' })).thenNothingHappened();
      given(outdated).when(analyse({ members, trigger: 'criteria-changed', criteria: [{ id: 'eu-sec-001', version: 2 }] })).thenNothingHappened();
    });
  });

  describe('a filing heading no analysed ENS (a house told its master left), or a redelivery', () => {
    it('changes nothing', () => {
      given([]).when(unlinked()).thenNothingHappened();
      given([analysed({ members }), analysisAwaitingCompletion({ unlinkedMrn: OLD })]).when(unlinked()).thenNothingHappened();
    });
  });

  describe('the ENS awaiting completion', () => {
    const awaiting = [analysed({ members }), analysisAwaitingCompletion({ unlinkedMrn: OLD })];
    it('is analysed again when it completes again (ens-recompleted), with a deadline of its own, superseding nothing more', () => {
      given(awaiting)
        .when(analyse({ members: [head, NEW, OTHER], dueAt: '2026-12-01T14:00:00.000Z' }))
        .then([analysed({ members: [head, NEW, OTHER], trigger: 'ens-recompleted', n: 2, dueAt: '2026-12-01T14:00:00.000Z' })]);
    });
    it('is analysed again when it completes with the members it had (the house linked again)', () => {
      given(awaiting).when(analyse({ members })).then([analysed({ members, trigger: 'ens-recompleted', n: 2 })]);
    });
    it('is not re-analysed on an amendment or a criteria change: they would analyse the members it has lost', () => {
      given(awaiting).when(analyse({ members, trigger: 'amendment' })).thenNothingHappened();
      given(awaiting).when(analyse({ members, trigger: 'criteria-changed', criteria: [{ id: 'eu-sec-001', version: 2 }] })).thenNothingHappened();
    });
    it('holds a no-hit pre-arrival analysis: the pre-loading risk is unresolved until the ENS is analysed again', () => {
      given(awaiting).when(analyse({ phase: 'pre-arrival', members: [head, NEW, OTHER], hits: [] })).then([analysed({ phase: 'pre-arrival', members: [head, NEW, OTHER], hits: [] })]);
    });
    it('is superseded by the analysis it awaited: a redelivered completion then starts nothing', () => {
      given([...awaiting, analysed({ members: [head, NEW, OTHER], trigger: 'ens-recompleted', n: 2 })])
        .when(analyse({ members: [head, NEW, OTHER] }))
        .thenNothingHappened();
      // The second analysis, open, is superseded as any by a re-analysis; the first is not named again.
      given([...awaiting, analysed({ members: [head, NEW, OTHER], trigger: 'ens-recompleted', n: 2 })])
        .when(analyse({ members: [head, NEW, OTHER], trigger: 'amendment' }))
        .then([analysisSuperseded({ n: 2 }), analysed({ members: [head, NEW, OTHER], trigger: 'amendment', n: 3 })]);
    });
  });

  describe('an answer to a referral closed with it', () => {
    it('is refused as not found', () => {
      given([analysed({ members }), referralRequested({ reference: 'REF-1' }), analysisAwaitingCompletion({ unlinkedMrn: OLD, openReferrals: ['REF-1'] })])
        .when({ type: 'AnswerReferral', data: { reference: 'REF-1', by: RISK_DEFAULTS.personFiling, at: RISK_DEFAULTS.at, messageType: 'IE3R02', information: 'invoice' } })
        .then(refused({ kind: 'not-found' }));
      // Answered before the house left, it stays answered.
      given([analysed({ members }), referralRequested({ reference: 'REF-1' }), referralAnswered({ reference: 'REF-1' })]).when(unlinked()).then([analysisAwaitingCompletion({ unlinkedMrn: OLD })]);
    });
  });
});
