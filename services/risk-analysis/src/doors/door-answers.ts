/** What the risk-analysis doors share: who the caller is, and how a refusal becomes a status (the platform's table). */
import { checkCharacterSet, isMrn } from '@ics2/domain';
import { PlatformError, type Principal } from '@ics2/platform';
import { RISK_PHASES, type MemberStateUser } from '@ics2/contracts';
import type { RiskRefusal } from '../domain/risk/risk.refusals';

export function memberStateUserOf(caller: Principal): MemberStateUser {
  if (caller.actor.kind !== 'member-state') throw new PlatformError('permission', 'AUTH.ROLE', 'only Member State risk units send this message');
  return { memberState: caller.actor.memberState, userId: caller.actor.userId };
}

export function traderOf(caller: Principal): string {
  if (caller.actor.kind !== 'trader') throw new PlatformError('permission', 'AUTH.ROLE', 'only economic operators answer referrals');
  return caller.actor.eori;
}

export const analysisNotFound = (mrn: string) => new PlatformError('not-found', 'RISK.NOT_FOUND', `no analysis of ${mrn} for this caller`);

/** `<phase>-<n>`, as analyse.ts numbers an ENS's analyses of a phase. */
const ANALYSIS_ID = new RegExp(`^(?:${RISK_PHASES.join('|')})-[1-9][0-9]{0,5}$`);

/**
 * Whether a request names an analysis as this service numbers them: an MRN and `<phase>-<n>`. Anything else is no
 * analysis of anyone's, answered as an unknown one (NOT_FOUND), before it reaches the store or a read model (an id
 * holding a NUL character was an internal error in PostgreSQL).
 */
export const namesAnalysis = (mrn: string, analysisId: string): boolean => isMrn(mrn) && ANALYSIS_ID.test(analysisId);

export function riskRefusalError(refusal: RiskRefusal, mrn: string): PlatformError {
  switch (refusal.kind) {
    case 'not-found':
      return analysisNotFound(mrn);
    case 'permission':
      return new PlatformError('permission', 'RISK.NOT_RESPONSIBLE', refusal.reason);
    case 'lifecycle':
      return new PlatformError('precondition', 'RISK.LIFECYCLE', refusal.reason, [{ validationCode: refusal.code, pointer: refusal.pointer ?? '', description: refusal.reason }]);
    default: {
      const unhandled: never = refusal;
      return unhandled;
    }
  }
}

export const invalid = (pointer: string, description: string, code = '12') => new PlatformError('validation', 'RISK.INVALID_MESSAGE', description, [{ validationCode: code, pointer, description }]);

/**
 * A risk unit's free text (what it asks, why it decides, where to control), required: 1 to `max` characters of the
 * ICS2 character set (Latin, Greek, Cyrillic; no control character: code 102, as at the trader door). The text goes
 * to the operator (IE3Q02, IE3Q01) and into the risk stream, whose store refuses a NUL character: unchecked, one
 * was an internal error at the append.
 */
export function textOf(value: string, pointer: string, max = 2_000): string {
  if (!value || value.length > max) throw invalid(pointer, `1 to ${max} characters`, value ? '12' : 'X01');
  const characters = checkCharacterSet(value);
  if (!characters.ok) throw invalid(pointer, characters.problem.reason, characters.problem.code);
  return value;
}

/** The same for an optional text: empty is absent (undefined). */
export const optionalTextOf = (value: string, pointer: string, max = 2_000): string | undefined => (value ? textOf(value, pointer, max) : undefined);
