import type { EnsEvent } from '@ics2/contracts';
import type { RecordArrival } from '../filing.commands';
import { notFound, type FilingRefusal } from '../filing.refusals';
import { maySee, type FilingState } from '../filing.state';
import { outOfSequence } from '../rejections';
import { LIFECYCLE } from '../rules/lifecycle.table';

/**
 * A registered arrival (IE3N06 -> IE3R04) matched this filing. Arrival is notified once, at the first EU place:
 * a filing that is already arrived, presented, invalidated or rejected cannot become arrived (IE3N07). The
 * notifier must be a party the filing names (its carrier, usually); to anyone else the MRN is unknown.
 */
export function recordArrival(command: RecordArrival['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || !maySee(state, command.notifiedBy)) return notFound;
  const verdict = LIFECYCLE.RecordArrival[state.status];
  if (verdict !== 'ok') {
    return [
      { type: 'EnsArrivalRefused', data: { mrn: state.mrn, arrivalMrn: command.arrivalMrn, errors: [outOfSequence(verdict)], refusedAt: command.at, notifiedBy: command.notifiedBy } },
    ];
  }
  return [
    {
      type: 'EnsFilingArrived',
      data: { mrn: state.mrn, arrivalMrn: command.arrivalMrn, arrivedAt: command.arrivedAt, officeOfArrival: command.officeOfArrival, notifiedBy: command.notifiedBy },
    },
  ];
}
