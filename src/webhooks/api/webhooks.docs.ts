import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnsupportedMediaTypeResponse,
  type ApiBodyOptions,
  type ApiOperationOptions,
} from '@nestjs/swagger';
import { MonitorErrorDto } from '../../monitor-api/dto/monitor-error.dto';
import {
  WebhookDeliveryListResponseDto,
  WebhookListResponseDto,
  WebhookReplayResponseDto,
  WebhookTestResponseDto,
  WebhookResponseDto,
  WebhookWithSecretResponseDto,
} from '../dto/webhook.dto';

const ID = '0b7f7f0e-5c0a-4f5e-9a53-3f1f0d3c2a11';
const WEBHOOK = {
  id: ID,
  url: 'https://compliance.example.sn/hooks/betting-monitor',
  description: 'AML desk, Dakar',
  events: ['alert.created', 'alert.updated'],
  rate_limit: 10,
  active: true,
  disabled_reason: null,
  previous_secret_expires_at: null,
  created_at: '2026-02-02T10:15:42.906113Z',
  updated_at: '2026-02-02T10:15:42.906113Z',
};
const DELIVERY = {
  id: '5f0c3a52-1a8e-4c55-9d4c-6f1b8f4a7e21',
  event_type: 'alert.created',
  status: 'pending',
  attempt_count: 1,
  next_attempt_at: '2026-02-02T10:20:47.906113Z',
  created_at: '2026-02-02T10:15:42.906113Z',
  last_attempt_at: '2026-02-02T10:15:42.951020Z',
  attempts: [
    {
      at: '2026-02-02T10:15:42.951020Z',
      status_code: 503,
      latency_ms: 41,
      error: 'answered 503',
      response_head: 'Service Unavailable',
    },
  ],
};
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=';

const failure = (code: string, message: string, details?: object[]) => ({
  success: false,
  error: { code, message, ...(details ? { details } : {}) },
});
const error = (description: string, example: object) => ({
  description,
  type: MonitorErrorDto,
  example,
});
const NOT_FOUND = ApiNotFoundResponse(
  error('Unknown id, or another team’s webhook', failure('NOT_FOUND', `Webhook ${ID} not found`)),
);
const BAD_BODY = applyDecorators(
  ApiBadRequestResponse(
    error(
      'Malformed JSON, or one entry in `details` per invalid field (a URL leading to a private address included)',
      failure('VALIDATION_ERROR', 'Validation failed', [
        {
          field: 'url',
          message:
            'url leads to a private, loopback or link-local address (10.0.0.7); webhooks are sent to public addresses only',
        },
      ]),
    ),
  ),
  ApiUnsupportedMediaTypeResponse(
    error(
      'The body is not JSON',
      failure('VALIDATION_ERROR', 'Content-Type must be application/json'),
    ),
  ),
);

const URL_RULES =
  ' `url`: absolute http or https, at most 2000 characters, no credentials, fragment or port 0; its host must resolve to ' +
  'public addresses only (private, loopback, link-local and carrier-grade NAT ranges, and IPv6 forms carrying them such as NAT64 and 6to4, are refused, here and again ' +
  'before every delivery, since DNS can change), unless the service runs with `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`. ' +
  '`events`: `alert.created`, `alert.updated`, `endpoint.disabled`, or `*` for every type (the default). ' +
  '`rate_limit`: deliveries a second at most (1 to 1000), or null. `description`: up to 500 characters.';

