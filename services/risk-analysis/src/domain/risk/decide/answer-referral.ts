import type { RiskEvent } from '@ics2/contracts';
import type { AnswerReferral } from '../risk.commands';
import { riskNotFound, type RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';

/**
 * IE3R02 (information) or IE3R03 (screening result) from the person filing. An answer to an unknown referral, one
 * already answered or closed, or someone else's is refused as not found (nothing is written); a screening answer
 * carries a result and the methods used, an information answer some information or documents.
 */
export function answerReferral(command: AnswerReferral['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  if (state.status === 'none') return riskNotFound;
  const analysis = state.analyses.find((a) => a.referrals.some((r) => r.reference === command.reference));
  const referral = analysis?.referrals.find((r) => r.reference === command.reference);
  if (!analysis || !referral || referral.status !== 'open' || analysis.status !== 'awaiting-risk-unit' || analysis.personFiling !== command.by) return riskNotFound;
  if (referral.kind === 'RFS' && !command.screening) return { kind: 'lifecycle', code: '12', reason: 'a screening request is answered with a screening result (IE3R03)' };
  if (referral.kind === 'RFI' && !command.information && !(command.documents?.length ?? 0)) {
    return { kind: 'lifecycle', code: '12', reason: 'a request for information is answered with information or documents (IE3R02)' };
  }
  return [
    {
      type: 'ReferralAnswered',
      data: {
        mrn: state.mrn,
        analysisId: analysis.analysisId,
        reference: command.reference,
        kind: referral.kind,
        answeredBy: command.by,
        ...(command.information ? { information: command.information } : {}),
        ...(command.documents?.length ? { documents: command.documents } : {}),
        ...(command.screening ? { screening: command.screening } : {}),
        answeredAt: command.at,
      },
    },
  ];
}
