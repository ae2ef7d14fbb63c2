/**
 * The arrival registration aggregate (`arrival-<mrn>`): one IE3N06 registered once, with what it did to each matched
 * filing. Pure; the handler matches filings and records their arrival on their own streams first.
 */
import type { Command, Decider } from '@ics2/domain';
import type { ArrivalEvent, ArrivalRegistered } from '@ics2/contracts';

export type RegisterArrival = Command<'RegisterArrival', ArrivalRegistered['data']>;
export type ArrivalState = { readonly status: 'none' } | { readonly status: 'registered'; readonly registration: ArrivalRegistered['data'] };

export const arrivalDecider: Decider<RegisterArrival, ArrivalEvent, ArrivalState, never> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'registered', registration: event.data }),
  decide: (command, state) => (state.status === 'none' ? [{ type: 'ArrivalRegistered', data: command.data }] : []),
};
