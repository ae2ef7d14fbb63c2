/** What the risk-analysis doors share: who the caller is, and how a refusal becomes a status (the platform's table). */
import { PlatformError, type Principal } from '@ics2/platform';
import type { MemberStateUser } from '@ics2/contracts';
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
