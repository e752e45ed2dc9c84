import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConfig } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import {
  WebhookEndpointsRepository,
  type WebhookEndpoint,
} from '../endpoints/webhook-endpoints.repository';
import { signature } from '../endpoints/webhook-secret';
import { GroupCommit } from './group-commit';
import { WebhookMetrics, type AttemptOutcomeLabel } from './webhook.metrics';
import {
  WebhookMessagesRepository,
  type AttemptOutcome,
  type AttemptRow,
  type WebhookMessage,
} from './webhook-messages.repository';
import { WebhookOutbox } from './webhook-outbox';
import { WebhookPayloads } from './webhook-payloads';
import { WebhookSender, type SendResult } from './webhook-sender';

/** A lease outlasts an attempt by this much: the attempt's record has time to commit. */
const LEASE_MARGIN_MS = 5000;
/** A `Retry-After` is honoured up to a day. */
const MAX_RETRY_AFTER_MS = 86_400_000;
/** How often old messages are purged, and how many a statement deletes. */
const PURGE_EVERY_MS = 3_600_000;
const PURGE_BATCH = 1000;

const text = (micros: number) => MicroTime.fromMicros(micros).toDatabaseText();

/** A claimed message and its endpoint as it was when claimed. */
interface Delivery {
  message: WebhookMessage;
  endpoint: WebhookEndpoint;
}

