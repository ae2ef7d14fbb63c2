/**
 * Who a verified token says the caller is: an `Actor` from the domain plus the roles doors check. Pure, so the
 * claim rules are unit-tested without keys.
 *
 * Claims: `role` (trader | member-state | auditor | admin) and `sub`. A trader's `sub` is its EORI; a Member
 * State user's `sub` is the user id and `ms` the 2-letter Member State code; auditors and admins are `sub`. Greece
 * may come as EU usage `EL` or ISO `GR`: the actor carries `GR`, as every filing's responsible and involved Member
 * States do (libs/domain country.ts), so both tokens reach the same filings and signal stream.
 */
import { normaliseMemberStateCode, type Actor } from '@ics2/domain';
import { PlatformError } from '../errors/platform-error';

export const ROLES = ['trader', 'member-state', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly actor: Actor;
  readonly roles: readonly Role[];
}

/** EORI: the 2-letter country code, then up to 15 alphanumerics (upper case). */
export const EORI_PATTERN = /^[A-Z]{2}[A-Z0-9]{1,15}$/;
export const MEMBER_STATE_PATTERN = /^[A-Z]{2}$/;
// Identifiers only, and log-safe: they end up in every request's log line.
export const USER_ID_PATTERN = /^[A-Za-z0-9._@:-]{1,128}$/;

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export type ClaimsResult = { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): ClaimsResult => ({ ok: false, reason });

export function principalFromClaims(claims: Readonly<Record<string, unknown>>): ClaimsResult {
  const { role, sub, ms } = claims;
  if (!isRole(role)) return refuse(`role must be one of ${ROLES.join(', ')}`);
  if (typeof sub !== 'string') return refuse('sub is missing');
  const roles = [role];
  switch (role) {
    case 'trader':
      if (!EORI_PATTERN.test(sub)) return refuse('a trader token needs sub = EORI (2 letters + up to 15 letters or digits)');
      return { ok: true, principal: { actor: { kind: 'trader', eori: sub }, roles } };
    case 'member-state':
      if (typeof ms !== 'string' || !MEMBER_STATE_PATTERN.test(ms)) return refuse('a member-state token needs ms = a 2-letter Member State code');
      if (!USER_ID_PATTERN.test(sub)) return refuse('sub must be a user id of letters, digits and ._@:-');
      return { ok: true, principal: { actor: { kind: 'member-state', memberState: normaliseMemberStateCode(ms), userId: sub }, roles } };
    case 'auditor':
    case 'admin':
      if (!USER_ID_PATTERN.test(sub)) return refuse('sub must be a user id of letters, digits and ._@:-');
      return { ok: true, principal: { actor: { kind: role, userId: sub }, roles } };
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

/** The Member State user behind a principal, for doors only Member State users pass (a permission error otherwise). */
export function memberStateUserOf(caller: Principal, refusal = 'only Member State users send this message'): { readonly memberState: string; readonly userId: string } {
  if (caller.actor.kind !== 'member-state') throw new PlatformError('permission', 'AUTH.ROLE', refusal);
  return { memberState: caller.actor.memberState, userId: caller.actor.userId };
}
