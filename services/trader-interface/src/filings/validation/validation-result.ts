import { Ics2Error } from '@ics2/contracts';
import { ErrorList } from './error-list';

/**
 * What every entry point of the trader door's validation answers: the message as a typed value, or the IE3N99
 * errors ({ code, pointer, description }), sorted by pointer and never empty.
 */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Ics2Error[] };

/** The sender of a message: the EORI of the bearer token's subject, never a value read from the body. */
export interface SenderContext {
  readonly sender: string;
}

/** The refusal carrying every error found, sorted. */
export const refused = (errors: ErrorList): Validation<never> => ({ ok: false, errors: errors.sorted() });
