import { status } from '@grpc/grpc-js';
import { BadRequestException, ForbiddenException, InternalServerErrorException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { AppendTooLargeError, EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '@ics2/event-store';
import { QueryFailedError } from 'typeorm';
import { ERROR_STATUS, INTERNAL_FAILURE, toFailure } from './error-status.table';
import { ERROR_KINDS, PlatformError } from './platform-error';

describe('ERROR_STATUS', () => {
  it('gives every kind one HTTP and one gRPC status', () => {
    expect(Object.fromEntries(Object.entries(ERROR_STATUS).map(([k, v]) => [k, [v.http, status[v.grpc]]]))).toEqual({
      validation: [400, 'INVALID_ARGUMENT'],
      unauthenticated: [401, 'UNAUTHENTICATED'],
      permission: [403, 'PERMISSION_DENIED'],
      'not-found': [404, 'NOT_FOUND'],
      conflict: [409, 'ABORTED'],
      precondition: [422, 'FAILED_PRECONDITION'],
      unavailable: [503, 'UNAVAILABLE'],
      internal: [500, 'INTERNAL'],
    });
    for (const kind of ERROR_KINDS) expect(ERROR_STATUS[kind]).toBeDefined();
  });

  it('no two kinds share a gRPC status, so the mapping can be read back', () => {
    const codes = Object.values(ERROR_STATUS).map((s) => s.grpc);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('toFailure', () => {
  it('keeps a PlatformError with its ICS2 details', () => {
    const details = [{ validationCode: '12', pointer: '/consignment/0/weight', description: 'must be positive' }];
    expect(toFailure(new PlatformError('validation', 'ENS.INVALID', 'the filing is invalid', details))).toEqual({
      kind: 'validation',
      code: 'ENS.INVALID',
      message: 'the filing is invalid',
      details,
    });
  });

  it('maps event-store errors', () => {
    expect(toFailure(new WrongExpectedRevisionError('ens-1', 3, 4))).toMatchObject({ kind: 'conflict', code: 'EVENT_STORE.WRONG_EXPECTED_REVISION' });
    expect(toFailure(new IdempotencyConflictError('ens-1', ['e1']))).toMatchObject({ kind: 'conflict', code: 'EVENT_STORE.IDEMPOTENCY_CONFLICT' });
    expect(toFailure(new EventStoreUnavailableError('connection refused'))).toMatchObject({ kind: 'unavailable', code: 'EVENT_STORE.UNAVAILABLE' });
    // Well formed, but never to fit this store as configured: a refusal of the request (413), coded, not an internal error.
    expect(toFailure(new AppendTooLargeError('ens-1', 1_048_576, 2_000_000))).toEqual({
      kind: 'validation',
      code: 'EVENT_STORE.APPEND_TOO_LARGE',
      message: 'what this request records is larger than the event store takes',
      details: [{ validationCode: 'X10', pointer: '', description: 'what this request records is larger than the event store takes' }],
      httpStatus: 413,
    });
  });

  // The read models' database, queried by a door through TypeORM or pg: down, restarting or its pool exhausted is
  // the same outage as the event store's, to retry later, never an internal error with a stack per request.
  it.each<[string, unknown]>([
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })],
    ['pool that gave no connection in time', new Error('timeout exceeded when trying to connect')],
    ['dropped connection', new Error('Connection terminated unexpectedly')],
    ['server shutting down, through TypeORM', new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
    ['server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
  ])('answers a database that cannot serve now (%s) as unavailable, to retry later', (_case, error) => {
    expect(toFailure(error)).toEqual({ kind: 'unavailable', code: 'DATABASE.UNAVAILABLE', message: 'the database is unavailable; retry later', details: [] });
  });

  it('keeps any other database error internal, and a file that is not there', () => {
    const duplicate = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' }));
    expect(toFailure(duplicate)).toEqual(INTERNAL_FAILURE);
    expect(toFailure(Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: 'ENOENT', syscall: 'open' }))).toEqual(INTERNAL_FAILURE);
  });

  it("answers a peer's APPEND_TOO_LARGE, come over gRPC as a PlatformError, 413 as the peer's own door would", () => {
    const peer = toFailure(new PlatformError('validation', 'EVENT_STORE.APPEND_TOO_LARGE', 'too large', [{ validationCode: 'X10', pointer: '' }]));
    expect(peer).toMatchObject({ kind: 'validation', details: [{ validationCode: 'X10' }], httpStatus: 413 });
    // A code named like an object's own property is no code of the table.
    expect(toFailure(new PlatformError('validation', 'constructor', 'odd'))).not.toHaveProperty('httpStatus');
  });

  it('does not pass the event store message on (it names streams)', () => {
    expect(toFailure(new WrongExpectedRevisionError('ens-SECRET', 3, 4)).message).not.toContain('SECRET');
    expect(JSON.stringify(toFailure(new AppendTooLargeError('ens-SECRET', 1_024, 2_048)))).not.toContain('SECRET');
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toFailure(new NotFoundException('Cannot GET /x'))).toMatchObject({ kind: 'not-found', code: 'HTTP.404' });
    expect(toFailure(new BadRequestException())).toMatchObject({ kind: 'validation', code: 'HTTP.400' });
    expect(toFailure(new ForbiddenException())).toMatchObject({ kind: 'permission' });
    expect(toFailure(new PayloadTooLargeException())).toMatchObject({ kind: 'validation', code: 'HTTP.413' });
    expect(toFailure(new InternalServerErrorException('db password is hunter2'))).toEqual(INTERNAL_FAILURE);
  });

  it('maps an RpcException carrying a gRPC code', () => {
    expect(toFailure(new RpcException({ code: status.NOT_FOUND, message: 'no such MRN' }))).toMatchObject({ kind: 'not-found', message: 'no such MRN' });
    expect(toFailure(new RpcException('bare string'))).toEqual(INTERNAL_FAILURE);
  });

  it("maps the body parser's refusals, an undecodable body too (zlib's error, given the client's status but no type)", () => {
    const parserError = (fields: Record<string, unknown>) => Object.assign(new Error('incorrect header check'), fields);
    expect(toFailure(parserError({ status: 400, expose: true, type: 'entity.parse.failed' }))).toMatchObject({ kind: 'validation', code: 'HTTP.400', httpStatus: 400 });
    expect(toFailure(parserError({ status: 400, statusCode: 400, expose: true, code: 'Z_DATA_ERROR' }))).toEqual({ kind: 'validation', code: 'HTTP.400', message: 'the request body cannot be read', details: [], httpStatus: 400 });
    expect(toFailure(parserError({ status: 400 }))).toEqual(INTERNAL_FAILURE);
  });

  it('hides everything about unknown errors', () => {
    expect(toFailure(new TypeError('cannot read x of undefined at /srv/app.js'))).toEqual(INTERNAL_FAILURE);
    expect(toFailure('a thrown string')).toEqual(INTERNAL_FAILURE);
    expect(toFailure(undefined)).toEqual(INTERNAL_FAILURE);
  });
});
