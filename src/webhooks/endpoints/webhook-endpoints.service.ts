import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  RequestValidationError,
  ResourceNotFoundError,
  type FieldIssue,
} from '../../common/errors/app-error';
import { hasControlCharacters, isLongerThan, isWellFormed } from '../../common/text/well-formed';
import { parseIsoTimestamp } from '../../common/time/iso-timestamp';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { issue, parsePage, unknownParameters } from '../../monitor-api/request-checks';
import {
  WebhookMessagesRepository,
  type MessageStatus,
} from '../delivery/webhook-messages.repository';
import { WebhookOutbox } from '../delivery/webhook-outbox';
import { NetworkGuard } from './network-guard';
import { newSecret } from './webhook-secret';
import {
  WebhookEndpointsRepository,
  type EndpointChanges,
  type WebhookEndpoint,
} from './webhook-endpoints.repository';

export const WEBHOOK_EVENT_TYPES = ['alert.created', 'alert.updated', 'endpoint.disabled'] as const;
/** How long the secret before a rotation keeps signing beside the new one. */
export const SECRET_OVERLAP_HOURS = 24;
/** Endpoints per team: every alert is sent to each, so a team's fan-out stays bounded. */
export const MAX_ENDPOINTS = 20;
const MAX_RATE_LIMIT = 1000;

/** The fields a create or a change may carry, checked and normalised. */
interface EndpointInput {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  rateLimit?: number | null;
  active?: boolean;
}

/**
 * A team's webhook endpoints: created with a signing secret answered once, listed, changed,
 * rotated (the old secret keeps signing for 24 hours) and deleted. A URL must be http(s) and lead
 * to a public address, checked here and again at every delivery.
 */
