/**
 * Events of `ens-*` streams into filing_view, one row per filing. Idempotent by revision (STYLE, from
 * EventSourcing.NodeJS): the registration inserts or is ignored; every later event changes only a row that is
 * exactly one revision behind, so a redelivered or replayed event changes nothing. The rows go through
 * RevisionedRows: read once per batch, written once at its commit. A link proposal also becomes a link_proposals
 * row (keyed by master and candidate, so inserted once).
 */
import type { RecordedEvent } from '@ics2/event-store';
import type { EnsEvent } from '@ics2/contracts';
import { filingType } from '@ics2/domain';
import { RevisionedRows, type ReadModelTransaction } from '@ics2/platform';
import { FilingViewRow, type LinkedRef } from './filing-view.row';
import { LinkProposalRow } from './link-proposal.row';

type Changes = Partial<Omit<FilingViewRow, 'mrn' | 'revision'>>;
type Update = Changes | ((row: FilingViewRow) => Changes) | null;

function updateFor(event: EnsEvent): Update {
  switch (event.type) {
    case 'EnsFilingRegistered':
      return null;
    case 'EnsFilingRejected':
      return { status: 'rejected' };
    case 'EnsResponsibilityAssigned':
      return { responsibleMemberState: event.data.responsibleMemberState, involvedMemberStates: [...event.data.involvedMemberStates] };
    case 'EnsFilingLinked': {
      const d = event.data;
      return (row) => {
        const linked: LinkedRef[] = [...row.linked, { mrn: d.linkedMrn, level: d.linkedLevel, houseDocument: d.houseDocument }];
        // A house is seen by the master's carrier too: the carrier's filings "name it" through the master.
        const parties = d.linkedLevel === 'master' && d.linkedParties.carrier && !row.parties.includes(d.linkedParties.carrier) ? [...row.parties, d.linkedParties.carrier] : row.parties;
        // A house whose data the master still awaits in part (an F16 before its F17) stays missing.
        return { linked, parties, missing: d.awaiting?.length ? row.missing : row.missing.filter((m) => m !== d.houseDocument) };
      };
    }
    case 'EnsFilingUnlinked': {
      const d = event.data;
      // As evolve: a master awaits the documents again, and a complete ENS that lost a member is not complete. A
      // house is linked to one master: released, it is seen by its own parties again, no longer by that master's carrier.
      return (row) => ({
        linked: row.linked.filter((l) => l.mrn !== d.unlinkedMrn),
        ...(row.level === 'house' ? { parties: ownParties(row) } : {}),
        missing: row.level === 'master' ? [...row.missing, ...d.houseDocuments.filter((m) => !row.missing.includes(m))] : row.missing,
        ...(row.status === 'complete' ? { status: row.level === 'master' ? 'pending-completeness' : 'registered', consistency: null } : {}),
        ...(row.status === 'arrived' ? { consistency: null } : {}),
      });
    }
    case 'EnsCompletenessPending':
      return (row) => ({ status: row.status === 'registered' ? 'pending-completeness' : row.status });
    case 'EnsFilingCompleted':
      return (row) => ({ status: row.status === 'registered' || row.status === 'pending-completeness' ? 'complete' : row.status });
    case 'EnsConsistencyChecked':
      return { consistency: event.data.outcome };
    case 'EnsFilingAmended': {
      const means = event.data.filing.activeBorderTransportMeans;
      return {
        filing: event.data.filing,
        amendedAt: new Date(event.data.amendedAt),
        transportMeans: means?.identificationNumber ?? null,
        conveyanceReference: means?.conveyanceReferenceNumber ?? null,
        estimatedArrival: means?.estimatedDateAndTimeOfArrival ? new Date(means.estimatedDateAndTimeOfArrival) : null,
      };
    }
    case 'EnsFilingInvalidated':
      return { status: 'invalidated', invalidatedAt: new Date(event.data.invalidatedAt) };
    case 'EnsFilingArrived':
      return { status: 'arrived', arrivedAt: new Date(event.data.arrivedAt), arrivalMrn: event.data.arrivalMrn };
    case 'EnsFilingPresented':
      return { status: 'presented', presentedAt: new Date(event.data.presentedAt) };
    case 'EnsControlNoted':
      return { controlNoted: true };
    // Part of its ENS was presented (a house's master, or a master's house): the 200-day expiry no longer picks it,
    // and IE3R08 names the presented filing.
    case 'EnsPresentationNoted':
      return { ensPresentedAt: new Date(event.data.presentedAt), ensPresentedMrn: event.data.headMrn };
    case 'EnsHousePresentationNoted':
      return { ensPresentedAt: new Date(event.data.presentedAt), ensPresentedMrn: event.data.houseMrn };
    case 'EnsLinkProposed':
    case 'EnsAmendmentRejected':
    case 'EnsInvalidationRejected':
    case 'EnsArrivalRefused':
      return {};
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Who may see a filing by what it names itself (maySee): its filer, declarant, representative and carrier. */
function ownParties(row: Pick<FilingViewRow, 'filedBy' | 'declarant' | 'representative' | 'carrier'>): string[] {
  return [...new Set([row.filedBy, row.declarant, row.representative, row.carrier].filter((p): p is string => !!p))];
}

function rowOf(event: RecordedEvent, data: Extract<EnsEvent, { type: 'EnsFilingRegistered' }>['data']): FilingViewRow {
  const { parties, filing, linkingKey } = data;
  const means = filing.activeBorderTransportMeans;
  return Object.assign(new FilingViewRow(), {
    mrn: data.mrn,
    revision: event.revision,
    lrn: data.lrn,
    filingType: data.filingType,
    level: data.level,
    status: 'registered',
    filedBy: parties.filedBy,
    declarant: parties.declarant,
    representative: parties.representative ?? null,
    carrier: parties.carrier ?? null,
    parties: ownParties({ filedBy: parties.filedBy, declarant: parties.declarant, representative: parties.representative ?? null, carrier: parties.carrier ?? null }),
    registeredAt: new Date(data.registeredAt),
    amendedAt: null,
    arrivedAt: null,
    arrivalMrn: null,
    presentedAt: null,
    ensPresentedAt: null,
    ensPresentedMrn: null,
    invalidatedAt: null,
    responsibleMemberState: null,
    involvedMemberStates: [],
    masterDocument: linkingKey.masterDocument ?? null,
    houseDocuments: [...linkingKey.houseDocuments],
    transportMeans: means?.identificationNumber ?? null,
    conveyanceReference: means?.conveyanceReferenceNumber ?? null,
    estimatedArrival: means?.estimatedDateAndTimeOfArrival ? new Date(means.estimatedDateAndTimeOfArrival) : null,
    linked: [],
    // What a master waits for: its listed houses, or its one unlisted partner (''), when its type has partners.
    missing: data.level === 'master' && (filingType(data.filingType)?.partners.length ?? 0) > 0 ? (linkingKey.houseDocuments.length > 0 ? [...linkingKey.houseDocuments] : ['']) : [],
    consistency: null,
    controlNoted: false,
    filing,
  });
}

const filingViews = new RevisionedRows(FilingViewRow, 'mrn');

export async function projectFilingView(event: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const ens = { type: event.type, data: event.data } as EnsEvent;
  if (ens.type === 'EnsFilingRegistered') {
    await filingViews.insert(tx, rowOf(event, ens.data));
    return;
  }
  if (ens.type === 'EnsLinkProposed') {
    const { mrn, candidateMrn, houseDocument, matchedOn, proposedAt } = ens.data;
    const proposal = Object.assign(new LinkProposalRow(), { masterMrn: mrn, candidateMrn, houseDocument, matchedOn: [...matchedOn], proposedAt: new Date(proposedAt) });
    await tx.manager.getRepository(LinkProposalRow).createQueryBuilder().insert().values(proposal).orIgnore().execute();
  }
  const update = updateFor(ens);
  if (update === null) return;
  await filingViews.apply(tx, (ens.data as { mrn: string }).mrn, event.revision, update);
}
