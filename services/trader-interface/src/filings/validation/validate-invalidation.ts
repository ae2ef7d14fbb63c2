import { ErrorList } from './error-list';
import { checkTexts } from './free-text';
import { InvalidationRequestDto } from './invalidation.request.dto';
import { checkShape } from './shape';
import { guardStructure } from './structure-guard';
import { refused, Validation } from './validation-result';

/** What an IE3Q04 carries besides the MRN of the path. */
export interface Invalidation {
  readonly reason?: string;
}

/** IE3Q04: an object with at most a free-text reason (an..512, character set checked: 102). */
export function validateInvalidation(body: unknown): Validation<Invalidation> {
  const errors = new ErrorList();
  const guarded = guardStructure(body, errors);
  if (!guarded) return refused(errors);
  checkShape(InvalidationRequestDto, guarded.body, errors);
  if (errors.empty) checkTexts(guarded.texts, errors);
  return errors.empty ? { ok: true, value: guarded.body as Invalidation } : refused(errors);
}
