import type { ReferralAnswered, RiskEvent } from '@ics2/contracts';
import type { AnswerReferral } from '../risk.commands';
import { riskNotFound, type RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';

type Answer = AnswerReferral['data'];

/**
 * The answer's message type must fit the referral's kind. Code 12 (the decision does not fit), not 92: the referral
 * is open and in sequence, it is the answer's message type that has the wrong value, the same family as the other
 * answer refusals here; risk.refusals.ts keeps 92 for an analysis in the wrong state. Only after the referral was
 * found to be the caller's and open, so a misfit never tells a stranger that a referral exists.
 */
const NOT_AN_IE3R03: RiskRefusal = { kind: 'lifecycle', code: '12', pointer: '/messageType', reason: 'a screening request is answered with a screening result (IE3R03)' };
const NOT_AN_IE3R02: RiskRefusal = { kind: 'lifecycle', code: '12', pointer: '/messageType', reason: 'a request for information is answered with information or documents (IE3R02)' };
const EMPTY_IE3R02: RiskRefusal = { kind: 'lifecycle', code: '12', reason: 'a request for information is answered with information or documents (IE3R02)' };

/** What the event keeps of the answer, element by element. */
function contentOf(command: Answer): Pick<ReferralAnswered['data'], 'information' | 'documents' | 'screening'> {
  if (command.messageType === 'IE3R03') {
    const { result, methods, additionalInformation } = command.screening;
    return { screening: { result, methods, ...(additionalInformation ? { additionalInformation } : {}) } };
  }
  return {
    ...(command.information ? { information: command.information } : {}),
    ...(command.documents?.length ? { documents: command.documents } : {}),
  };
}

/**
 * IE3R02 (information) to a request for information, or IE3R03 (screening result) to a request for HRCM screening,
 * from the person filing it was sent to. An answer to an unknown referral, one already answered or closed, or someone else's is
 * refused as not found (nothing is written); an answer of the other message type than the referral asks for, or an
 * IE3R02 with neither information nor documents, is refused with code 12 and nothing is written.
 */
export function answerReferral(command: Answer, state: RiskState): readonly RiskEvent[] | RiskRefusal {
  if (state.status === 'none') return riskNotFound;
  const analysis = state.analyses.find((a) => a.referrals.some((r) => r.reference === command.reference));
  const referral = analysis?.referrals.find((r) => r.reference === command.reference);
  if (!analysis || !referral || referral.status !== 'open' || analysis.status !== 'awaiting-risk-unit' || referral.personFiling !== command.by) return riskNotFound;
  if (referral.kind === 'RFS' && command.messageType !== 'IE3R03') return NOT_AN_IE3R03;
  if (referral.kind === 'RFI' && command.messageType !== 'IE3R02') return NOT_AN_IE3R02;
  if (command.messageType === 'IE3R02' && !command.information && !(command.documents?.length ?? 0)) return EMPTY_IE3R02;
  return [
    {
      type: 'ReferralAnswered',
      data: {
        mrn: state.mrn,
        analysisId: analysis.analysisId,
        reference: command.reference,
        kind: referral.kind,
        answeredBy: command.by,
        ...contentOf(command),
        answeredAt: command.at,
      },
    },
  ];
}
