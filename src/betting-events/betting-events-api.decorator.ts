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
import { BETTING_EVENTS_WIRE } from './betting-events.wire';
import { BettingEventsErrorDto } from './dto/betting-events-error.dto';

/** An error body of this API, as the seed shapes it. */
export const amlError = (status: number, message: string, details?: Record<string, string[]>) => ({
  error: { message, ...(details && { details }), status },
});

/**
 * A controller of the AML Betting Events API: the team's key in `x-api-key`, answered in the
 * seed's error shape whatever fails, with the shared error answers in Swagger.
 */
export const BettingEventsApi = () =>
  applyDecorators(
    TagRoutes({ wire: BETTING_EVENTS_WIRE }),
    ApiKeyAuth(),
    ApiTags('AML Betting Events'),
    ApiUnauthorizedResponse({
      description: 'Missing, unknown or revoked key in `x-api-key`',
      type: BettingEventsErrorDto,
      example: amlError(401, 'Unauthorized'),
    }),
    ApiTooManyRequestsResponse({
      description:
        "Over the team's per-minute limit (shared with the other APIs); wait `Retry-After` seconds",
      type: BettingEventsErrorDto,
      example: amlError(429, 'Rate limit exceeded; retry in 45 s'),
    }),
    ApiServiceUnavailableResponse({
      description:
        'The database is out of reach for a moment; retry after `Retry-After` seconds (a repeat is ' +
        'recognised and answers the first `id`)',
      type: BettingEventsErrorDto,
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before retrying',
          schema: { type: 'integer', example: 5 },
        },
      },
      example: {
        error: {
          message: 'Service temporarily unavailable; retry in 5 s (error id err_5f0c2a9d13b7e4a1)',
          status: 503,
          error_id: 'err_5f0c2a9d13b7e4a1',
        },
      },
    }),
    ApiInternalServerErrorResponse({
      description: 'Unexpected failure; nothing was stored. Quote `error_id` to support.',
      type: BettingEventsErrorDto,
      example: {
        error: {
          message: 'Internal server error (error id err_5f0c2a9d13b7e4a1)',
          status: 500,
          error_id: 'err_5f0c2a9d13b7e4a1',
        },
      },
    }),
  );

/** The 400 of a query or path parameter. */
export const ApiInvalidParameter = (field: string, message: string) =>
  ApiBadRequestResponse({
    description: 'An invalid parameter',
    type: BettingEventsErrorDto,
    example: amlError(400, 'Invalid input data', { [field]: [message] }),
  });
