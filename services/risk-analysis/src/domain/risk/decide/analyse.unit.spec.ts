import { analysed, analysisData, analysisSuperseded, assessmentCompleted, deciderSpec, doNotLoadIssued, hit, referralAnswered, referralRequested, refused, RISK_DEFAULTS } from '@ics2/testing';
import { riskDecider } from '../risk.decider';

const given = deciderSpec(riskDecider);
const analyse = (o: Parameters<typeof analysisData>[0] = {}) => ({ type: 'Analyse' as const, data: analysisData(o) });

describe('analyse', () => {
  describe('an ENS with no hit', () => {
    it('records the analysis and completes the assessment automatically (IE3N03)', () => {
      given([]).when(analyse({ hits: [] })).then([analysed({ hits: [] }), assessmentCompleted({ by: 'automatic' })]);
    });
  });

  describe('an ENS with no hit whose responsible Member State reviews everything', () => {
    it('records the analysis and waits for the risk unit', () => {
      given([]).when(analyse({ hits: [], manualReview: true })).then([analysed({ hits: [], manualReview: true })]);
    });
  });

  describe('an ENS with hits', () => {
    it('records every hit with the criteria versions used and waits for the risk unit', () => {
      given([]).when(analyse({ hits: [hit(), hit({ criterionId: 'eu-sec-002', house: 'HAWB-1' })] })).then([analysed({ hits: [hit(), hit({ criterionId: 'eu-sec-002', house: 'HAWB-1' })] })]);
    });
  });

  describe('the ENS completing a second time (a redelivered event)', () => {
    it('starts no second analysis', () => given([analysed()]).when(analyse()).thenNothingHappened());
  });

  describe('the ENS completing again with other members (a house invalidated and refiled)', () => {
    const head = analysisData().mrn;
    const before = [head, 'HOUSE-OLD'];
    const after = [head, 'HOUSE-NEW'];
    it('re-analyses an open analysis (ens-recompleted), superseding it: the refiled house was never analysed', () => {
      given([analysed({ members: before })])
        .when(analyse({ members: after }))
        .then([analysisSuperseded({ trigger: 'ens-recompleted' }), analysed({ members: after, trigger: 'ens-recompleted', n: 2 })]);
    });
    it('re-analyses an assessed one too [U], and assesses it at once when nothing hits', () => {
      given([analysed({ members: before }), assessmentCompleted()]).when(analyse({ members: after })).then([analysed({ members: after, trigger: 'ens-recompleted', n: 2 })]);
      given([analysed({ members: before, hits: [] }), assessmentCompleted({ by: 'automatic' })])
        .when(analyse({ members: after, hits: [] }))
        .then([analysed({ members: after, trigger: 'ens-recompleted', n: 2, hits: [] }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' })]);
    });
    it('starts nothing when redelivered with the members the analysis used, in any order', () => {
      given([analysed({ members: before }), analysisSuperseded({ trigger: 'ens-recompleted' }), analysed({ members: after, trigger: 'ens-recompleted', n: 2 })])
        .when(analyse({ members: after }))
        .thenNothingHappened();
      given([analysed({ members: [head, 'H-1', 'H-2'] })]).when(analyse({ members: [head, 'H-2', 'H-1'] })).thenNothingHappened();
    });
    it('starts nothing after a do-not-load: final for the consignment', () => {
      given([analysed({ members: before }), doNotLoadIssued()]).when(analyse({ members: after })).thenNothingHappened();
    });
  });

  describe('an amendment after the first analysis', () => {
    it('re-analyses under the next analysis id', () => {
      given([analysed(), assessmentCompleted()]).when(analyse({ trigger: 'amendment' })).then([analysed({ trigger: 'amendment', n: 2 })]);
    });
  });

  describe('a consistency check of the linked ENS, recorded after the completion the analysis started from', () => {
    const inconsistent = hit({ criterionId: 'eu-sec-013', house: 'HAWB-1', score: 20 });
    it('re-analyses when it changes what the criteria find (an inconsistency condition now holds), an assessed analysis too', () => {
      given([analysed({ hits: [] }), assessmentCompleted({ by: 'automatic' })])
        .when(analyse({ trigger: 'consistency-checked', hits: [inconsistent] }))
        .then([analysed({ trigger: 'consistency-checked', n: 2, hits: [inconsistent] })]);
      given([analysed()])
        .when(analyse({ trigger: 'consistency-checked', hits: [hit(), inconsistent] }))
        .then([analysisSuperseded({ trigger: 'consistency-checked' }), analysed({ trigger: 'consistency-checked', n: 2, hits: [hit(), inconsistent] })]);
    });
    it('starts nothing when the hits are those the analysis found (an ok check, or one it had read), in any order', () => {
      given([analysed({ hits: [] }), assessmentCompleted({ by: 'automatic' })]).when(analyse({ trigger: 'consistency-checked', hits: [] })).thenNothingHappened();
      given([analysed({ hits: [inconsistent, hit()] })]).when(analyse({ trigger: 'consistency-checked', hits: [hit(), inconsistent] })).thenNothingHappened();
    });
    it('starts nothing before the ENS is analysed (its analysis reads the check), nor after a do-not-load', () => {
      given([]).when(analyse({ trigger: 'consistency-checked', hits: [inconsistent] })).thenNothingHappened();
      given([analysed(), doNotLoadIssued()]).when(analyse({ trigger: 'consistency-checked', hits: [inconsistent] })).thenNothingHappened();
    });
  });

  describe('new criteria', () => {
    const next = [{ id: 'eu-sec-001', version: 2 }];
    it('re-analyse an ENS whose analysis is open', () => {
      given([analysed()])
        .when(analyse({ trigger: 'criteria-changed', criteria: next, hits: [] }))
        .then([
          analysisSuperseded({ trigger: 'criteria-changed', outcome: 'assessed' }),
          analysed({ trigger: 'criteria-changed', criteria: next, n: 2, hits: [] }),
          assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' }),
        ]);
    });
    it('re-analyse it when a criterion it used was deactivated', () => {
      given([analysed({ criteria: [{ id: 'eu-sec-001', version: 1 }, { id: 'eu-sec-002', version: 1 }] })])
        .when(analyse({ trigger: 'criteria-changed', hits: [] }))
        .then([
          analysisSuperseded({ trigger: 'criteria-changed', outcome: 'assessed' }),
          analysed({ trigger: 'criteria-changed', n: 2, hits: [] }),
          assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' }),
        ]);
    });
  });

  describe('a criteria change while a referral of the open analysis is open', () => {
    const next = [{ id: 'eu-sec-001', version: 2 }];
    it('leaves the analysis and its referral as they are (the operator may be answering it), and re-analyses once it is answered', () => {
      given([analysed(), referralRequested()]).when(analyse({ trigger: 'criteria-changed', criteria: next, hits: [] })).thenNothingHappened();
      given([analysed(), referralRequested(), referralAnswered()])
        .when(analyse({ trigger: 'criteria-changed', criteria: next }))
        .then([analysisSuperseded({ trigger: 'criteria-changed' }), analysed({ trigger: 'criteria-changed', criteria: next, n: 2 })]);
    });
    it('still leaves it while another referral of it is open (the catch-up waits for the last answer)', () => {
      given([analysed(), referralRequested({ reference: 'REF-1' }), referralRequested({ reference: 'REF-2', kind: 'RFS' }), referralAnswered({ reference: 'REF-1' })])
        .when(analyse({ trigger: 'criteria-changed', criteria: next }))
        .thenNothingHappened();
    });
  });

  describe('the criteria catch-up after the last answer, when the analysis ran with the criteria that apply now', () => {
    it('records nothing: no change was deferred, and the risk unit keeps its analysis', () =>
      given([analysed(), referralRequested(), referralAnswered()]).when(analyse({ trigger: 'criteria-changed' })).thenNothingHappened());
  });

  describe('a criteria change after the assessment (an analysis closed since the change was seen)', () => {
    it('does not reopen it', () => given([analysed(), assessmentCompleted()]).when(analyse({ trigger: 'criteria-changed', criteria: [{ id: 'eu-sec-001', version: 2 }] })).thenNothingHappened());
  });

  describe('a re-analysis of an open analysis (the risk unit holds it)', () => {
    it('records first that the analysis is superseded, naming the one that replaces it, so the risk unit is told', () => {
      given([analysed()]).when(analyse({ trigger: 'amendment' })).then([analysisSuperseded(), analysed({ trigger: 'amendment', n: 2 })]);
    });
    it('says when the replacing analysis was assessed at once (no hit, IE3N03)', () => {
      given([analysed()])
        .when(analyse({ trigger: 'amendment', hits: [] }))
        .then([analysisSuperseded({ outcome: 'assessed' }), analysed({ trigger: 'amendment', n: 2, hits: [] }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' })]);
    });
    it('names the referrals still unanswered that close with it', () => {
      given([analysed(), referralRequested({ reference: 'REF-1' }), referralAnswered({ reference: 'REF-1' }), referralRequested({ reference: 'REF-2', kind: 'RFS' })])
        .when(analyse({ trigger: 'amendment' }))
        .then([analysisSuperseded({ openReferrals: ['REF-2'] }), analysed({ trigger: 'amendment', n: 2 })]);
    });

    it('keeps the deadline of the analysis it replaces, so re-analyses cannot put the escalation off', () => {
      given([analysed({ dueAt: '2026-12-01T10:30:00.000Z' })])
        .when(analyse({ trigger: 'amendment', dueAt: '2026-12-01T14:00:00.000Z' }))
        .then([analysisSuperseded(), analysed({ trigger: 'amendment', n: 2, dueAt: '2026-12-01T10:30:00.000Z' })]);
    });
    it('takes a deadline of its own after an assessment (new work, not a postponement)', () => {
      given([analysed({ dueAt: '2026-12-01T10:30:00.000Z' }), assessmentCompleted()])
        .when(analyse({ trigger: 'amendment', dueAt: '2026-12-01T14:00:00.000Z' }))
        .then([analysed({ trigger: 'amendment', n: 2, dueAt: '2026-12-01T14:00:00.000Z' })]);
    });
  });

  describe('a criteria change the open analysis already ran with (an activation seen after it)', () => {
    it('starts no new analysis, in whatever order the versions are listed', () => {
      const both = [{ id: 'eu-sec-001', version: 1 }, { id: 'eu-sec-002', version: 3 }];
      given([analysed({ criteria: both })]).when(analyse({ trigger: 'criteria-changed', criteria: [...both].reverse() })).thenNothingHappened();
    });
  });

  describe('an amendment before the ENS was ever analysed', () => {
    it('waits for the ENS to complete', () => given([]).when(analyse({ trigger: 'amendment' })).thenNothingHappened());
  });

  describe('after do not load', () => {
    it('analyses the consignment no more: the decision is final', () => given([analysed(), doNotLoadIssued()]).when(analyse({ trigger: 'amendment' })).thenNothingHappened());
    it('starts no pre-arrival analysis either, so no IE3N03 follows a do-not-load', () => {
      given([analysed(), doNotLoadIssued()]).when(analyse({ phase: 'pre-arrival', hits: [] })).thenNothingHappened();
    });
  });

  describe('a pre-arrival analysis with no hit while the pre-loading analysis awaits the risk unit', () => {
    const held = analysed({ phase: 'pre-arrival', hits: [] });
    const completeByRiskUnit = (analysisId: string) => ({ type: 'CompleteAssessment' as const, data: { analysisId, user: RISK_DEFAULTS.user, at: RISK_DEFAULTS.at } });
    const releasedHeld = assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' });

    it('is held, not assessed: no IE3N03 tells the carrier to load while the pre-loading risk is unresolved (a referral open or not)', () => {
      given([analysed()]).when(analyse({ phase: 'pre-arrival', hits: [] })).then([held]);
      given([analysed(), referralRequested()]).when(analyse({ phase: 'pre-arrival', hits: [] })).then([held]);
      // Once the pre-loading analysis is assessed, a no-hit pre-arrival analysis is assessed at once as before.
      given([analysed(), assessmentCompleted()])
        .when(analyse({ phase: 'pre-arrival', hits: [] }))
        .then([held, assessmentCompleted({ by: 'automatic', analysisId: 'pre-arrival-1', phase: 'pre-arrival' })]);
    });

    it('completes automatically in the decision that assesses the pre-loading analysis (its own IE3N03), not one the risk unit reviews', () => {
      given([analysed(), held]).when(completeByRiskUnit('pre-loading-1')).then([assessmentCompleted({ by: 'risk-unit' }), releasedHeld]);
      given([analysed(), analysed({ phase: 'pre-arrival', hits: [], manualReview: true })]).when(completeByRiskUnit('pre-loading-1')).then([assessmentCompleted({ by: 'risk-unit' })]);
    });

    it('completes when a pre-loading re-analysis with no hit is assessed at once, and stays held when the re-analysis hits', () => {
      given([analysed(), held])
        .when(analyse({ trigger: 'amendment', hits: [] }))
        .then([analysisSuperseded({ outcome: 'assessed' }), analysed({ trigger: 'amendment', n: 2, hits: [] }), assessmentCompleted({ by: 'automatic', analysisId: 'pre-loading-2' }), releasedHeld]);
      given([analysed(), held]).when(analyse({ trigger: 'amendment' })).then([analysisSuperseded(), analysed({ trigger: 'amendment', n: 2 })]);
      given([analysed(), held, analysisSuperseded(), analysed({ trigger: 'amendment', n: 2 })])
        .when(completeByRiskUnit('pre-loading-2'))
        .then([assessmentCompleted({ by: 'risk-unit', analysisId: 'pre-loading-2' }), releasedHeld]);
    });

    it('is held again when re-analysed itself with no hit (the superseded signal says it awaits)', () => {
      given([analysed(), held])
        .when(analyse({ phase: 'pre-arrival', trigger: 'amendment', hits: [] }))
        .then([analysisSuperseded({ phase: 'pre-arrival' }), analysed({ phase: 'pre-arrival', trigger: 'amendment', n: 2, hits: [] })]);
    });

    it('closes with a do-not-load, as every open analysis of the consignment does: no IE3N03 for it, ever', () => {
      given([analysed()]).when(analyse({ phase: 'pre-arrival', hits: [] })).then([held]);
      given([analysed(), held, doNotLoadIssued()]).when(completeByRiskUnit('pre-arrival-1')).then(refused({ kind: 'lifecycle', code: '92', reason: 'the analysis is closed by a do-not-load' }));
    });
  });

  describe('the pre-arrival phase after a pre-loading analysis', () => {
    it('is an analysis of its own', () => {
      given([analysed({ phase: 'pre-loading' }), assessmentCompleted()]).when(analyse({ phase: 'pre-arrival' })).then([analysed({ phase: 'pre-arrival' })]);
    });
  });
});
