/**
 * The validation codes the platform answers with (IE3N99 / IE3N01 `validationCode`, CL723 style an..8).
 * ICS2's own codes (ics2-reference 13.1): 12, 92, 100, 102. Where ICS2 publishes none for a rule, the project
 * defines its own, prefixed `X` so they cannot collide with a future CL723 value.
 */
export const VALIDATION_CODES = {
  /** Incorrect value: wrong format, code-list violation, or a rule broken. [V weak] */
  '12': 'incorrect value, rule or code-list violation',
  /** Message out of sequence: the filing is not in a state that accepts this message. [V weak] */
  '92': 'message out of sequence',
  /** Unsatisfactory data quality: missing data, stop words, meaningless text. [V weak] */
  '100': 'unsatisfactory data quality',
  /** A character outside Latin, Greek and Cyrillic. [V] */
  '102': 'not allowed Unicode character',
  /** Project: a required element is missing (ICS2 would answer 12 or 100; kept apart for clearer feedback). */
  X01: 'required element missing',
  /** Project: the LRN was already used by this declarant for a different filing. */
  X02: 'LRN already used for another filing',
  /** Project: the sender is neither the declarant nor the representative named in the message. */
  X03: 'sender is not the declarant or its representative',
  /** Project: an element that may not be amended was changed. */
  X04: 'element may not be amended',
  /** Project: a size limit of the specifications was exceeded (99,999 houses, 9,999 items, 99 countries...). */
  X05: 'too many occurrences',
  /** Project: the request is not JSON, or not a JSON object, or has an element of the wrong JSON type. */
  X06: 'malformed message',
  /** Project: an element the message does not define (unknown, or `__proto__`-style keys). */
  X07: 'element not allowed',
  /** Project: the unique linking key is already used by another open filing of the same level. */
  X08: 'unique linking key already used',
  /** Project: the caller is not authenticated, or not allowed this message. */
  X09: 'sender not authorised',
  /** Project: the platform could not process the message now (outage, internal error); retry later. */
  X10: 'message could not be processed',
  /** Project: the message id (the trader door's Idempotency-Key) was already used by this sender for another message. */
  X11: 'message id already used for another message',
} as const;

export type ValidationCodeId = keyof typeof VALIDATION_CODES;
