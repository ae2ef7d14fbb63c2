/** The ENS filing aggregate as a decider over `ens-<mrn>`: pure, no framework, no I/O, no clock. */
import type { Decider } from '@ics2/domain';
import type { EnsEvent } from '@ics2/contracts';
import type { FilingCommand } from './filing.commands';
import { decide } from './filing.decide';
import { evolve } from './filing.evolve';
import type { FilingRefusal } from './filing.refusals';
import { initialFilingState, type FilingState } from './filing.state';

export const filingDecider: Decider<FilingCommand, EnsEvent, FilingState, FilingRefusal> = {
  decide,
  evolve,
  initialState: initialFilingState,
};
