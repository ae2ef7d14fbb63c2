import type { RiskEvent } from '@ics2/contracts';
import type { RequestReferral } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { Analysis, RiskState } from '../risk.state';
import { decidable, foreignHouseDocument, isRefusal } from './risk-unit-access';

/**
 * RFI (IE3Q02, IE3N04 to the carrier) or HRCM screening request (IE3Q03, IE3N05), to the person filing (of the houses
 * it names, addresseeOf). A screening
 * request may recommend methods (recommendedHRCMScreeningMethod 0..9, ics2-reference 9: none is a request that
 * leaves the method to the operator); their syntax is the door's. The analysis can loop through several referrals. The reference is the ENS's MRN
 * and the referral's number in it (`<mrn>-R<n>`): unique, and an answer names the stream it belongs to.
 */
export const referralReference = (mrn: string, n: number) => `${mrn}-R${n}`;

/** The MRN a referral reference belongs to, or null for a string that is not one. */
export function mrnOfReference(reference: string): string | null {
  const m = /^([0-9]{2}[A-Z]{2}[A-Z0-9]{12}[A-Z][0-9])-R[1-9][0-9]{0,5}$/.exec(reference);
  return m ? m[1] : null;
}

/**
 * Whom a referral goes to [U]: the person filing of the house filing that declares every house document it names, when
 * that is one party other than the head's filer (a forwarder's house of a multiple filing: it holds the data asked
 * for, and answers); else (the whole consignment, houses of several filers, an analysis recorded without
 * `memberFilers`) the person filing the ENS head.
 */
function addresseeOf(analysis: Analysis, houseDocuments: readonly string[]): string {
  const members = (analysis.memberFilers ?? []).slice(1);
  if (houseDocuments.length === 0 || members.length === 0) return analysis.personFiling;
  const filers = new Set<string>();
  for (const document of houseDocuments) {
    const declaring = members.filter((m) => m.houseDocuments?.includes(document));
    if (declaring.length === 0) return analysis.personFiling;
    for (const m of declaring) filers.add(m.personFiling);
  }
  return filers.size === 1 ? [...filers][0] : analysis.personFiling;
}

export function requestReferral(command: RequestReferral['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  if (state.status === 'none') return { kind: 'not-found' };
  const foreign = foreignHouseDocument(analysis, command.houseDocuments);
  if (foreign) return foreign;
  const reference = referralReference(state.mrn, state.analyses.reduce((n, a) => n + a.referrals.length, 0) + 1);
  return [
    {
      type: 'ReferralRequested',
      data: {
        mrn: state.mrn,
        analysisId: analysis.analysisId,
        reference,
        kind: command.kind,
        houseDocuments: command.houseDocuments,
        ...(command.information ? { information: command.information } : {}),
        ...(command.recommendedMethods?.length ? { recommendedMethods: command.recommendedMethods } : {}),
        personFiling: addresseeOf(analysis, command.houseDocuments),
        ...(analysis.carrier ? { carrier: analysis.carrier } : {}),
        user: command.user,
        requestedAt: command.at,
      },
    },
  ];
}
