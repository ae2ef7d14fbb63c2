import { ValidationCodeId, VALIDATION_CODES } from '@ics2/contracts';
import {
  isIcs2Territory,
  MRN_PROCEDURE_LETTERS,
  mrnParts,
  parseCountry,
  parseMrn,
  TransportDocumentType,
  Validated,
} from '@ics2/domain';
import { ErrorList } from './error-list';
import { parseUtcInstant } from './utc-instant';

/**
 * The small checks layer c is made of: each applies a value object or code list to one element and reports the
 * parser's problem (its own code: 12, 100 or 102) at that element's pointer.
 */

/** Reports a value object's problem at `pointer`; answers whether the value was valid. */
export function expectValid(result: Validated<unknown>, pointer: string, errors: ErrorList): boolean {
  if (result.ok) return true;
  const code = result.problem.code in VALIDATION_CODES ? (result.problem.code as ValidationCodeId) : '12';
  errors.add(code, pointer, result.problem.reason);
  return false;
}

export function expectInList(value: string | undefined, list: readonly string[], pointer: string, what: string, errors: ErrorList): void {
  if (value !== undefined && !list.includes(value)) errors.add('12', pointer, `${what} must be one of ${list.join(', ')}`);
}

export function expectPattern(value: string | undefined, pattern: RegExp, pointer: string, what: string, errors: ErrorList): void {
  if (value !== undefined && !pattern.test(value)) errors.add('12', pointer, `${what} is not well formed`);
}

export function expectCountry(value: string | undefined, pointer: string, errors: ErrorList): void {
  if (value !== undefined) expectValid(parseCountry(value), pointer, errors);
}

/** An addressed Member State: a country that runs ICS2 (the 27, XI, NO, CH). */
export function expectIcs2Territory(value: string | undefined, pointer: string, errors: ErrorList): void {
  if (value !== undefined && !isIcs2Territory(value)) errors.add('12', pointer, 'not a country where ICS2 applies');
}

export function expectInstant(value: string | undefined, pointer: string, errors: ErrorList): void {
  if (value !== undefined && parseUtcInstant(value) === undefined) {
    errors.add('12', pointer, 'must be a UTC instant YYYY-MM-DDThh:mm:ssZ (fractions of a second allowed)');
  }
}

/** The MRN of an ENS: valid by parseMrn (format and check digit) and with the ENS procedure letter. */
export function expectEnsMrn(value: string | undefined, pointer: string, errors: ErrorList): void {
  if (value === undefined) return;
  const mrn = parseMrn(value);
  if (expectValid(mrn, pointer, errors) && mrn.ok && mrnParts(mrn.value).procedure !== MRN_PROCEDURE_LETTERS.ens) {
    errors.add('12', pointer, `not the MRN of an ENS (procedure letter ${MRN_PROCEDURE_LETTERS.ens})`);
  }
}

/** A CL754 type the filing type accepts at this level ([] accepts none); `allowed` undefined accepts any CL754 type. */
export function expectDocumentType(
  type: string,
  allowed: readonly TransportDocumentType[] | undefined,
  pointer: string,
  errors: ErrorList,
): void {
  if (allowed !== undefined && !(allowed as readonly string[]).includes(type)) {
    const list = allowed.length > 0 ? `one of ${allowed.join(', ')}` : 'none';
    errors.add('12', pointer, `this filing type accepts ${list} here`);
  }
}
