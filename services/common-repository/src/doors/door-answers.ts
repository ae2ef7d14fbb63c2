/**
 * What every gRPC door of the repository shares: who the trader caller is, how a refusal becomes a status (one
 * table, the platform's), and ICS2 error items in their proto shape. No rule lives here.
 */
import type { Ics2Error } from '@ics2/contracts';
import type { commonRepositoryV1 } from '@ics2/contracts';
import { PlatformError, type Principal } from '@ics2/platform';
import type { FilingRefusal } from '../domain/filing.refusals';

export function traderEori(caller: Principal): string {
  if (caller.actor.kind !== 'trader') throw new PlatformError('permission', 'AUTH.ROLE', 'only economic operators send this message');
  return caller.actor.eori;
}

export function memberStateOf(caller: Principal): { memberState: string; userId: string } {
  if (caller.actor.kind !== 'member-state') throw new PlatformError('permission', 'AUTH.ROLE', 'only Member State users send this message');
  return { memberState: caller.actor.memberState, userId: caller.actor.userId };
}

export const toIssues = (errors: readonly Ics2Error[]): commonRepositoryV1.ValidationIssue[] =>
  errors.map((e) => ({ validation_code: e.code, pointer: e.pointer, description: e.description }));

/** Malformed requests: INVALID_ARGUMENT with the items, nothing written. */
export function invalidMessage(errors: readonly Ics2Error[]): PlatformError {
  return new PlatformError(
    'validation',
    'ENS.INVALID_MESSAGE',
    'the message is not valid',
    errors.map((e) => ({ validationCode: e.code, pointer: e.pointer, description: e.description })),
  );
}

/** An unknown MRN and one the caller may not see get the same answer. */
export const filingNotFound = (mrn: string) => new PlatformError('not-found', 'ENS.NOT_FOUND', `no filing ${mrn}`);

export function refusalError(refusal: FilingRefusal, mrn: string): PlatformError {
  switch (refusal.kind) {
    case 'not-found':
      return filingNotFound(mrn);
    case 'lifecycle':
      return new PlatformError(
        'precondition',
        'ENS.LIFECYCLE',
        refusal.errors.map((e) => e.description).join('; '),
        refusal.errors.map((e) => ({ validationCode: e.code, pointer: e.pointer, description: e.description })),
      );
    case 'not-applicable':
      return new PlatformError('precondition', 'ENS.NOT_APPLICABLE', refusal.reason);
    default: {
      const unhandled: never = refusal;
      return unhandled;
    }
  }
}
