import { filingType } from '@ics2/domain';
import type { EnsEvent, RiskAnalysisPhase } from '@ics2/contracts';
import type { RegisterFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { linkingKeyOf, partiesOf } from '../rules/linking-key';
import { responsibilityFor } from '../rules/responsible-member-state';

export const ANALYSIS_PHASES: Readonly<Record<string, readonly RiskAnalysisPhase[]>> = {
  'pre-loading': ['pre-loading'],
  'pre-arrival': ['pre-arrival'],
  'pre-loading-and-pre-arrival': ['pre-loading', 'pre-arrival'],
};

/**
 * IE3Fxx accepted at the door: the filing is registered under its MRN, its responsible and involved Member States
 * assigned. A filing that needs no partner (complete dataset, or a master or house with no partner filing type)
 * is an ENS on its own: complete at once for each risk-analysis phase its type covers.
 */
export function registerFiling(command: RegisterFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status !== 'none') return notApplicable('the MRN is registered already');
  const row = filingType(command.filing.specificCircumstanceIndicator);
  if (!row) return notApplicable(`unknown filing type ${command.filing.specificCircumstanceIndicator}`);
  const { mrn, filing, at } = command;
  const linkingKey = linkingKeyOf(filing, row.level);
  const responsibility = responsibilityFor(filing);
  const events: EnsEvent[] = [
    {
      type: 'EnsFilingRegistered',
      data: { mrn, lrn: filing.lrn, filingType: row.code, level: row.level, phase: row.phase, parties: partiesOf(filing, command.filedBy, linkingKey), linkingKey, filing, registeredAt: at },
    },
    { type: 'EnsResponsibilityAssigned', data: { mrn, ...responsibility } },
  ];
  if (row.level === 'complete' || row.partners.length === 0) {
    for (const phase of ANALYSIS_PHASES[row.phase]) events.push({ type: 'EnsFilingCompleted', data: { mrn, phase, members: [mrn], completedAt: at } });
  }
  return events;
}
