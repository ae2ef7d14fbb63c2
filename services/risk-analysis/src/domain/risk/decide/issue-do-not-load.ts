import type { RiskEvent } from '@ics2/contracts';
import type { IssueDoNotLoad } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import type { RiskState } from '../risk.state';
import { decidable, foreignHouseDocument, isRefusal } from './risk-unit-access';

/**
 * Do not load (IE3Q01 to the carrier): final for that consignment. [U] a pre-loading instrument only: once goods are
 * on their way, the risk unit recommends a control instead.
 */
export function issueDoNotLoad(command: IssueDoNotLoad['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  if (analysis.phase !== 'pre-loading') return { kind: 'lifecycle', code: '12', reason: 'do not load is decided in the pre-loading analysis' };
  const foreign = foreignHouseDocument(analysis, command.houseDocuments);
  if (foreign) return foreign;
  return [
    {
      type: 'DoNotLoadIssued',
      data: {
        mrn: state.status === 'analysed' ? state.mrn : '',
        analysisId: analysis.analysisId,
        houseDocuments: command.houseDocuments,
        reason: command.reason,
        ...(analysis.carrier ? { carrier: analysis.carrier } : {}),
        personFiling: analysis.personFiling,
        user: command.user,
        issuedAt: command.at,
      },
    },
  ];
}
