export enum TenancyErrorCode {
  TeamNotFound = 'TEAM_NOT_FOUND',
  TeamNameTaken = 'TEAM_NAME_TAKEN',
  BrandNotFound = 'BRAND_NOT_FOUND',
  BrandNameTaken = 'BRAND_NAME_TAKEN',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
  InvalidInput = 'INVALID_INPUT',
}

/** Failures of team, brand and key administration (CLI and internal callers). */
export class TenancyError extends Error {
  constructor(
    readonly code: TenancyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TenancyError';
  }
}
