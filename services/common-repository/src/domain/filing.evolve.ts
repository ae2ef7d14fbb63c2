/**
 * History is fact: every recorded event is accepted as it is. evolve never validates, throws or mutates.
 */
import { filingType } from '@ics2/domain';
import type { EnsEvent } from '@ics2/contracts';
import type { FilingState, RecordedFiling } from './filing.state';

/** What a master misses at registration: the houses it lists, or one unlisted partner filing (house document ''). */
function expectedHouses(filingTypeCode: string, houseDocuments: readonly string[]): string[] {
  const row = filingType(filingTypeCode);
  if (!row || row.level !== 'master' || row.partners.length === 0) return [];
  return houseDocuments.length > 0 ? [...houseDocuments] : [''];
}

export function evolve(state: FilingState, event: EnsEvent): FilingState {
  if (event.type === 'EnsFilingRegistered') {
    const d = event.data;
    return {
      status: 'registered',
      mrn: d.mrn,
      lrn: d.lrn,
      filingType: d.filingType,
      level: d.level,
      phase: d.phase,
      parties: d.parties,
      linkingKey: d.linkingKey,
      filing: d.filing,
      registeredAt: d.registeredAt,
      responsibleMemberState: null,
      involvedMemberStates: [],
      linked: [],
      missing: expectedHouses(d.filingType, d.linkingKey.houseDocuments),
      pendingNoted: false,
      completedPhases: [],
      ensMembers: {},
      proposals: [],
      consistency: null,
      controlNoted: false,
      control: null,
      amendedAt: null,
      arrival: null,
      presentedAt: null,
      presentedOffice: null,
      ensPresentedAt: null,
      invalidatedAt: null,
    };
  }
  if (state.status === 'none') return state;
  const s: RecordedFiling = state;
  switch (event.type) {
    case 'EnsFilingRejected':
      return { ...s, status: 'rejected' };
    case 'EnsResponsibilityAssigned':
      return { ...s, responsibleMemberState: event.data.responsibleMemberState, involvedMemberStates: event.data.involvedMemberStates };
    case 'EnsFilingLinked': {
      const d = event.data;
      return {
        ...s,
        linked: [...s.linked, { mrn: d.linkedMrn, level: d.linkedLevel, houseDocument: d.houseDocument, parties: d.linkedParties, ...(d.supplies ? { supplies: d.supplies } : {}) }],
        // A house some of whose data is still awaited (an F16 before its F17) stays missing.
        missing: d.awaiting?.length ? s.missing : s.missing.filter((m) => m !== d.houseDocument),
      };
    }
    case 'EnsFilingUnlinked': {
      const d = event.data;
      const missing = s.level === 'master' ? [...s.missing, ...d.houseDocuments.filter((m) => !s.missing.includes(m))] : s.missing;
      // A complete ENS that lost a member is not complete any more. Arrived goods are still declared until
      // presented, so an arrived ENS is complete no more either (its status stays): a refiled house completes it
      // again and is analysed. Once presented, what was analysed stands.
      const reopened =
        s.status === 'complete'
          ? { status: s.level === 'master' ? ('pending-completeness' as const) : ('registered' as const), completedPhases: [], consistency: null }
          : s.status === 'arrived'
            ? { completedPhases: [], consistency: null }
            : {};
      return { ...s, linked: s.linked.filter((l) => l.mrn !== d.unlinkedMrn), missing, ...reopened };
    }
    case 'EnsCompletenessPending':
      return { ...s, pendingNoted: true, status: s.status === 'registered' ? 'pending-completeness' : s.status };
    case 'EnsFilingCompleted': {
      const completedPhases = s.completedPhases.includes(event.data.phase) ? s.completedPhases : [...s.completedPhases, event.data.phase];
      const opened = s.status === 'registered' || s.status === 'pending-completeness';
      return { ...s, completedPhases, ensMembers: { ...s.ensMembers, [event.data.phase]: event.data.members }, status: opened ? 'complete' : s.status };
    }
    case 'EnsConsistencyChecked':
      return { ...s, consistency: event.data.outcome };
    case 'EnsLinkProposed':
      return { ...s, proposals: [...s.proposals, event.data.candidateMrn] };
    case 'EnsFilingAmended':
      return { ...s, filing: event.data.filing, amendedAt: event.data.amendedAt };
    case 'EnsAmendmentRejected':
    case 'EnsInvalidationRejected':
    case 'EnsArrivalRefused':
      return s;
    case 'EnsFilingInvalidated':
      return { ...s, status: 'invalidated', invalidatedAt: event.data.invalidatedAt };
    case 'EnsFilingArrived':
      return {
        ...s,
        status: 'arrived',
        arrival: { arrivalMrn: event.data.arrivalMrn, arrivedAt: event.data.arrivedAt, officeOfArrival: event.data.officeOfArrival, notifiedBy: event.data.notifiedBy },
      };
    case 'EnsFilingPresented':
      return { ...s, status: 'presented', presentedAt: event.data.presentedAt, presentedOffice: event.data.office };
    case 'EnsPresentationNoted':
    case 'EnsHousePresentationNoted':
      return { ...s, ensPresentedAt: event.data.presentedAt };
    case 'EnsControlNoted':
      return { ...s, controlNoted: true, control: s.control ?? { memberState: event.data.memberState, source: event.data.source } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