@Injectable()
export class WebhookEndpointsService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly database: SqlDatabase,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly guard: NetworkGuard,
    private readonly messages: WebhookMessagesRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  async list(teamId: number, query: Record<string, unknown>) {
    const issues: FieldIssue[] = [];
    unknownParameters(query, ['page', 'size'], issues);
    const { page, size } = parsePage(query, issues);
    if (issues.length > 0) throw new RequestValidationError(issues);
    const { items, total } = await this.endpoints.page(
      this.database,
      teamId,
      (page - 1) * size,
      size,
    );
    return { items, total, page, page_size: size };
  }

  async get(teamId: number, uuid: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.find(this.database, teamId, uuid);
    if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
    return endpoint;
  }

  /** Creates an endpoint; the answer is the only place its secret is shown. */
  async create(teamId: number, body: unknown): Promise<WebhookEndpoint> {
    const input = await this.validate(body, 'create');
    const now = MicroTime.now().toDatabaseText();
    const uuid = randomUUID();
    await this.database.transaction(async (session) => {
      if ((await this.endpoints.countLocked(session, teamId)) >= MAX_ENDPOINTS) {
        throw new RequestValidationError([issue('body', 'endpointLimit', { max: MAX_ENDPOINTS })]);
      }
      await this.endpoints.insert(session, {
        uuid,
        teamId,
        url: input.url!,
        description: input.description ?? null,
        eventTypes: input.eventTypes ?? ['*'],
        rateLimit: input.rateLimit ?? null,
        active: true,
        secret: newSecret(),
        createdAt: now,
        updatedAt: now,
      });
    });
    this.logger.log(`Team ${teamId} created webhook ${uuid}`);
    return this.get(teamId, uuid);
  }

  async update(teamId: number, uuid: string, body: unknown): Promise<WebhookEndpoint> {
    const input = await this.validate(body, 'update');
    await this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      const changes: EndpointChanges = { ...input };
      // Turned back on: it starts afresh, whatever disabled it, and what waited goes out.
      if (input.active === true && !endpoint.active) {
        changes.disabledReason = null;
        changes.failingSince = null;
        await this.messages.moveAll(session, endpoint.id, 'paused', 'pending', now());
      }
      // Paused: its messages wait, out of the dispatcher's way, until it is turned back on.
      if (input.active === false && endpoint.active) {
        await this.messages.moveAll(session, endpoint.id, 'pending', 'paused', now());
      }
      await this.endpoints.update(session, teamId, endpoint.id, changes, now());
    });
    return this.get(teamId, uuid);
  }

  /**
   * A new secret; the current one keeps signing beside it for 24 hours, so that receivers can
   * change theirs meanwhile. A second rotation within those hours drops the oldest secret.
   */
  async rotateSecret(teamId: number, uuid: string): Promise<WebhookEndpoint> {
    await this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      const until = MicroTime.fromMicros(
        MicroTime.now().micros + SECRET_OVERLAP_HOURS * 3_600_000_000,
      );
      await this.endpoints.update(
        session,
        teamId,
        endpoint.id,
        {
          secret: newSecret(),
          previousSecret: endpoint.secret,
          previousSecretUntil: until.toDatabaseText(),
        },
        now(),
      );
    });
    this.logger.log(`Team ${teamId} rotated the secret of webhook ${uuid}`);
    return this.get(teamId, uuid);
  }

  async remove(teamId: number, uuid: string): Promise<void> {
    await this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      await this.messages.removeOf(session, endpoint.id);
      await this.endpoints.remove(session, teamId, uuid);
    });
    this.logger.log(`Team ${teamId} deleted webhook ${uuid}`);
  }

  /**
   * Queues a `ping` to the endpoint, sent like any message (once it is on again, when paused);
   * answers its delivery id.
   */
  async ping(teamId: number, uuid: string): Promise<string> {
    return this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      const [id] = await this.outbox.send(
        session,
        teamId,
        [endpoint.id],
        'ping',
        { webhook_id: endpoint.uuid },
        endpoint.active ? 'pending' : 'paused',
      );
      return id;
    });
  }

  /**
   * Sends a delivery again: the same message (same `webhook-id`, same bytes), one attempt more.
   * One still waiting to be sent is a 409.
   */
  async redeliver(teamId: number, uuid: string, deliveryId: string): Promise<void> {
    await this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      const message = await this.messages.findOf(session, endpoint.id, deliveryId);
      if (!message) throw new ResourceNotFoundError('Delivery', deliveryId);
      if (message.status === 'pending' || message.status === 'paused') {
        throw ConflictError.ofState('Delivery', deliveryId, message.status, 'redelivered');
      }
      await this.messages.requeue(
        session,
        endpoint.id,
        { ids: [message.id] },
        endpoint.active ? 'pending' : 'paused',
        now(),
      );
    });
  }

  /**
   * Sends again every message of a window (`since`, `until` optional; `status: "failed"` for the
   * failed ones only), in the order they were made; those still waiting are left as they are.
   */
  async replay(teamId: number, uuid: string, body: unknown): Promise<number> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RequestValidationError([issue('body', 'bodyObject')]);
    }
    const fields = body as Record<string, unknown>;
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(fields)) {
      if (!REPLAY_FIELDS.includes(key))
        issues.push(issue(key, 'unknownField', { choices: REPLAY_FIELDS }));
    }
    if (fields.since === undefined) issues.push(issue('since', 'required'));
    const since = timeOf(fields, 'since', issues);
    const until = timeOf(fields, 'until', issues);
    if (fields.status !== undefined && fields.status !== 'failed') {
      issues.push(issue('status', 'onlyFailed'));
    }
    if (since && until && until <= since) issues.push(issue('until', 'after', { value: 'since' }));
    if (issues.length > 0) throw new RequestValidationError(issues);
    return this.database.transaction(async (session) => {
      const endpoint = await this.endpoints.find(session, teamId, uuid, true);
      if (!endpoint) throw new ResourceNotFoundError('Webhook', uuid);
      return this.messages.requeue(
        session,
        endpoint.id,
        { since, until, onlyFailed: fields.status === 'failed' },
        endpoint.active ? 'pending' : 'paused',
        now(),
      );
    });
  }

  /** The endpoint's deliveries, newest first, each with its attempts. */
  async deliveries(teamId: number, uuid: string, query: Record<string, unknown>) {
    const issues: FieldIssue[] = [];
    unknownParameters(query, ['page', 'size', 'status', 'since', 'until'], issues);
    const { page, size } = parsePage(query, issues);
    const status = query.status;
    if (status !== undefined && !MESSAGE_STATUSES.includes(status as string)) {
      issues.push(issue('status', 'oneOf', { choices: MESSAGE_STATUSES }));
    }
    const since = timeOf(query, 'since', issues);
    const until = timeOf(query, 'until', issues);
    if (issues.length > 0) throw new RequestValidationError(issues);
    const endpoint = await this.get(teamId, uuid);
    const { items, total } = await this.messages.page(
      this.database,
      endpoint.id,
      { status: status as MessageStatus | undefined, since, until },
      (page - 1) * size,
      size,
    );
    return { items, total, page, page_size: size };
  }

  private async validate(body: unknown, use: 'create' | 'update'): Promise<EndpointInput> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RequestValidationError([issue('body', 'bodyObject')]);
    }
    const fields = body as Record<string, unknown>;
    const known =
      use === 'create'
        ? ['url', 'events', 'description', 'rate_limit']
        : ['url', 'events', 'description', 'rate_limit', 'active'];
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(fields)) {
      if (!known.includes(key)) issues.push(issue(key, 'unknownField', { choices: known }));
    }
    if (use === 'update' && !known.some((key) => key in fields)) {
      issues.push(issue('body', 'nothingToChange', { choices: known }));
    }
    const input: EndpointInput = {};
    if (fields.url !== undefined || use === 'create') input.url = urlOf(fields.url, issues);
    if (fields.events !== undefined) input.eventTypes = eventTypesOf(fields.events, issues);
    if (fields.description !== undefined) {
      input.description = descriptionOf(fields.description, issues);
    }
    if (fields.rate_limit !== undefined) input.rateLimit = rateLimitOf(fields.rate_limit, issues);
    if (fields.active !== undefined) {
      if (typeof fields.active !== 'boolean')
        issues.push(issue('active', 'either', { choices: ['true', 'false'] }));
      else input.active = fields.active;
    }
    if (issues.length === 0 && input.url !== undefined) {
      const refusal = await this.refusalOf(input.url);
      if (refusal) issues.push(refusal);
    }
    if (issues.length > 0) throw new RequestValidationError(issues);
    return input;
  }

  /** Why the URL's host may not be reached, or null. */
  private async refusalOf(url: string): Promise<FieldIssue | null> {
    const checked = await this.guard.check(new URL(url).hostname);
    if ('addresses' in checked) return null;
    if (checked.reason === 'unresolvable') return issue('url', 'unresolvableHost');
    return issue('url', 'privateAddress', { value: checked.address });
  }
}

