import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import {
  AppError,
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RequestValidationError,
  RouteNotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './app-error';
import { QueryFailedError } from 'typeorm';
import { toAppError } from './to-app-error';

const request = { method: 'POST', url: '/api/v1/x?y=1' };
const fastifyError = (code: string, status: number) =>
  new HttpException('fastify says no', status, {
    cause: Object.assign(new Error('x'), { code, statusCode: status }),
  });

describe('toAppError', () => {
  it('keeps our own errors as they are', () => {
    const error = new UnauthorizedError('missing_key');
    expect(toAppError(error, request)).toBe(error);
  });

  it.each([
    [
      'the server refusing connections',
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED', fatal: true }),
      'unreachable',
    ],
    [
      'a connection lost mid-statement',
      new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('lost'), { code: 'PROTOCOL_CONNECTION_LOST' }),
      ),
      'unreachable',
    ],
    [
      'a deadlock past its retries',
      new QueryFailedError('UPDATE t', [], Object.assign(new Error('deadlock'), { errno: 1213 })),
      'busy',
    ],
    [
      'SQLite busy past its retries',
      new QueryFailedError('INSERT', [], Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' })),
      'busy',
    ],
  ])(
    'answers %s as unavailable for a moment (503), its cause kept for the log',
    (_, cause, reason) => {
      const error = toAppError(cause, request);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error).toMatchObject({ kind: 'unavailable', reason, retryAfterSeconds: 5, cause });
    },
  );

  it('keeps a socket error that is not the database’s internal (500)', () => {
    const webhook = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    expect(toAppError(webhook, request)).toBeInstanceOf(InternalError);
  });

  it('keeps a failed statement that says something about itself internal (500)', () => {
    const syntax = new QueryFailedError(
      'SELEC',
      [],
      Object.assign(new Error('syntax'), { errno: 1064 }),
    );
    expect(toAppError(syntax, request)).toBeInstanceOf(InternalError);
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, PayloadTooLargeError],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, UnsupportedMediaTypeError],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, MalformedBodyError],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, MalformedBodyError],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, MalformedBodyError],
  ])('maps Fastify %s to %p', (code, status, type) => {
    expect(toAppError(fastifyError(code, status), request)).toBeInstanceOf(type);
  });

  it('maps a JSON SyntaxError cause to a malformed body', () => {
    const exception = new BadRequestException('bad', {
      cause: new SyntaxError('Unexpected token'),
    });
    expect(toAppError(exception, request)).toBeInstanceOf(MalformedBodyError);
  });

  it("maps Nest's not-found to the route, without the query string", () => {
    expect(toAppError(new NotFoundException('Cannot POST /api/v1/x'), request)).toEqual(
      new RouteNotFoundError('POST', '/api/v1/x'),
    );
  });

  it('maps other client errors to validation errors and other statuses by number', () => {
    expect(
      toAppError(new BadRequestException('Validation failed (uuid is expected)'), request),
    ).toEqual(
      new RequestValidationError([
        { field: 'request', constraint: 'http', message: 'Validation failed (uuid is expected)' },
      ]),
    );
    expect(toAppError(new PayloadTooLargeException(), request)).toBeInstanceOf(
      PayloadTooLargeError,
    );
  });

  it('treats anything else as internal, keeping the cause for the log', () => {
    const cause = new TypeError('undefined is not a function');
    const mapped = toAppError(cause, request);
    expect(mapped).toBeInstanceOf(InternalError);
    expect((mapped as InternalError).cause).toBe(cause);
    expect(toAppError(new HttpException('gateway', 502), request)).toBeInstanceOf(InternalError);
  });

  it('treats client errors our code never raises (403 from a guard returning false) as internal', () => {
    expect(toAppError(new ForbiddenException(), request)).toBeInstanceOf(InternalError);
  });

  it('treats an error of a kind no API answers yet as internal, never as an unanswered request', () => {
    class NewKindError extends AppError {
      readonly kind = 'not_yet_answered' as never;
    }
    const mapped = toAppError(new NewKindError(), request);
    expect(mapped).toBeInstanceOf(InternalError);
  });
});
