import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Language } from '../common/i18n/language';
import { RequestLanguage } from '../common/i18n/request-language.decorator';
import { MonitorErrorDto } from '../monitor-api/dto/monitor-error.dto';
import { MonitorApi } from '../monitor-api/monitor-api.decorator';
import { refuseQueryParameters } from '../monitor-api/request-checks';
import { ApiKeyAuth, BrandKeys } from '../tenancy/api-key-auth.decorator';
import { CurrentTenant } from '../tenancy/current-tenant.decorator';
import type { Tenant } from '../tenancy/tenant';
import { BatchResponseDto } from './dto/batch-result.dto';
import { EventAcceptedResponseDto } from './dto/event-accepted.dto';
import { EventStatusDto } from './dto/event-status.dto';
import * as examples from './dto/event.examples';
import { BATCH_BODY_SCHEMA, SINGLE_EVENT_BODY_SCHEMA } from './validation/event.openapi';
import { EventStatusService } from './event-status.service';
import {
  batchOutcomeOf,
  toAcceptedResponse,
  toBatchResponse,
  toStatusResponse,
} from './events.mapper';
import { IngestService } from './ingest.service';

const failure = (code: string, message: string, details?: object[]) => ({
  success: false,
  error: { code, message, ...(details ? { details } : {}) },
});

const UNSUPPORTED_MEDIA_TYPE = {
  description: 'The body is not JSON (`Content-Type` other than `application/json`)',
  type: MonitorErrorDto,
  example: failure('VALIDATION_ERROR', 'Content-Type must be application/json'),
};

const PAYLOAD_TOO_LARGE = {
  description: 'The body exceeds the size limit (5 MiB by default)',
  type: MonitorErrorDto,
  example: failure('PAYLOAD_TOO_LARGE', 'Request body exceeds the limit of 5242880 bytes'),
};

@Controller('api/v1/events')
@MonitorApi('Betting Monitor: events')
@ApiKeyAuth()
export class EventsController {
  constructor(
    private readonly ingest: IngestService,
    private readonly statuses: EventStatusService,
  ) {}

