/** The Risk Information Form as a decider over `rif-<id>`: pure, no framework, no I/O, no clock. */
import type { Decider } from '@ics2/domain';
import type { RifEvent } from '@ics2/contracts';
import type { CrmsRefusal } from '../crms.refusals';
import type { RifCommand } from './rif.commands';
import { decide } from './rif.decide';
import { evolve } from './rif.evolve';
import { initialRifState, type RifState } from './rif.state';

export const rifDecider: Decider<RifCommand, RifEvent, RifState, CrmsRefusal> = { decide, evolve, initialState: initialRifState };
