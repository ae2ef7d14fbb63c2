import type { RiskEvent } from '@ics2/contracts';
import type { DismissHit } from '../risk.commands';
import type { RiskRefusal } from '../risk.refusals';
import { hitKey, type RiskState } from '../risk.state';
import { decidable, isRefusal } from './risk-unit-access';

/** A hit judged a false positive, with the reason (criteria statistics count dismissals). Dismissed once. */
export function dismissHit(command: DismissHit['data'], state: RiskState): readonly RiskEvent[] | RiskRefusal {
  const analysis = decidable(state, command.analysisId, command.user);
  if (isRefusal(analysis)) return analysis;
  const hit = analysis.hits.find((h) => h.criterionId === command.criterionId && h.version === command.version && (h.house ?? '') === (command.house ?? ''));
  if (!hit) return { kind: 'lifecycle', code: '12', reason: 'the analysis has no such hit' };
  if (analysis.dismissed.includes(hitKey(command.criterionId, command.version, command.house))) return [];
  return [
    {
      type: 'RiskHitDismissed',
      data: {
        mrn: state.status === 'analysed' ? state.mrn : '',
        analysisId: analysis.analysisId,
        criterionId: command.criterionId,
        version: command.version,
        ...(command.house ? { house: command.house } : {}),
        reason: command.reason,
        user: command.user,
        dismissedAt: command.at,
      },
    },
  ];
}
