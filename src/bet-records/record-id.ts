import { RequestValidationError } from '../common/errors/app-error';

/** A record id from the path: a positive integer, as text (ids are `bigint`). */
export function parseRecordId(text: string, name: string): string {
  if (!/^[1-9]\d{0,17}$/.test(text)) {
    throw new RequestValidationError([
      { field: name, constraint: 'isRecordId', message: `${name} must be a positive integer` },
    ]);
  }
  return text;
}
