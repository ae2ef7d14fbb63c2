import type { RiskEvent, RiskHit } from '@ics2/contracts';
import type { Analyse } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { awaitsCompletion, criteriaKeys, currentAnalysis, hitKey, takesCriteriaChanges, type Analysis, type RiskState } from '../risk.state';
import { preLoadingOpen, releaseHeld } from './held-pre-arrival';

const sameCriteria = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
const sameMembers = (a: readonly string[], b: readonly string[]) => sameCriteria([...a].sort(), [...b].sort());
/** What a hit found, as one text: which hit it is (hitKey), its score and the values matched. */
const findingOf = (h: RiskHit) => `${hitKey(h.criterionId, h.version, h.house)}@${h.score}@${h.matched.map((m) => `${m.kind}:${m.path}=${m.values.join('|')}`).join(',')}`;
const sameHits = (a: readonly RiskHit[], b: readonly RiskHit[]) => sameCriteria(a.map(findingOf).sort(), b.map(findingOf).sort());

/**
 * Whether a consistency check leaves the phase's analysis as it is: the check follows the completion in another
 * append, so the analysis may or may not have read it; one that finds, with the same members, the hits the analysis
 * found changes nothing (an ok check, one the analysis read, a recheck with the same differences). [U] the reference
 * orders no analysis after the check; re-analysing on every check would assess each multiple filing twice (IE3N03).
 */
function consistencyCheckIgnored(current: Analysis | undefined, command: Analyse['data']): boolean {
  return !current || (sameMembers(current.members, command.members) && sameHits(current.hits, command.hits));
}

/**
 * Whether a criteria change leaves the phase's analysis as it is. It re-analyses only an analysis still open (an
 * assessed one is not reopened), whose applicable criteria (its phase's, EU-wide or its responsible Member State's:
 * the command names those alone) differ from those it ran with, and with no referral open: the operator may be
 * answering it, and a re-analysis would supersede the analysis and the referral with it. [U] the reference is silent.
 * A change deferred so is not lost: the answer that closes the last open referral asks again (criteria catch-up),
 * and the comparison then tells whether the analysis ran with what applies now.
 */
function criteriaChangeIgnored(current: Analysis | undefined, command: Analyse['data']): boolean {
  if (!takesCriteriaChanges(current)) return true;
  return sameCriteria(current.criteria, criteriaKeys(command.criteria));
}

/**
 * An analysis of the ENS for one phase (issue 4, "The flow"): recorded with the criteria versions that apply and every
 * hit. No hit and no manual-review policy: assessment complete at once (IE3N03), except a pre-arrival analysis while
 * the pre-loading one is open (or awaits the ENS's completion): it is held until that is assessed
 * (held-pre-arrival.ts), and a pre-loading analysis assessed at once releases the held one in the same decision. A do-not-load is final: nothing
 * analyses that consignment again. The ENS completing twice with the members its analysis used (a redelivery) does
 * not start a second analysis; completing with other members (a house invalidated and refiled: the new house was
 * never analysed) does, recorded as `ens-recompleted`, an assessed analysis too [U]; amendments and new criteria
 * do, recording first that the open analysis they replace is superseded (the risk unit holding it is signalled).
 * An analysis awaiting completion (a member unlinked: note-member-unlinked.ts; an assessed one outdated so too) waits
 * for the ENS to complete again, whose analysis is `ens-recompleted`, even with the members it had (the house
 * relinked), and has a deadline of its own. A criteria change that leaves the applicable set as the current analysis used it
 * (a criterion of another phase or Member State, or an activation it already ran with, seen late by the
 * criteria-changes subscription) starts none either: the same criteria on the same data give the same hits, and a
 * new analysis would supersede the open one under the risk unit's hands.
 */
export function analyse(command: Analyse['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const current = currentAnalysis(state, command.phase);
  // A do-not-load in any phase ends the consignment's analysis: no pre-arrival analysis (nor IE3N03) after it.
  if (state.status === 'analysed' && state.analyses.some((a) => a.status === 'do-not-load')) return [];
  // An analysis awaiting completion (a member unlinked, open or assessed) is analysed again only when the ENS completes
  // again, with whichever members: an amendment or a criteria change would analyse the members of a completion it has lost.
  const awaitingCompletion = awaitsCompletion(current);
  if (awaitingCompletion && command.trigger !== 'ens-complete') return [];
  if (current && !awaitingCompletion && command.trigger === 'ens-complete' && sameMembers(current.members, command.members)) return [];
  if (command.trigger === 'criteria-changed' && criteriaChangeIgnored(current, command)) return [];
  if (command.trigger === 'consistency-checked' && consistencyCheckIgnored(current, command)) return [];
  // Re-analysis is of an ENS analysed before; one not yet analysed is analysed when it completes.
  if (!current && command.trigger !== 'ens-complete') return [];
  const count = state.status === 'none' ? 0 : state.analyses.filter((a) => a.phase === command.phase).length;
  const analysisId = `${command.phase}-${count + 1}`;
  // A re-analysis that takes the place of an open one keeps its deadline: else re-analyses (amendments, criteria
  // changes) would push the escalation back for ever.
  const dueAt = current?.status === 'awaiting-risk-unit' && Date.parse(current.dueAt) < Date.parse(command.dueAt) ? current.dueAt : command.dueAt;
  const noHit = command.hits.length === 0 && !command.manualReview;
  // The carrier loads on IE3N03: none from the pre-arrival phase while the pre-loading risk is unresolved.
  const held = noHit && command.phase === 'pre-arrival' && preLoadingOpen(state);
  const assessedAtOnce = noHit && !held;
  // Only the decider knows the ENS was analysed before: a completion then is a re-analysis of its own kind.
  const trigger = current && command.trigger === 'ens-complete' ? 'ens-recompleted' : command.trigger;
  const events: RiskEvent[] = [];
  // The risk unit holding the open analysis must learn it is no longer the one to decide on (its signal stream).
  if (current?.status === 'awaiting-risk-unit') {
    events.push({
      type: 'RiskAnalysisSuperseded',
      data: {
        mrn: command.mrn,
        analysisId: current.analysisId,
        phase: command.phase,
        supersededBy: analysisId,
        trigger,
        outcome: assessedAtOnce ? 'assessed' : 'awaiting-risk-unit',
        openReferrals: current.referrals.filter((r) => r.status === 'open').map((r) => r.reference),
        supersededAt: command.analysedAt,
      },
    });
  }
  events.push({ type: 'RiskAnalysed', data: { ...command, trigger, analysisId, dueAt } });
  if (assessedAtOnce) {
    events.push({
      type: 'RiskAssessmentCompleted',
      data: { mrn: command.mrn, analysisId, phase: command.phase, by: 'automatic', responsibleMemberState: command.responsibleMemberState, completedAt: command.analysedAt },
    });
    // A pre-loading re-analysis with no hit resolves the pre-loading risk the held pre-arrival analysis waited on.
    if (command.phase === 'pre-loading') events.push(...releaseHeld(state, command.analysedAt));
  }
  return events;
}
