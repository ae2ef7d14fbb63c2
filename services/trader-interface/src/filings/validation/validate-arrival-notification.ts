import { ArrivalNotification } from '@ics2/contracts';
import { checkArrivalRules, checkArrivalValues } from './arrival-rules';
import { ArrivalNotificationRequestDto } from './arrival-notification.request.dto';
import { ErrorList } from './error-list';
import { checkShape } from './shape';
import { guardStructure } from './structure-guard';
import { refused, SenderContext, Validation } from './validation-result';

/**
 * IE3N06: syntax and semantic validation of an arrival notification, in the filing's layers (structure, shape,
 * codes, rules). Whether the sender may notify the arrival of the matched filings is the common repository's
 * decision, so `context` is not read here.
 */
export function validateArrivalNotification(body: unknown, _context: SenderContext): Validation<ArrivalNotification> {
  const errors = new ErrorList();
  const guarded = guardStructure(body, errors);
  if (!guarded) return refused(errors);
  checkShape(ArrivalNotificationRequestDto, guarded.body, errors);
  if (!errors.empty) return refused(errors);
  const notification = guarded.body as unknown as ArrivalNotification;
  checkArrivalValues(notification, errors);
  if (!errors.empty) return refused(errors);
  checkArrivalRules(notification, guarded.texts, errors);
  return errors.empty ? { ok: true, value: notification } : refused(errors);
}
