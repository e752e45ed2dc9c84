import { applyDecorators } from '@nestjs/common';
import {
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { MonitorErrorDto } from './dto/monitor-error.dto';
import { TagRoutes } from '../common/http/route-tags';
import { MONITOR_WIRE } from './monitor-wire';

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
 * A controller (or route) of the Betting Monitor API: answered in the monitor envelope, whatever
 * fails and wherever; with its language header and shared error answers in Swagger.
 */
export const MonitorApi = (tag: string) =>
  applyDecorators(
    TagRoutes({ wire: MONITOR_WIRE }),
    ApiTags(tag),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description:
        '`fr` for messages in French; English otherwise. Texts written for people (rule titles, alert ' +
        'reasons, risk factors) are also in Brazilian Portuguese (`pt`, `pt-BR`)',
      schema: { type: 'string', enum: ['en', 'fr', 'pt', 'pt-BR'] },
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
    ApiServiceUnavailableResponse({
      description:
        'The database is out of reach for a moment; retry after `Retry-After` seconds (a repeat of an ' +
        'event already stored is recognised by its `external_event_id`)',
      type: MonitorErrorDto,
      headers: { 'Retry-After': RATE_LIMIT_HEADERS['Retry-After'] },
      example: error(
        'SERVICE_UNAVAILABLE',
        'Service temporarily unavailable; retry in 5 s (error id err_5f0c2a9d13b7e4a1)',
        { error_id: 'err_5f0c2a9d13b7e4a1' },
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
