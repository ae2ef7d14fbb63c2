/**
 * The one result shape every value object returns. A wrong value is an expected outcome at the door (IE3N99),
 * not a bug, so parsers return it as data with a stable CL723 code instead of throwing (STYLE.md "Refusals").
 */

/** ICS2 CL723 validation codes used by the project; '12' incorrect value/rule/code list, '100' data quality, '102' character set, '92' out of sequence. */
export type ValidationCode = '12' | '92' | '100' | '102' | string;

/** `reason` is short English, meant for the IE3N99 `description` field; tests assert the code, never the text. */
export interface ValidationProblem {
  readonly code: ValidationCode;
  readonly reason: string;
}

export type Valid<T> = { readonly ok: true; readonly value: T };
export type Invalid = { readonly ok: false; readonly problem: ValidationProblem };
export type Validated<T> = Valid<T> | Invalid;

/**
 * A nominal type: `Brand<string, 'Eori'>` is a string that only a parser can produce, so a raw string cannot be
 * passed where an EORI is expected.
 */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };

export const valid = <T>(value: T): Valid<T> => ({ ok: true, value });

export const invalid = (code: ValidationCode, reason: string): Invalid => ({ ok: false, problem: { code, reason } });

/** CL723 codes by name, so callers do not scatter string literals. */
export const VALIDATION_CODES = {
  incorrectValue: '12',
  outOfSequence: '92',
  dataQuality: '100',
  characterSet: '102',
} as const satisfies Record<string, ValidationCode>;
