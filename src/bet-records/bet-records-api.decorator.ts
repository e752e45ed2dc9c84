import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiInternalServerErrorResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { TagRoutes } from '../common/http/route-tags';
import { ApiKeyAuth } from '../tenancy/api-key-auth.decorator';
import { BET_RECORDS_WIRE } from './bet-records.wire';
import { BetRecordsErrorDto } from './dto/bet-records-error.dto';

/**
 * A controller of the Bet Records API (seed 002): the team's key in `X-API-Key`, every error as
 * `{"detail":"..."}`, with the shared error answers in Swagger.
 */
export const BetRecordsApi = (tag: string) =>
  applyDecorators(
    TagRoutes({ wire: BET_RECORDS_WIRE }),
    ApiKeyAuth(),
    ApiTags(tag),
    ApiBadRequestResponse({
      description: 'A parameter out of range or of the wrong type',
      type: BetRecordsErrorDto,
      example: { detail: 'size must be an integer from 1 to 100' },
    }),
    ApiUnauthorizedResponse({
      description: 'Missing, unknown or revoked key in `X-API-Key`',
      type: BetRecordsErrorDto,
      example: { detail: 'Invalid or missing API key' },
    }),
    ApiTooManyRequestsResponse({
      description: "Over the team's per-minute limit (shared with the other APIs)",
      type: BetRecordsErrorDto,
      example: { detail: 'Rate limit exceeded; retry in 45 s' },
    }),
    ApiServiceUnavailableResponse({
      description: 'The database is out of reach for a moment; retry after `Retry-After` seconds',
      type: BetRecordsErrorDto,
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before retrying',
          schema: { type: 'integer', example: 5 },
        },
      },
      example: {
        detail: 'Service temporarily unavailable; retry in 5 s (error id err_5f0c2a9d13b7e4a1)',
        error_id: 'err_5f0c2a9d13b7e4a1',
      },
    }),
    ApiInternalServerErrorResponse({
      description: 'Unexpected failure; quote `error_id` to support',
      type: BetRecordsErrorDto,
      example: {
        detail: 'Internal server error (error id err_5f0c2a9d13b7e4a1)',
        error_id: 'err_5f0c2a9d13b7e4a1',
      },
    }),
  );
