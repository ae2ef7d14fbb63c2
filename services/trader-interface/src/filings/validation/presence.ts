import { ErrorList } from './error-list';
import { childPointer } from './json-pointer';

/**
 * A missing element or data group is reported with the project's X01 ("required element missing"), at the
 * pointer of the first element on its path that is absent (so the parent always exists) or at the empty list.
 * ICS2 would answer 12 or 100; the shape layer's missing mandatory elements use X01 too, so a client sees one
 * code for "you left something out", and 100 stays for data quality (stop words, meaningless text).
 */
export function requireElement(node: unknown, base: string, path: readonly string[], errors: ErrorList, what: string): boolean {
  let current: unknown = node;
  let pointer = base;
  for (const segment of path) {
    pointer = childPointer(pointer, segment);
    current = isRecord(current) ? current[segment] : undefined;
    if (current === undefined) {
      errors.add('X01', pointer, `required for this filing type: ${what}`);
      return false;
    }
  }
  if (Array.isArray(current) && current.length === 0) {
    errors.add('X01', pointer, `at least one is required for this filing type: ${what}`);
    return false;
  }
  return true;
}

/**
 * A required party is present when it is identified (EORI) or named with an address. [U] the reference gives
 * the parties' elements, not their conditions; this follows the UCC's rule that name and address are needed
 * where the identification number is not given.
 */
export function requireParty(party: unknown, pointer: string, errors: ErrorList, what: string): boolean {
  if (!isRecord(party)) {
    errors.add('X01', pointer, `required for this filing type: ${what}`);
    return false;
  }
  if (party.identificationNumber !== undefined) return true;
  let present = true;
  for (const element of ['name', 'address']) {
    if (party[element] === undefined) {
      errors.add('X01', childPointer(pointer, element), `${what} needs an identification number, or a name and an address`);
      present = false;
    }
  }
  return present;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
