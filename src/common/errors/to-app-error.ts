import { HttpException, NotFoundException } from '@nestjs/common';
import {
  AppError,
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RequestValidationError,
  RouteNotFoundError,
  UnsupportedMediaTypeError,
} from './app-error';

interface RequestLine {
  method: string;
  url: string;
}

/**
 * Brings whatever was thrown into the shared error model. Fastify's own request errors (bad JSON,
 * body too large, wrong content type) arrive as HttpExceptions whose cause carries Fastify's code.
 */
export function toAppError(exception: unknown, request: RequestLine): AppError {
  if (exception instanceof AppError) return exception;
  if (!(exception instanceof HttpException)) return new InternalError(exception);

  const fastifyCode = fastifyErrorCode(exception.cause);
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PayloadTooLargeError(null);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new UnsupportedMediaTypeError(null);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new MalformedBodyError('empty JSON body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON':
      return new MalformedBodyError('invalid JSON');
  }
  if (exception.cause instanceof SyntaxError) return new MalformedBodyError('invalid JSON');

  // Our own code raises ResourceNotFoundError; Nest's NotFoundException means no route matched.
  if (exception instanceof NotFoundException) {
    return new RouteNotFoundError(request.method, request.url.split('?')[0]);
  }
  const status = exception.getStatus();
  if (status === 413) return new PayloadTooLargeError(null);
  if (status === 415) return new UnsupportedMediaTypeError(null);
  if (status >= 400 && status < 500) {
    // A built-in pipe (ParseIntPipe, ParseUUIDPipe...) rejected a parameter.
    return new RequestValidationError([
      { field: 'request', constraint: 'http', message: exception.message },
    ]);
  }
  return new InternalError(exception);
}

function fastifyErrorCode(cause: unknown): string | undefined {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}
