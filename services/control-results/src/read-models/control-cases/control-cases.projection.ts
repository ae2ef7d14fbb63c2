/**
 * Control events into control_cases: the queue of the Member State of control. A row records the stream revision
 * it reflects; an event applies once (a redelivery finds the revision passed).
 */
import type { ControlEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import type { ReadModelTransaction } from '@ics2/platform';
import { withMemberStatesAsIso } from '../../domain/member-states-as-iso';
import { ControlCaseRow } from './control-case.row';

export async function projectControlCase(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as ControlEvent;
  const rows = tx.manager.getRepository(ControlCaseRow);
  const { mrn, caseId } = event.data;
  if (event.type === 'ControlCaseOpened') {
    // An old case may say EL for Greece: the queue is read under GR, the code a Greek token carries.
    const d = withMemberStatesAsIso(event.data);
    await rows
      .createQueryBuilder()
      .insert()
      .values(
        Object.assign(new ControlCaseRow(), {
          mrn,
          caseId,
          revision: recorded.revision,
          status: 'awaiting-decision',
          memberStateOfControl: d.memberStateOfControl,
          responsibleMemberState: d.responsibleMemberState,
          involvedMemberStates: [...d.involvedMemberStates],
          controlType: d.recommendation.controlType,
          openedAt: new Date(d.openedAt),
        }),
      )
      .orIgnore()
      .execute();
    return;
  }
  const row = await rows.findOneBy({ mrn, caseId });
  if (!row || row.revision >= recorded.revision) return;
  const status = event.type === 'ControlDecided' ? (event.data.control ? 'decided-control' : 'decided-no-control') : 'result-recorded';
  await rows.update({ mrn, caseId }, { revision: recorded.revision, status, ...(event.type === 'ControlDecided' && event.data.controlType ? { controlType: event.data.controlType } : {}) });
}
