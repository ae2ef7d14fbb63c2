import { checkCharacterSet } from '@ics2/domain';
import { ErrorList } from './error-list';
import { pointerOfPath } from './json-pointer';
import { NonAsciiText } from './structure-guard';
import { expectValid } from './value-checks';

/**
 * Elements whose characters another check already reports: descriptionOfGoods goes through
 * checkGoodsDescription, which checks the character set first.
 */
export const CHARACTERS_CHECKED_ELSEWHERE: ReadonlySet<string> = new Set(['descriptionOfGoods']);

/**
 * Every string of the message passes checkCharacterSet (Latin, Greek, Cyrillic; 102 at the element). Every
 * string rather than a list of free-text elements: names, streets, cities, descriptions, marks and texts are the
 * ones that matter, but the coded elements have already passed stricter checks, so checking them too costs
 * nothing and means no free-text element can be forgotten. Printable ASCII is always allowed, so only the
 * strings the structure guard found to be something else are checked.
 */
export function checkTexts(texts: readonly NonAsciiText[], errors: ErrorList): void {
  for (const text of texts) {
    if (errors.full) return;
    if (!CHARACTERS_CHECKED_ELSEWHERE.has(text.element)) expectValid(checkCharacterSet(text.value), pointerOfPath(text.path), errors);
  }
}