/** The Swagger texts and answers of the webhook routes. */
export const WebhooksDocs = {
  list: {
    summary: 'Your webhook endpoints',
    description:
      'Newest first, without their secrets. `page` (from 1) and `size` (1 to 100, default 20).',
  } satisfies ApiOperationOptions,
  get: { summary: 'One webhook endpoint' } satisfies ApiOperationOptions,
  create: {
    summary: 'Add a webhook endpoint',
    description:
      'Alerts are pushed to it as they are raised and change. The answer holds its signing secret (`whsec_` + ' +
      'base64 of 32 random bytes): it is shown only here and by `rotate-secret`. A team has at most 20 endpoints.' +
      URL_RULES,
  } satisfies ApiOperationOptions,
  update: {
    summary: 'Change a webhook endpoint',
    description:
      '`url`, `events`, `description`, `rate_limit` (null removes it) and `active`, any subset. Turning an endpoint ' +
      'the service disabled back on (`active: true`) starts it afresh.' +
      URL_RULES,
  } satisfies ApiOperationOptions,
  remove: {
    summary: 'Delete a webhook endpoint',
    description: 'Nothing more is sent to it.',
  } satisfies ApiOperationOptions,
  rotateSecret: {
    summary: 'Rotate the signing secret',
    description:
      'Answers the new secret (shown only here). For 24 hours the old one keeps signing beside it: each delivery ' +
      'carries both signatures, space-separated, so that receivers can switch at their pace. A second rotation ' +
      'within those hours drops the oldest secret.',
  } satisfies ApiOperationOptions,
  test: {
    summary: 'Send a test delivery',
    description:
      'Queues a `ping` (`{"type":"ping","timestamp":"...","data":{"webhook_id":"..."}}`), signed and sent like any ' +
      'delivery; its attempts show in the delivery log under the `delivery_id` answered.',
  } satisfies ApiOperationOptions,
  deliveries: {
    summary: 'The delivery log',
    description:
      'Every message sent (or to send) to this endpoint, newest first, each with its attempts: time, status code, ' +
      'latency, error and the first 1,000 bytes of the answer. Filters: `status` (`pending`, `paused`: waiting while ' +
      'the endpoint is off, `succeeded`, `failed`: no attempt left or the endpoint was disabled), `since` and `until` ' +
      '(ISO times, on when the message was made). `page` and `size` as every list. Each delivery is one message: ' +
      'the `webhook-id` header of its every attempt is its `id`.',
  } satisfies ApiOperationOptions,
  redeliver: {
    summary: 'Send a delivery again',
    description:
      'The same message (same `webhook-id`, same bytes), one attempt more, due now; no retry after it if it fails ' +
      '(replay it again). A delivery still waiting to be sent (`pending`, `paused`) is a 409. On a paused endpoint, ' +
      'it waits until the endpoint is on again.',
  } satisfies ApiOperationOptions,
  replay: {
    summary: 'Send again every delivery of a time window',
    description:
      '`{"since": ISO time, "until"?: ISO time, "status"?: "failed"}`: every message made in [since, until) (only the ' +
      'failed ones with `status`), each once more, claimed in the order they were made (up to ' +
      'WEBHOOK_ENDPOINT_CONCURRENCY at once). Those still waiting to be sent are left as they are. Answers how many ' +
      'were queued. Messages are kept 30 days (WEBHOOK_RETENTION_DAYS).',
  } satisfies ApiOperationOptions,
  replayBody: {
    description: 'The window',
    examples: {
      missed: {
        summary: 'What failed since a time',
        value: { since: '2026-02-01T00:00:00Z', status: 'failed' },
      },
      window: {
        summary: 'Everything of an hour',
        value: { since: '2026-02-01T10:00:00Z', until: '2026-02-01T11:00:00Z' },
      },
    },
  } satisfies ApiBodyOptions,
  createBody: {
    description: 'The endpoint',
    examples: {
      alerts: {
        summary: 'New and changed alerts',
        value: {
          url: WEBHOOK.url,
          events: ['alert.created', 'alert.updated'],
          description: WEBHOOK.description,
          rate_limit: 10,
        },
      },
      everything: { summary: 'Every event type', value: { url: WEBHOOK.url } },
    },
  } satisfies ApiBodyOptions,
  updateBody: {
    description: 'What to change',
    examples: {
      pause: { summary: 'Pause it', value: { active: false } },
      types: { summary: 'New alerts only', value: { events: ['alert.created'] } },
    },
  } satisfies ApiBodyOptions,
};

