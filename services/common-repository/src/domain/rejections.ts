/** Builds the ICS2 error items (IE3N01 / IE3N07) the decider records: a CL723 code, a pointer, a description. */
import type { Ics2Error } from '@ics2/contracts';
import type { LifecycleVerdict } from './rules/lifecycle.table';

export const ics2Error = (code: string, pointer: string, description: string): Ics2Error => ({ code, pointer, description });

/** A state that does not accept the message: code 92 on the message as a whole. */
export const outOfSequence = (verdict: Exclude<LifecycleVerdict, 'ok'>): Ics2Error => ics2Error(verdict.code, '', verdict.reason);
