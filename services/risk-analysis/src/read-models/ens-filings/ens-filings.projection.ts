/**
 * ENS events into ens_filings: what the Member State door shows (GetFiling), the filings a backtest replays, and
 * which ENS are still open. Idempotent by revision: a row changes only from the revision before the event's.
 */
import type { EnsEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
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

export async function projectEnsFiling(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as EnsEvent;
  const rows = tx.manager.getRepository(EnsFilingRow);
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
    await rows.createQueryBuilder().insert().values(row).orIgnore().execute();
    return;
  }
  const mrn = (event.data as { mrn: string }).mrn;
  const row = await rows.findOneBy({ mrn, revision: recorded.revision - 1 });
  if (!row) return;
  await rows.createQueryBuilder().update().set({ ...changesFor(event, row), revision: recorded.revision }).where('mrn = :mrn AND revision = :previous', { mrn, previous: recorded.revision - 1 }).execute();
}