const now = () => MicroTime.now().toDatabaseText();

const REPLAY_FIELDS = ['since', 'until', 'status'];
const MESSAGE_STATUSES = ['pending', 'paused', 'succeeded', 'failed'];
const MAX_URL_LENGTH = 2000;
const MAX_DESCRIPTION_LENGTH = 500;

/** An ISO 8601 time of the query or body, as database text; undefined when absent. */
function timeOf(
  query: Record<string, unknown>,
  name: string,
  issues: FieldIssue[],
): string | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const at = typeof raw === 'string' ? parseIsoTimestamp(raw) : null;
  if (at === null) {
    issues.push(issue(name, 'filterTime'));
    return undefined;
  }
  return at.toDatabaseText();
}

function urlOf(value: unknown, issues: FieldIssue[]): string | undefined {
  if (value === undefined || value === null) {
    issues.push(issue('url', 'required'));
    return undefined;
  }
  const bad = () => {
    issues.push(issue('url', 'webhookUrl', { max: MAX_URL_LENGTH }));
    return undefined;
  };
  if (
    typeof value !== 'string' ||
    value.length > MAX_URL_LENGTH ||
    value !== value.trim() ||
    hasControlCharacters(value)
  ) {
    return bad();
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return bad();
  }
  if (
    !['http:', 'https:'].includes(parsed.protocol) ||
    parsed.hostname === '' ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.port === '0' ||
    value.includes('#')
  ) {
    return bad();
  }
  return value;
}

function eventTypesOf(value: unknown, issues: FieldIssue[]): string[] | undefined {
  const allowed = ['*', ...WEBHOOK_EVENT_TYPES];
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((type) => typeof type !== 'string' || !allowed.includes(type))
  ) {
    issues.push(issue('events', 'nonEmptyList', { choices: allowed }));
    return undefined;
  }
  const types = [...new Set(value as string[])];
  return types.includes('*') ? ['*'] : WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t));
}

function descriptionOf(value: unknown, issues: FieldIssue[]): string | null | undefined {
  if (value === null) return null;
  if (
    typeof value !== 'string' ||
    isLongerThan(value, MAX_DESCRIPTION_LENGTH) ||
    hasControlCharacters(value) ||
    !isWellFormed(value)
  ) {
    issues.push(issue('description', 'optionalText', { max: MAX_DESCRIPTION_LENGTH }));
    return undefined;
  }
  return value;
}

function rateLimitOf(value: unknown, issues: FieldIssue[]): number | null | undefined {
  if (value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_RATE_LIMIT) {
    issues.push(issue('rate_limit', 'rateLimit', { min: 1, max: MAX_RATE_LIMIT }));
    return undefined;
  }
  return value as number;
}