/**
 * Sends the outbox: claims due messages (leased, so that instances never send one at the same
 * time), at most WEBHOOK_CONCURRENCY at once and WEBHOOK_ENDPOINT_CONCURRENCY per endpoint, so
 * that a slow endpoint never holds the others back; signs and posts each, then records the
 * attempt and schedules the retry, or disables an endpoint that answered 410 or failed for days.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly inFlight = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();
  /** Per endpoint, when its next delivery may start (its rate limit, on this instance). */
  private readonly nextSlot = new Map<string, number>();
  /** Bodies being rendered, by type, subject and time: one rendering for sibling messages. */
  private readonly rendering = new Map<string, Promise<string>>();
  private running = false;
  private lastPurge = 0;
  /** A delivery ended during a poll: poll again at once after it. */
  private pollAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** Healthy endpoints' successes, recorded together while the previous group commits. */
  private readonly successes = new GroupCommit<AttemptRow>((attempts) =>
    this.database.transaction((session) => this.messages.recordSuccesses(session, attempts)),
  );

  constructor(
    private readonly database: SqlDatabase,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly messages: WebhookMessagesRepository,
    private readonly outbox: WebhookOutbox,
    private readonly payloads: WebhookPayloads,
    private readonly sender: WebhookSender,
    private readonly metrics: WebhookMetrics,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhooks.dispatchEnabled) return;
    this.running = true;
    // Messages this instance wrote are sent as soon as they commit, not at the next poll.
    this.outbox.onWritten(() => this.schedule(0));
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    await Promise.allSettled([...this.sending]);
  }

  /** Claims what is due now and sends it; resolves once those deliveries are recorded. */
  async sendDue(): Promise<number> {
    const claimed = await this.claim();
    await Promise.allSettled(claimed.map((delivery) => this.start(delivery)));
    return claimed.length;
  }

  /**
   * The next poll in `delayMs`: at once after a poll that claimed something (more may be due)
   * or when a delivery ends (a slot is free), WEBHOOK_POLL_MS after one that found nothing.
   */
  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      let claimed = 0;
      this.polling = this.poll()
        .then((n) => void (claimed = n))
        .finally(() => {
          this.polling = null;
          const again = claimed > 0 || this.pollAgain;
          this.pollAgain = false;
          this.schedule(again ? 0 : this.config.webhooks.pollMs);
        });
    }, delayMs);
  }

  /** Claims and starts what is due; answers how many. */
  private async poll(): Promise<number> {
    let claimed: Delivery[] = [];
    try {
      claimed = await this.claim();
      for (const delivery of claimed) void this.start(delivery);
      if (Date.now() - this.lastPurge >= PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        const before = Date.now() - this.config.webhooks.retentionDays * 86_400_000;
        const purged = await this.purgeBefore(MicroTime.fromMicros(before * 1000));
        if (purged > 0)
          this.logger.log(`Purged ${purged} webhook messages older than the retention`);
      }
    } catch (error) {
      this.logger.error(`Webhook dispatcher: ${(error as Error).message}`);
    }
    return claimed.length;
  }

  /** Deletes the messages made before `before` that wait no more, with their attempts. */
  async purgeBefore(before: MicroTime): Promise<number> {
    let purged = 0;
    for (;;) {
      const deleted = await this.database.transaction((session) =>
        this.messages.purge(session, before.toDatabaseText(), PURGE_BATCH),
      );
      purged += deleted;
      if (deleted < PURGE_BATCH) return purged;
    }
  }

  /** Due messages with their endpoints, as many as the free slots allow. */
  private async claim(): Promise<Delivery[]> {
    const { concurrency, perEndpointConcurrency, timeoutMs } = this.config.webhooks;
    const busy = [...this.inFlight.values()].reduce((sum, n) => sum + n, 0);
    if (busy >= concurrency) return [];
    const now = MicroTime.now().micros;
    const leaseUntil = text(now + (timeoutMs + LEASE_MARGIN_MS) * 1000);
    // A plain read first: an idle outbox costs one indexed query a poll, no transaction.
    const due = await this.messages.endpointsDue(this.database, text(now));
    if (due.length === 0) return [];
    return this.database.transaction(async (session) => {
      const claimed: WebhookMessage[] = [];
      for (const endpointId of due) {
        const room = Math.min(
          perEndpointConcurrency - (this.inFlight.get(endpointId) ?? 0),
          concurrency - busy - claimed.length,
        );
        if (room <= 0) continue;
        claimed.push(
          ...(await this.messages.claim(session, endpointId, text(now), room, leaseUntil)),
        );
      }
      const endpoints = await this.endpoints.byIds(session, [
        ...new Set(claimed.map((message) => message.endpointId)),
      ]);
      // Paused or deleted meanwhile: its messages moved with it (or went), none is sent.
      return claimed.flatMap((message) => {
        const endpoint = endpoints.get(message.endpointId);
        return endpoint?.active ? [{ message, endpoint }] : [];
      });
    });
  }

  /**
   * Sends one claimed message; resolves once its attempt is recorded. Its slot (of the endpoint's
   * and of the dispatcher's) is freed as soon as the POST has its answer: recording is our work,
   * not the receiver's load, and the message stays leased until its record commits.
   */
  private start({ message, endpoint }: Delivery): Promise<void> {
    this.inFlight.set(message.endpointId, (this.inFlight.get(message.endpointId) ?? 0) + 1);
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      this.inFlight.set(message.endpointId, (this.inFlight.get(message.endpointId) ?? 1) - 1);
      this.schedule(0);
    };
    const delivery = this.deliver(message, endpoint, free)
      .catch((error: Error) =>
        this.logger.error(
          `Webhook delivery ${message.uuid} could not be recorded: ${error.message}`,
        ),
      )
      .finally(() => {
        free();
        this.sending.delete(delivery);
      });
    this.sending.add(delivery);
    return delivery;
  }

  private async deliver(
    message: WebhookMessage,
    endpoint: WebhookEndpoint,
    answered: () => void,
  ): Promise<void> {
    let body: string;
    try {
      body = message.body ?? (await this.render(message));
    } catch (error) {
      await this.record(message, endpoint, MicroTime.now(), {
        statusCode: null,
        latencyMs: 0,
        error: `could not render the message: ${(error as Error).message}`.slice(0, 300),
        responseHead: null,
        retryAfterMs: null,
      });
      return;
    }
    await this.waitForSlot(endpoint);
    const startedAt = MicroTime.now();
    const timestamp = Math.floor(startedAt.micros / 1_000_000);
    const result = await this.sender.send(
      endpoint.url,
      {
        'webhook-id': message.uuid,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signaturesOf(endpoint, message.uuid, timestamp, body),
      },
      body,
    );
    answered();
    await this.record(message, endpoint, startedAt, result);
  }

  /**
   * Renders the body and stores it for the message and those written with it to the team's
   * other endpoints; siblings claimed at once wait for the same rendering.
   */
  private render(message: WebhookMessage): Promise<string> {
    const key = `${message.teamId}|${message.eventType}|${message.subject}|${message.createdAt}`;
    let body = this.rendering.get(key);
    if (!body) {
      body = this.payloads
        .render(message, MicroTime.fromDatabaseText(message.createdAt).toIso())
        .then((rendered) =>
          // One UPDATE, atomic on its own: no transaction around it.
          this.database.autocommit((session) => this.messages.setBody(session, message, rendered)),
        )
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, body);
    }
    return body;
  }

  /** The endpoint's rate limit, on this instance: deliveries spaced 1/rate seconds apart. */
  private async waitForSlot(endpoint: WebhookEndpoint): Promise<void> {
    if (!endpoint.rateLimit) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(endpoint.id) ?? 0);
    this.nextSlot.set(endpoint.id, slot + 1000 / endpoint.rateLimit);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  /**
   * The attempt (made at `startedAt`), the message's next step and the endpoint's health, in one
   * transaction; a healthy endpoint's success changes nothing of it and is recorded in a group.
   */
  private async record(
    message: WebhookMessage,
    endpoint: WebhookEndpoint,
    startedAt: MicroTime,
    result: SendResult,
  ): Promise<void> {
    const now = MicroTime.now();
    const succeeded =
      result.error === null && result.statusCode !== null && result.statusCode < 300;
    const attempt: AttemptRow = {
      messageId: message.id,
      at: startedAt.toDatabaseText(),
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error ?? (succeeded ? null : `answered ${result.statusCode}`),
      responseHead: result.responseHead,
    };
    if (succeeded && endpoint.failingSince === null) {
      await this.successes.add(attempt);
      this.metrics.countAttempt('succeeded', result.latencyMs);
      return;
    }
    let label: AttemptOutcomeLabel = 'succeeded';
    await this.database.transaction(async (session) => {
      const current = await this.endpoints.find(session, endpoint.teamId, endpoint.uuid, true);
      const gone = result.statusCode === 410;
      const outcome = succeeded ? done(startedAt) : this.retryOf(message, result, now);
      label = succeeded ? 'succeeded' : outcome.status === 'failed' ? 'failed' : 'retrying';
      if (gone) outcome.status = 'failed';
      await this.messages.recordAttempt(session, attempt, outcome);
      if (!current || !current.active) return;
      if (succeeded) {
        if (current.failingSince !== null) await this.setFailingSince(session, current, null);
        return;
      }
      const failingSince = current.failingSince ?? now.toDatabaseText();
      const failingFor = now.micros - MicroTime.fromDatabaseText(failingSince).micros;
      if (gone || failingFor >= this.config.webhooks.disableAfterMs * 1000) {
        label = 'disabled';
        await this.disable(session, current, gone ? 'gone' : 'failing');
      } else if (current.failingSince === null) {
        await this.setFailingSince(session, current, failingSince);
      }
    });
    this.metrics.countAttempt(label, result.latencyMs);
    if (!succeeded) {
      this.logger.warn(
        `Webhook delivery ${message.uuid} to ${endpoint.uuid} failed (${result.error ?? result.statusCode}): ${label}`,
      );
    }
  }

  /** The next attempt on the retry schedule (with ±10 % jitter, never before a `Retry-After`), or none. */
  private retryOf(message: WebhookMessage, result: SendResult, now: MicroTime): AttemptOutcome {
    const wait = this.config.webhooks.retrySchedule[message.attempts];
    if (wait === undefined) return { status: 'failed', nextAttemptAt: now.toDatabaseText() };
    const jittered = wait * (0.9 + Math.random() * 0.2);
    const ms = Math.max(jittered, Math.min(result.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
    return { status: 'pending', nextAttemptAt: text(now.micros + Math.round(ms * 1000)) };
  }

  private setFailingSince(session: SqlSession, endpoint: WebhookEndpoint, since: string | null) {
    return this.endpoints.update(
      session,
      endpoint.teamId,
      endpoint.id,
      { failingSince: since },
      MicroTime.now().toDatabaseText(),
    );
  }

  /**
   * Turns the endpoint off (`gone`: it answered 410; `failing`: every attempt failed for days),
   * gives up its waiting messages, and tells the team's other endpoints (`endpoint.disabled`).
   */
  private async disable(session: SqlSession, endpoint: WebhookEndpoint, reason: string) {
    const now = MicroTime.now();
    await this.endpoints.update(
      session,
      endpoint.teamId,
      endpoint.id,
      { active: false, disabledReason: reason },
      now.toDatabaseText(),
    );
    await this.messages.moveAll(session, endpoint.id, 'pending', 'failed', now.toDatabaseText());
    const others = (
      await this.outbox.receiving(session, endpoint.teamId, 'endpoint.disabled')
    ).filter((id) => id !== endpoint.id);
    await this.outbox.send(session, endpoint.teamId, others, 'endpoint.disabled', {
      webhook_id: endpoint.uuid,
      url: endpoint.url,
      reason,
      disabled_at: now.toIso(),
    });
    this.metrics.countDisabled(reason);
    this.logger.error(
      `Webhook ${endpoint.uuid} of team ${endpoint.teamId} disabled (${reason === 'gone' ? 'it answered 410' : 'every attempt failed for too long'}); ${others.length} other endpoint(s) told`,
    );
  }
}

const done = (now: MicroTime): AttemptOutcome => ({
  status: 'succeeded',
  nextAttemptAt: now.toDatabaseText(),
});

/** The signature with the current secret, and with the one before a rotation while it lasts. */
function signaturesOf(
  endpoint: WebhookEndpoint,
  id: string,
  timestamp: number,
  body: string,
): string {
  const signatures = [signature(endpoint.secret, id, timestamp, body)];
  if (
    endpoint.previousSecret !== null &&
    endpoint.previousSecretUntil !== null &&
    MicroTime.fromDatabaseText(endpoint.previousSecretUntil).micros > MicroTime.now().micros
  ) {
    signatures.push(signature(endpoint.previousSecret, id, timestamp, body));
  }
  return signatures.join(' ');
}
