/**
 * ONE table from error kind to HTTP and gRPC status, and the rule that classifies any thrown value into a row.
 * Both doors' filters read it, so a refusal means the same thing whichever door it leaves by.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AppendTooLargeError, EventStoreUnavailableError, IdempotencyConflictError, isPostgresUnavailable, WrongExpectedRevisionError } from '@ics2/event-store';
import { PlatformError, type ErrorDetail, type ErrorKind } from './platform-error';

export type FailureKind = ErrorKind | 'internal';

export const ERROR_STATUS: Readonly<Record<FailureKind, { readonly http: number; readonly grpc: GrpcStatus }>> = {
  validation: { http: 400, grpc: GrpcStatus.INVALID_ARGUMENT },
  unauthenticated: { http: 401, grpc: GrpcStatus.UNAUTHENTICATED },
  permission: { http: 403, grpc: GrpcStatus.PERMISSION_DENIED },
  'not-found': { http: 404, grpc: GrpcStatus.NOT_FOUND },
  // ABORTED is gRPC's word for "concurrency conflict, retry the whole read-decide-write".
  conflict: { http: 409, grpc: GrpcStatus.ABORTED },
  // 422, not 400: the request was well formed but the state of things forbids it.
  precondition: { http: 422, grpc: GrpcStatus.FAILED_PRECONDITION },
  unavailable: { http: 503, grpc: GrpcStatus.UNAVAILABLE },
  internal: { http: 500, grpc: GrpcStatus.INTERNAL },
};

/** What a caller may learn about a failure. `internal` carries no detail of the cause. */
export interface Failure {
  readonly kind: FailureKind;
  readonly code: string;
  readonly message: string;
  readonly details: readonly ErrorDetail[];
  /** An HTTP status more precise than the kind's own (413 too large, 415 not JSON): kept, not folded into 400. */
  readonly httpStatus?: number;
}

export const INTERNAL_FAILURE: Failure = { kind: 'internal', code: 'INTERNAL', message: 'internal error', details: [] };

const HTTP_STATUS_KIND: Readonly<Record<number, ErrorKind>> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'permission',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition',
  422: 'precondition',
  503: 'unavailable',
};

function kindOfGrpcStatus(code: number): FailureKind {
  const row = Object.entries(ERROR_STATUS).find(([, s]) => s.grpc === code);
  return (row?.[0] as FailureKind | undefined) ?? 'internal';
}

function fromHttpException(e: HttpException): Failure {
  const httpStatus = e.getStatus();
  if (httpStatus >= 500 && httpStatus !== 503) return INTERNAL_FAILURE;
  // Other 4xx (405, 413, 415, 429...) are all "the request itself is not acceptable".
  const kind = HTTP_STATUS_KIND[httpStatus] ?? 'validation';
  // The services never throw a bare 400 themselves: one is the framework's (a body that is not JSON, a broken URL),
  // and its text is the parser's, not worth showing.
  const message = httpStatus === 400 ? 'the request could not be read: its JSON body or its URL is malformed' : e.message;
  return { kind, code: `HTTP.${httpStatus}`, message, details: [], httpStatus };
}

function fromRpcException(e: RpcException): Failure {
  const error = e.getError();
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number') {
    const kind = kindOfGrpcStatus((error as { code: number }).code);
    return kind === 'internal' ? INTERNAL_FAILURE : { kind, code: `GRPC.${GrpcStatus[ERROR_STATUS[kind].grpc]}`, message: e.message, details: [] };
  }
  return INTERNAL_FAILURE;
}

/**
 * The JSON body parser's own errors (body-parser): a body too large, not JSON, or in an unsupported encoding, each
 * with its `type`; and a body that does not decode in the content encoding it names (gzip, deflate, br), which is
 * zlib's error given the client's status (400, `expose`) but no type.
 */
function fromBodyParser(error: unknown): Failure | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  if ((typeof type !== 'string' && expose !== true) || typeof status !== 'number' || status < 400 || status >= 500) return null;
  const messages: Record<string, string> = {
    'entity.too.large': 'the request body is larger than this door accepts',
    'entity.parse.failed': 'the request body is not valid JSON',
    'encoding.unsupported': 'the request body has an unsupported encoding',
    'charset.unsupported': 'the request body has an unsupported charset',
  };
  return { kind: 'validation', code: `HTTP.${status}`, message: (typeof type === 'string' ? messages[type] : undefined) ?? 'the request body cannot be read', details: [], httpStatus: status };
}

/**
 * Codes answered over HTTP with a status of their own rather than their kind's, wherever they come from: a peer's
 * refusal over gRPC keeps its code (grpc-unary-client.ts), so an HTTP door answers it as the peer's own door would.
 */
const HTTP_STATUS_OF_CODE: Readonly<Record<string, number>> = {
  // What the request records will never fit the event store as configured: the request is too large (413).
  'EVENT_STORE.APPEND_TOO_LARGE': 413,
};

/** Classifies anything thrown behind a door. Unknown errors become `internal`: their text never reaches the caller. */
export function toFailure(error: unknown): Failure {
  if (error instanceof PlatformError) {
    const httpStatus = Object.hasOwn(HTTP_STATUS_OF_CODE, error.code) ? HTTP_STATUS_OF_CODE[error.code] : undefined;
    return { kind: error.kind, code: error.code, message: error.message, details: error.details, ...(httpStatus === undefined ? {} : { httpStatus }) };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { kind: 'conflict', code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', message: 'the record changed while this request was handled; retry', details: [] };
  }
  if (error instanceof IdempotencyConflictError) {
    return { kind: 'conflict', code: 'EVENT_STORE.IDEMPOTENCY_CONFLICT', message: 'these identifiers were already used for a different request', details: [] };
  }
  if (error instanceof AppendTooLargeError) {
    // The request is well formed, but what it records will never fit this store as it is configured: not retried.
    const message = 'what this request records is larger than the event store takes';
    const code = 'EVENT_STORE.APPEND_TOO_LARGE';
    return { kind: 'validation', code, message, details: [{ validationCode: 'X10', pointer: '', description: message }], httpStatus: HTTP_STATUS_OF_CODE[code] };
  }
  if (error instanceof EventStoreUnavailableError) {
    return { kind: 'unavailable', code: 'EVENT_STORE.UNAVAILABLE', message: 'the event store is unavailable; retry later', details: [] };
  }
  // The read models' database (TypeORM, pg) down, restarting, or its pool giving no connection in time: the same
  // outage, to retry later, not an internal error logged with a stack for every request it fails.
  if (isPostgresUnavailable(error)) {
    return { kind: 'unavailable', code: 'DATABASE.UNAVAILABLE', message: 'the database is unavailable; retry later', details: [] };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const bodyError = fromBodyParser(error);
  if (bodyError) return bodyError;
  if (error instanceof RpcException) return fromRpcException(error);
  return INTERNAL_FAILURE;
}