  @Post()
  @BrandKeys('own-brand')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ingest one event',
    description:
      'Takes the grouped body (`event_id`, `player`, `event`, `game`, `metadata`) or the flat one of the curl ' +
      'example (`external_event_id`, `player_id`, `event_type`, `amount`, `currency`, `event_timestamp`, ' +
      '`player_phone`, `game_odds`, `device_type`, ...: each grouped field has a flat name, listed in the ' +
      'second schema). Both are stored the same way.\n\n' +
      '**202 means committed**: the event is in the database when you get the answer; fraud processing follows. ' +
      '`event_id` is unique per team: sending the same event again answers 202 with the same `uuid` and ' +
      '`received_at` and stores nothing; the same `event_id` with other content is a 409. `event_id` is unique ' +
      "across the team's brands: a brand's key sending an `event_id` that another brand (or a team-wide key) " +
      'used gets a 409 that names nothing of that event.\n\n' +
      'Time stamps must name their zone (`Z` or `+01:00`) and be at most 24 hours ahead. Empty strings and ' +
      '`null` count as absent.',
  })
  @ApiBody({
    schema: SINGLE_EVENT_BODY_SCHEMA,
    examples: {
      grouped: { summary: 'Grouped structure (seed)', value: examples.GROUPED_EVENT_EXAMPLE },
      flat: { summary: 'Flat structure (seed curl example)', value: examples.FLAT_EVENT_EXAMPLE },
    },
  })
  @ApiAcceptedResponse({ type: EventAcceptedResponseDto, example: examples.ACCEPTED_EXAMPLE })
  @ApiBadRequestResponse({
    description: 'Malformed JSON, or one entry in `details` per invalid field',
    type: MonitorErrorDto,
    example: failure('VALIDATION_ERROR', 'Validation failed', [
      { field: 'event.type', message: 'invalid event_type: INVALID' },
      { field: 'event.amount', message: 'amount must be an integer' },
    ]),
  })
  @ApiConflictResponse({
    description:
      "This `event_id` was already received with different content, or (for a brand's key) through another brand",
    type: MonitorErrorDto,
    example: failure(
      'CONFLICT',
      'Event evt-123 was already received with different content (uuid 550e8400-e29b-41d4-a716-446655440000)',
    ),
  })
  @ApiPayloadTooLargeResponse(PAYLOAD_TOO_LARGE)
  @ApiUnsupportedMediaTypeResponse(UNSUPPORTED_MEDIA_TYPE)
  async ingestOne(
    @CurrentTenant() tenant: Tenant,
    @Body() body: unknown,
  ): Promise<EventAcceptedResponseDto> {
    return toAcceptedResponse(await this.ingest.ingestOne(tenant.teamId, tenant.brandId, body));
  }

  @Post('batch')
  @BrandKeys('own-brand')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ingest up to 1000 events',
    description:
      'Each event is judged alone: the valid ones are stored together in one transaction, the others are ' +
      'reported. `events` lists every event sent, in input order, with its `uuid`, or `uuid: null` and the ' +
      '`error`. A repeat of an event already stored (or twice in one batch) answers its first `uuid`; the same ' +
      '`event_id` with other content is an error entry. No `events` array, an empty one or more than 1000 ' +
      'events is a 400 and nothing is stored. A batch counts as one request for the rate limit.',
  })
  @ApiBody({
    schema: BATCH_BODY_SCHEMA,
    examples: { batch: { summary: 'Seed example', value: examples.BATCH_EXAMPLE } },
  })
  @ApiOkResponse({ type: BatchResponseDto, example: examples.BATCH_RESULT_EXAMPLE })
  @ApiBadRequestResponse({
    description: 'Malformed JSON, or no `events` array of 1 to 1000 events',
    type: MonitorErrorDto,
    example: failure('VALIDATION_ERROR', 'Validation failed', [
      { field: 'events', message: 'events must hold from 1 to 1000 events' },
    ]),
  })
  @ApiPayloadTooLargeResponse(PAYLOAD_TOO_LARGE)
  @ApiUnsupportedMediaTypeResponse(UNSUPPORTED_MEDIA_TYPE)
  async ingestBatch(
    @CurrentTenant() tenant: Tenant,
    @Body() body: unknown,
    @RequestLanguage() language: Language,
    @Req() request: FastifyRequest,
  ): Promise<BatchResponseDto> {
    const entries = await this.ingest.ingestBatch(tenant.teamId, tenant.brandId, body);
    request.answerOutcome = batchOutcomeOf(entries) ?? undefined;
    return toBatchResponse(entries, language);
  }

  @Get(':uuid/status')
  @BrandKeys('own-brand')
  @ApiOperation({ summary: 'Processing status of an event' })
  @ApiParam({ name: 'uuid', description: 'The `uuid` answered at ingestion' })
  @ApiOkResponse({ type: EventStatusDto, example: examples.STATUS_EXAMPLE })
  @ApiBadRequestResponse({
    description: 'A query parameter: this route takes none',
    type: MonitorErrorDto,
    example: failure('VALIDATION_ERROR', 'Validation failed', [
      { field: 'verbose', message: 'unknown query parameter verbose; this route takes none' },
    ]),
  })
  @ApiNotFoundResponse({
    description: "Unknown uuid, or another team's event (for a brand's key: another brand's)",
    type: MonitorErrorDto,
    example: failure('NOT_FOUND', 'Event 550e8400-e29b-41d4-a716-446655440000 not found'),
  })
  async status(
    @CurrentTenant() tenant: Tenant,
    @Param('uuid') uuid: string,
    @Query() query: Record<string, unknown>,
  ): Promise<EventStatusDto> {
    refuseQueryParameters(query);
    return toStatusResponse(await this.statuses.statusOf(tenant, uuid));
  }
}
