/** What the control-results doors share: how a refusal becomes a coded error (the platform's status table). */
import { PlatformError } from '@ics2/platform';
import type { ControlRefusal } from '../domain/control-case.refusals';

export const caseNotFound = (mrn: string, caseId: string) => new PlatformError('not-found', 'CONTROL.NOT_FOUND', `no control case ${caseId || '(none)'} of ${mrn || '(none)'} for this caller`);

export const invalid = (pointer: string, description: string, code = '12') =>
  new PlatformError('validation', 'CONTROL.INVALID_MESSAGE', description, [{ validationCode: code, pointer, description }]);

export function controlRefusalError(refusal: ControlRefusal, mrn: string, caseId: string): PlatformError {
  switch (refusal.kind) {
    case 'not-found':
      return caseNotFound(mrn, caseId);
    case 'permission':
      return new PlatformError('permission', 'CONTROL.NOT_MEMBER_STATE_OF_CONTROL', refusal.reason);
    case 'lifecycle':
      // 12: a value the case does not allow (its content); 92: a message the case's state does not allow.
      return refusal.code === '12'
        ? invalid(refusal.pointer, refusal.reason)
        : new PlatformError('precondition', 'CONTROL.LIFECYCLE', refusal.reason, [{ validationCode: refusal.code, pointer: refusal.pointer, description: refusal.reason }]);
    default: {
      const unhandled: never = refusal;
      return unhandled;
    }
  }
}
