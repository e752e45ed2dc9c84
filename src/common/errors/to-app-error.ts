import { HttpException, NotFoundException } from '@nestjs/common';
import { databaseTroubleOf } from '../../database/database-errors';
import {
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RequestValidationError,
  RouteNotFoundError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  AppError,
} from './app-error';
import { isSharedError, type SharedError } from './shared-error';

interface RequestLine {
  method: string;
  url: string;
}

/**
 * Brings whatever was thrown into the shared error model. Fastify's own request errors (bad JSON,
 * body too large, wrong content type) arrive as HttpExceptions whose cause carries Fastify's code.
 * The database out of reach (or locked past its retries) is a 503 to retry. Anything else not
 * understood is internal: logged with an id, answered 500.
 */
export function toAppError(exception: unknown, request: RequestLine): SharedError {
  if (exception instanceof AppError)
    return isSharedError(exception) ? exception : new InternalError(exception);
  const trouble = databaseTroubleOf(exception);
  if (trouble) return new ServiceUnavailableError(exception, trouble);
  if (!(exception instanceof HttpException)) return new InternalError(exception);

  switch (fastifyErrorCode(exception.cause)) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new UnsupportedMediaTypeError();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new MalformedBodyError('empty JSON body');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new MalformedBodyError('Content-Length does not match the body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON':
      return new MalformedBodyError('invalid JSON');
  }
  if (exception.cause instanceof SyntaxError) return new MalformedBodyError('invalid JSON');

  // Our own code raises ResourceNotFoundError; Nest's NotFoundException means no route matched.
  if (exception instanceof NotFoundException) {
    return new RouteNotFoundError(request.method, request.url.split('?')[0]);
  }
  switch (exception.getStatus()) {
    case 400: // a built-in pipe (ParseIntPipe, ParseUUIDPipe...) refused a parameter
      return new RequestValidationError([
        { field: 'request', constraint: 'http', message: exception.message },
      ]);
    case 413:
      return new PayloadTooLargeError();
    case 415:
      return new UnsupportedMediaTypeError();
    default:
      return new InternalError(exception);
  }
}

function fastifyErrorCode(cause: unknown): string | undefined {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}
