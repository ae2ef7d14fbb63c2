/**
 * What every crms door shares: who the caller is in CRMS terms, the ids it allocates, and how a refusal becomes a
 * status through the platform's one table. A refusal's rule is its error code (`CRMS.<rule>`), its sentence the
 * message; invalid content carries every problem as an ICS2 item with its JSON pointer.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { crmsV1, RifAuthor } from '@ics2/contracts';
import { PlatformError, type Principal } from '@ics2/platform';
import type { CrmsRefusal } from '../domain/crms.refusals';
import { REFUSAL_TEXT } from '../domain/refusal-rules.table';
import { isCrmsParticipant } from '../domain/rules/participants.table';
import type { RifOutcome } from './crms-commands';

/**
 * A Member State's risk unit acts for its Member State; role admin is the Commission. A Member State token of a
 * place outside CRMS (Northern Ireland, which runs ICS2, or any other) is refused at every door: it was refused
 * drafting, but read and gave feedback on every RIF and crisis alert addressed to all Member States.
 */
export function crmsCallerOf(caller: Principal): RifAuthor {
  const a = caller.actor;
  if (a.kind === 'member-state') {
    if (!isCrmsParticipant(a.memberState)) throw new PlatformError('permission', 'CRMS.CRMS_NOT_PARTICIPANT', REFUSAL_TEXT.CRMS_NOT_PARTICIPANT);
    return { kind: 'member-state', memberState: a.memberState, userId: a.userId };
  }
  if (a.kind === 'admin') return { kind: 'commission', userId: a.userId };
  throw new PlatformError('permission', 'AUTH.ROLE', 'CRMS is for Member State risk units and the Commission');
}

export type Subject = 'RIF' | 'PCA' | 'CRISIS';

export const notFoundError = (subject: Subject, id: string) => new PlatformError('not-found', `${subject}.NOT_FOUND`, `no ${subject === 'PCA' ? 'campaign' : subject === 'RIF' ? 'RIF' : 'crisis alert'} ${id} for this caller`);

export function refusalError(refusal: CrmsRefusal, subject: Subject, id: string): PlatformError {
  switch (refusal.kind) {
    case 'not-found':
      return notFoundError(subject, id);
    case 'permission':
      return new PlatformError('permission', `CRMS.${refusal.rule}`, REFUSAL_TEXT[refusal.rule]);
    case 'lifecycle':
      return new PlatformError('precondition', `CRMS.${refusal.rule}`, REFUSAL_TEXT[refusal.rule], [{ validationCode: '92', pointer: '', description: REFUSAL_TEXT[refusal.rule] }]);
    case 'conflict':
      return new PlatformError('conflict', `CRMS.${refusal.rule}`, REFUSAL_TEXT[refusal.rule]);
    case 'invalid':
      return new PlatformError(
        'validation',
        'CRMS.INVALID',
        'the request breaks a CRMS rule',
        refusal.errors.map((e) => ({ validationCode: e.code, pointer: e.pointer, description: REFUSAL_TEXT[e.rule] })),
      );
    default: {
      const unhandled: never = refusal;
      return unhandled;
    }
  }
}

export interface Issue {
  readonly validationCode: string;
  readonly pointer: string;
  readonly description: string;
}

/** X01: a required element is missing; 12: a value is not right; X06: not JSON. */
export const issue = (pointer: string, description: string, validationCode = '12'): Issue => ({ validationCode, pointer, description });

/** Malformed input: refused at the door, every problem at once, nothing written. */
export function throwIfIssues(issues: readonly Issue[]): void {
  if (issues.length) throw new PlatformError('validation', 'CRMS.INVALID_MESSAGE', 'the request is malformed', issues);
}

const MESSAGE_ID = /^[\x21-\x7e]{1,100}$/;

/** The caller's own request id: printable, up to 100 characters; empty when it gave none. */
export function messageIdOf(messageId: string): string {
  if (messageId !== '' && !MESSAGE_ID.test(messageId)) throwIfIssues([issue('/messageId', '1 to 100 printable characters')]);
  return messageId;
}

/** Whom a caller's ids belong to: its Member State (any of its users acts for it), or EU for the Commission. */
const scopeOf = (by: RifAuthor): string => (by.kind === 'commission' ? 'EU' : by.memberState);

/**
 * A retry with the same message id from the same Member State (the Commission) is the same command; without one,
 * every call is new. A message id is the caller's own: another's same id on the same RIF is another command (it
 * was answered with the first's reply, so a second recipient's feedback was lost, and a caller not addressed got
 * the RIF's status where it gets NOT_FOUND).
 */
export const commandIdOf = (rpc: string, id: string, by: RifAuthor, messageId: string): string => `${rpc}:${id}:${scopeOf(by)}:${messageId || randomUUID()}`;

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A new RIF's, campaign's or alert's id: `<prefix>-<DE|EU>-<10 letters and digits>`, derived from the caller's
 * Member State (or EU) and its message id, so a retried request names the same one; random without a message id.
 */
export function allocateId(prefix: 'RIF' | 'PCA' | 'CRISIS', by: RifAuthor, messageId: string): string {
  const scope = scopeOf(by);
  const digest = createHash('sha256').update(`${prefix}\u001f${scope}\u001f${messageId || randomUUID()}`).digest();
  const suffix = Array.from(digest.subarray(0, 10), (b) => BASE32[b % 32]).join('');
  return `${prefix}-${scope}-${suffix}`;
}

const ID = /^(RIF|PCA|CRISIS)-[A-Z]{2}-[A-Z0-9]{10}$/;

/** An id that is not one crms gives out is simply not found: it is never looked up. */
export const isCrmsId = (prefix: 'RIF' | 'PCA' | 'CRISIS', id: string): boolean => ID.test(id) && id.startsWith(`${prefix}-`);

/** What a mutating RIF door answers: the RIF's status after the command; a refusal becomes its status. */
export function rifReplyOf(rifId: string, outcome: RifOutcome): crmsV1.RifReply {
  if (outcome.kind === 'refused') throw refusalError(outcome.refusal, 'RIF', rifId);
  return { rif_id: rifId, status: outcome.state.status, replayed: outcome.kind === 'replayed' };
}