export const WebhooksResponses = {
  list: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'A page of endpoints',
        type: WebhookListResponseDto,
        example: { success: true, data: { items: [WEBHOOK], total: 1, page: 1, page_size: 20 } },
      }),
      ApiBadRequestResponse(
        error(
          'An unknown query parameter, or a bad page or size',
          failure('VALIDATION_ERROR', 'Validation failed', [
            { field: 'size', message: 'size must be an integer from 1 to 100' },
          ]),
        ),
      ),
    ),
  get: () =>
    applyDecorators(
      ApiOkResponse({ type: WebhookResponseDto, example: { success: true, data: WEBHOOK } }),
      NOT_FOUND,
    ),
  create: () =>
    applyDecorators(
      ApiCreatedResponse({
        description: 'Created, with its secret',
        type: WebhookWithSecretResponseDto,
        example: { success: true, data: { ...WEBHOOK, secret: SECRET } },
      }),
      BAD_BODY,
    ),
  update: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'Changed',
        type: WebhookResponseDto,
        example: { success: true, data: { ...WEBHOOK, active: false } },
      }),
      BAD_BODY,
      NOT_FOUND,
    ),
  remove: () =>
    applyDecorators(ApiNoContentResponse({ description: 'Deleted; no body' }), NOT_FOUND),
  test: () =>
    applyDecorators(
      ApiAcceptedResponse({
        description: 'Queued; sent within a moment',
        type: WebhookTestResponseDto,
        example: { success: true, data: { delivery_id: DELIVERY.id } },
      }),
      NOT_FOUND,
    ),
  deliveries: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'A page of deliveries',
        type: WebhookDeliveryListResponseDto,
        example: { success: true, data: { items: [DELIVERY], total: 1, page: 1, page_size: 20 } },
      }),
      ApiBadRequestResponse(
        error(
          'An unknown query parameter, or a bad status, time, page or size',
          failure('VALIDATION_ERROR', 'Validation failed', [
            {
              field: 'status',
              message: 'status must be one of pending, paused, succeeded, failed',
            },
          ]),
        ),
      ),
      NOT_FOUND,
    ),
  redeliver: () =>
    applyDecorators(
      ApiAcceptedResponse({
        description: 'Queued again',
        type: WebhookTestResponseDto,
        example: { success: true, data: { delivery_id: DELIVERY.id } },
      }),
      ApiConflictResponse(
        error(
          'It is still waiting to be sent',
          failure('CONFLICT', `Delivery ${DELIVERY.id} cannot move from pending to redelivered`),
        ),
      ),
      ApiNotFoundResponse(
        error(
          'Unknown webhook or delivery, or another team’s',
          failure('NOT_FOUND', `Delivery ${DELIVERY.id} not found`),
        ),
      ),
    ),
  replay: () =>
    applyDecorators(
      ApiAcceptedResponse({
        description: 'How many deliveries were queued again',
        type: WebhookReplayResponseDto,
        example: { success: true, data: { replayed: 12 } },
      }),
      ApiBadRequestResponse(
        error(
          'A missing or bad time, or a status other than failed',
          failure('VALIDATION_ERROR', 'Validation failed', [
            { field: 'since', message: 'since is required' },
          ]),
        ),
      ),
      NOT_FOUND,
    ),
  rotateSecret: () =>
    applyDecorators(
      ApiOkResponse({
        description: 'The new secret, and until when the old one still signs',
        type: WebhookWithSecretResponseDto,
        example: {
          success: true,
          data: {
            ...WEBHOOK,
            secret: SECRET,
            previous_secret_expires_at: '2026-02-03T10:20:00.000000Z',
          },
        },
      }),
      NOT_FOUND,
    ),
};
