/**
 * An ICS2 error item (IE3N99 / IE3N01 `errors`): a CL723 validation code and a JSON pointer into the message it
 * refers to. Codes are the project's validation-code table (validation-codes.table.ts).
 */
export interface Ics2Error {
  readonly code: string;
  /** RFC 6901 pointer into the request body ('' or '/' for the message as a whole). */
  readonly pointer: string;
  readonly description: string;
}
