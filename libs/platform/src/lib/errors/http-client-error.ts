/**
 * What the HTTP server answers a request it cannot parse at all (Node's 'clientError', before express sees it):
 * headers over the server's limit (431; a URL of some 16 KB is one), a malformed request line or header (400), a
 * request not received in time (408). Node's own answer is a bare status line; this one carries the door's error
 * body, as every other refusal does, and then closes the connection as Node does. The cases are Node's own.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Failure } from './error-status.table';

type ErrorBody = (failure: Failure, correlationId: string | undefined) => unknown;

const FAILURES: Readonly<Record<string, Failure>> = {
  HPE_HEADER_OVERFLOW: { kind: 'validation', code: 'HTTP.431', message: 'the request line and headers are larger than this door accepts', details: [], httpStatus: 431 },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { kind: 'validation', code: 'HTTP.413', message: 'the request body is larger than this door accepts', details: [], httpStatus: 413 },
  ERR_HTTP_REQUEST_TIMEOUT: { kind: 'unavailable', code: 'HTTP.408', message: 'the request was not received in time; send it again', details: [], httpStatus: 408 },
};
const MALFORMED: Failure = { kind: 'validation', code: 'HTTP.400', message: 'the request could not be read: it is not well-formed HTTP', details: [], httpStatus: 400 };

/** Node's socket of a connection, with the response in flight on it (Node's own field, which its default reads). */
type ClientSocket = Duplex & { readonly _httpMessage?: { readonly headersSent?: boolean } | null };

export function answerClientError(errorBody: ErrorBody | undefined): (error: Error & { code?: string }, socket: ClientSocket) => void {
  return (error, socket) => {
    // A connection the client reset, or one whose response in flight has begun, gets nothing more (as from Node).
    if (error.code !== 'ECONNRESET' && socket.writable && !socket._httpMessage?.headersSent) {
      const failure = FAILURES[error.code ?? ''] ?? MALFORMED;
      const status = failure.httpStatus ?? 400;
      const { kind, code, message } = failure;
      const body = JSON.stringify(errorBody ? errorBody(failure, undefined) : { error: { kind, code, message } });
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
}
