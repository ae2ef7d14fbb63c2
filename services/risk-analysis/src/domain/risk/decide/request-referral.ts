import type { RiskEvent } from '@ics2/contracts';
import type { RequestReferral } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';
import { decidable, isRefusal } from './risk-unit-access';

/**
 * RFI (IE3Q02, IE3N04 to the carrier) or HRCM screening request (IE3Q03, IE3N05), to the person filing. Screening
 * names the recommended methods. A reference is used once per ENS; the analysis can loop through several referrals.
 */
export function requestReferral(command: RequestReferral['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  if (state.status === 'analysed' && state.analyses.some((a) => a.referrals.some((r) => r.reference === command.reference))) {
    return { kind: 'lifecycle', code: '12', reason: `referral ${command.reference} exists already` };
  }
  if (command.kind === 'RFS' && !(command.recommendedMethods?.length ?? 0)) return { kind: 'lifecycle', code: '12', reason: 'a screening request names its recommended methods' };
  return [
    {
      type: 'ReferralRequested',
      data: {
        mrn: state.status === 'analysed' ? state.mrn : '',
        analysisId: analysis.analysisId,
        reference: command.reference,
        kind: command.kind,
        houseDocuments: command.houseDocuments,
        ...(command.information ? { information: command.information } : {}),
        ...(command.recommendedMethods ? { recommendedMethods: command.recommendedMethods } : {}),
        personFiling: analysis.personFiling,
        ...(analysis.carrier ? { carrier: analysis.carrier } : {}),
        user: command.user,
        requestedAt: command.at,
      },
    },
  ];
}
