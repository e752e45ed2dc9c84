import { httpStatusOf, type SharedError } from '../errors/shared-error';
import type { ErrorResponse, ErrorContext, WireFormat } from './wire-format';

/** For paths that belong to no API (operations endpoints, unknown paths outside every API). */
export const GENERIC_WIRE: WireFormat = {
  name: 'generic',
  paths: {},
  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    const status = httpStatusOf(error);
    const message = errorId ? `${error.message} (error id ${errorId})` : error.message;
    return { status, body: { error: { status, message, ...(errorId && { error_id: errorId }) } } };
  },
};
