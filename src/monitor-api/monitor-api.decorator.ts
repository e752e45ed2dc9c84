import { applyDecorators, UseFilters } from '@nestjs/common';
import {
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { MonitorErrorDto } from './dto/monitor-error.dto';
import { MonitorExceptionFilter } from './monitor-exception.filter';

const error = (code: string, message: string, extra: object = {}) => ({
  success: false,
  error: { code, message, ...extra },
});

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed per minute for your plan',
    schema: { type: 'integer', example: 1000 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current minute',
    schema: { type: 'integer', example: 0 },
  },
  'X-RateLimit-Reset': {
    description: 'Unix time (seconds) when the minute ends',
    schema: { type: 'integer', example: 1707321600 },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', example: 45 },
  },
};

/**
 * A controller of the Betting Monitor API: its error envelope, its language header, and the
 * error answers every route shares, in Swagger.
 */
export const MonitorApi = (tag: string) =>
  applyDecorators(
    UseFilters(MonitorExceptionFilter),
    ApiTags(tag),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: '`fr` for messages in French; English otherwise',
      schema: { type: 'string', example: 'fr' },
    }),
    ApiUnauthorizedResponse({
      description: 'Missing, unknown or revoked API key',
      type: MonitorErrorDto,
      example: error('UNAUTHORIZED', 'Invalid API key'),
    }),
    ApiTooManyRequestsResponse({
      description: "Over the team's per-minute limit; wait `Retry-After` seconds",
      type: MonitorErrorDto,
      headers: RATE_LIMIT_HEADERS,
      example: error(
        'RATE_LIMITED',
        'Rate limit of 1000 requests per minute exceeded; retry in 45 s',
      ),
    }),
    ApiInternalServerErrorResponse({
      description:
        'Unexpected failure; retry with exponential backoff and quote `error_id` to support',
      type: MonitorErrorDto,
      example: error('INTERNAL_ERROR', 'Internal server error (error id err_5f0c2a9d13b7e4a1)', {
        error_id: 'err_5f0c2a9d13b7e4a1',
      }),
    }),
  );
