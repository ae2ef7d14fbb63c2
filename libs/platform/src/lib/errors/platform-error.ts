/**
 * The one error taxonomy of the platform. Code anywhere behind a door throws `PlatformError` for an expected
 * failure; the door's filter turns its kind into an HTTP or gRPC status through `ERROR_STATUS`.
 */

export const ERROR_KINDS = ['validation', 'not-found', 'conflict', 'permission', 'unauthenticated', 'precondition', 'unavailable'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** One ICS2-style problem in a request: a validation code (e.g. CL723 / IE3N99 code), where, and what. */
export interface ErrorDetail {
  readonly validationCode: string;
  /** JSON pointer into the request, e.g. `/consignment/goodsItems/0/commodityCode`. */
  readonly pointer: string;
  readonly description?: string;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable, e.g. `AUTH.TOKEN_EXPIRED`, `ENS.NOT_FOUND`; callers branch on this, never on the message. */
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}
