/**
 * ENS events into ens_filings: what the Member State door shows (GetFiling), the filings a backtest replays, and
 * which ENS are still open. Idempotent by revision: a row changes only from the revision before the event's (through
 * RevisionedRows: read once per batch, written once at its commit).
 */
import type { EnsEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import { RevisionedRows, type ReadModelTransaction } from '@ics2/platform';
import { EnsFilingRow } from './ens-filing.row';

type Changes = Partial<Omit<EnsFilingRow, 'mrn' | 'revision'>>;

function changesFor(event: EnsEvent, row: EnsFilingRow): Changes {
  switch (event.type) {
    case 'EnsFilingAmended':
      return { filing: event.data.filing };
    case 'EnsResponsibilityAssigned':
      return { responsibleMemberState: event.data.responsibleMemberState, involvedMemberStates: [...event.data.involvedMemberStates] };
    case 'EnsConsistencyChecked':
      return { consistency: { outcome: event.data.outcome, differences: [...event.data.differences] } };
    case 'EnsFilingCompleted':
      return event.data.members[0] === row.mrn ? { members: [...event.data.members] } : {};
    case 'EnsFilingArrived':
      return { status: 'arrived' };
    case 'EnsFilingPresented':
      return { status: 'presented' };
    case 'EnsFilingInvalidated':
      return { status: 'invalidated' };
    case 'EnsFilingRejected':
      return { status: 'rejected' };
    default:
      return {};
  }
}

const ensFilings = new RevisionedRows(EnsFilingRow, 'mrn');

export async function projectEnsFiling(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as EnsEvent;
  if (event.type === 'EnsFilingRegistered') {
    const d = event.data;
    const row = Object.assign(new EnsFilingRow(), {
      mrn: d.mrn,
      revision: recorded.revision,
      filingType: d.filingType,
      level: d.level,
      status: 'open',
      registeredAt: new Date(d.registeredAt),
      responsibleMemberState: null,
      involvedMemberStates: [],
      members: null,
      consistency: null,
      filing: d.filing,
    });
    await ensFilings.insert(tx, row);
    return;
  }
  await ensFilings.apply(tx, (event.data as { mrn: string }).mrn, recorded.revision, (row) => changesFor(event, row));
}
