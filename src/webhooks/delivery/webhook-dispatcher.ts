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
import { DeliverySlots } from './delivery-slots';
import { GroupCommit } from './group-commit';
import { WebhookMetrics, type AttemptOutcomeLabel } from './webhook.metrics';
import {
  WebhookMessagesRepository,
  type AttemptOutcome,
  type AttemptRow,
  type WebhookMessage,
} from './webhook-messages.repository';
import { outsideRequest } from '../../observability/logging';
import { WebhookOutbox } from './webhook-outbox';
import { bodyOf, WebhookPayloads } from './webhook-payloads';
import { WebhookSender, type SendResult } from './webhook-sender';

/** A lease outlasts an attempt by this much: the attempt's record has time to commit. */
const LEASE_MARGIN_MS = 5000;
/**
 * A claim leases its messages for this many attempts' time: those claimed ahead wait for a
 * slot first (at most one attempt's time; one that waited longer is not sent, see `start`).
 */
const LEASED_ATTEMPTS = 2;
/**
 * How many slots' worth of an endpoint's messages are claimed ahead. Only for an endpoint
 * without a rate limit whose last answer came within 1/(CLAIMED_AHEAD + 1) of the timeout:
 * the last one claimed then waits for its slot less than one attempt's time.
 */
const CLAIMED_AHEAD = 3;
/** A `Retry-After` is honoured up to a day. */
const MAX_RETRY_AFTER_MS = 86_400_000;
/** How often old messages are purged, and how many a statement deletes. */
const PURGE_EVERY_MS = 3_600_000;
const PURGE_BATCH = 1000;

const text = (micros: number) => MicroTime.fromMicros(micros).toDatabaseText();

/** A claimed message, its endpoint as it was when claimed, and when its lease ends. */
interface Delivery {
  message: WebhookMessage;
  endpoint: WebhookEndpoint;
  endpointId: string;
  leaseUntil: string;
  leaseEndsMs: number;
  /** Its claim's rendering of the bodies: the delivery waits for it before it sends. */
  rendered?: Promise<void>;
}

/**
 * Sends the outbox: claims due messages (leased, so that instances never send one at the same
 * time, and ahead of their slots: see DeliverySlots), at most WEBHOOK_CONCURRENCY at once and
 * WEBHOOK_ENDPOINT_CONCURRENCY per endpoint, so that a slow endpoint never holds the others
 * back; signs and posts each, then records the attempt and schedules the retry, or disables an
 * endpoint that answered 410 or failed for days.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly slots: DeliverySlots<Delivery>;
  /** Endpoints whose messages are claimed ahead: quick to answer, no rate limit of their own. */
  private readonly quick = new Set<string>();
  private readonly sending = new Set<Promise<void>>();
  /** Per endpoint, when its next delivery may start (its rate limit, on this instance). */
  private readonly nextSlot = new Map<string, number>();
  /** Bodies being rendered, by type, subject and time: one rendering for sibling messages. */
  private readonly rendering = new Map<string, Promise<string>>();
  private running = false;
  /** Where the next claim starts in the list of endpoints with messages due. */
  private claimRotation = 0;
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
  ) {
    const { concurrency, perEndpointConcurrency } = config.webhooks;
    this.slots = new DeliverySlots({
      total: concurrency,
      perEndpoint: perEndpointConcurrency,
      ahead: CLAIMED_AHEAD,
    });
  }

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
    await this.handBack(this.slots.takeWaiting());
    await Promise.allSettled([...this.sending]);
  }

  /** Claims what is due now and sends it; resolves once those deliveries are recorded. */
  async sendDue(): Promise<number> {
    const claimed = await this.claim();
    await this.renderBodies(claimed);
    this.slots.add(claimed);
    this.startReady();
    while (!this.slots.idle) await Promise.allSettled([...this.sending]);
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
    // A commit of a request's transaction wakes the dispatcher: its polls are not that request's.
    this.timer = outsideRequest(() =>
      setTimeout(() => {
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
      }, delayMs),
    );
  }

  /**
   * Claims and starts what is due; answers how many. The claim's bodies are rendered while the
   * next claim goes on: under load, a claim's round trips and its rendering's overlap instead of
   * adding up (each delivery waits for its claim's rendering before it sends).
   */
  private async poll(): Promise<number> {
    let claimed: Delivery[] = [];
    try {
      claimed = await this.claim();
      const rendered = this.renderBodies(claimed).catch((error: Error) =>
        this.logger.warn(`Webhook bodies not rendered at their claim: ${error.message}`),
      );
      for (const delivery of claimed) delivery.rendered = rendered;
      this.slots.add(claimed);
      this.startReady();
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

  /** Due messages with their endpoints, as many as the slots and the claims ahead allow. */
  private async claim(): Promise<Delivery[]> {
    const { timeoutMs } = this.config.webhooks;
    const nowMicros = MicroTime.now().micros;
    const leaseMs = LEASED_ATTEMPTS * timeoutMs + LEASE_MARGIN_MS;
    const leaseUntil = text(nowMicros + leaseMs * 1000);
    const leaseEndsMs = nowMicros / 1000 + leaseMs;
    const roomFor = (endpointId: string, claiming: number) =>
      this.slots.roomFor(endpointId, this.quick.has(endpointId), claiming);
    if (this.slots.roomFor(null, true) === 0) return [];
    // A plain read first: an idle outbox costs one indexed query a poll, no transaction.
    const due = await this.messages.endpointsDue(this.database, text(nowMicros));
    if (due.length === 0) return [];
    // Rooms are set before the claim (one statement for all endpoints): when the slots cannot
    // hold every due endpoint's share, each claim starts one endpoint further, so none waits long.
    const first = this.claimRotation++ % due.length;
    const limits: { endpointId: string; limit: number }[] = [];
    let claiming = 0;
    for (const endpointId of [...due.slice(first), ...due.slice(0, first)]) {
      const limit = roomFor(endpointId, claiming);
      if (limit <= 0) continue;
      limits.push({ endpointId, limit });
      claiming += limit;
    }
    return this.database.transaction(async (session) => {
      const claimed = await this.messages.claim(session, limits, text(nowMicros), leaseUntil);
      const endpoints = await this.endpoints.byIds(session, [
        ...new Set(claimed.map((message) => message.endpointId)),
      ]);
      for (const [id, endpoint] of endpoints) if (endpoint.rateLimit) this.quick.delete(id);
      // Paused or deleted meanwhile: its messages moved with it (or went), none is sent.
      return claimed.flatMap((message) => {
        const endpoint = endpoints.get(message.endpointId);
        return endpoint?.active
          ? [{ message, endpoint, endpointId: message.endpointId, leaseUntil, leaseEndsMs }]
          : [];
      });
    });
  }

  /**
   * The bodies of claimed messages written without one (`alert.*`), rendered before they take a
   * slot, for each team and type in one rendering, and stored with their siblings' in one
   * statement: a slot is held for the POST only, and a burst of alerts costs a few reads and
   * one write a claim, not as many an alert. A body that cannot be rendered or stored here is
   * rendered again by its delivery, which records why it failed.
   */
  private async renderBodies(deliveries: readonly Delivery[]): Promise<void> {
    const siblings = new Map<string, WebhookMessage[]>();
    for (const { message } of deliveries) {
      if (message.body !== null || message.subject === null) continue;
      const key = siblingsKey(message);
      siblings.set(key, [...(siblings.get(key) ?? []), message]);
    }
    if (siblings.size === 0) return;
    const groups = [...siblings.values()];
    const byKind = new Map<string, { teamId: number; eventType: string; subjects: string[] }>();
    for (const [{ teamId, eventType, subject }] of groups) {
      const kind = byKind.get(`${teamId}|${eventType}`) ?? { teamId, eventType, subjects: [] };
      kind.subjects.push(subject!);
      byKind.set(`${teamId}|${eventType}`, kind);
    }
    const data = new Map<string, unknown>();
    for (const [key, { teamId, eventType, subjects }] of byKind) {
      const rendered = await this.payloads
        .dataOf(teamId, eventType, [...new Set(subjects)])
        .catch(() => new Map<string, unknown>());
      for (const [subject, value] of rendered) data.set(`${key}|${subject}`, value);
    }
    const rendered = groups.flatMap(([first]) => {
      const value = data.get(`${first.teamId}|${first.eventType}|${first.subject}`);
      if (value === undefined) return [];
      const timestamp = MicroTime.fromDatabaseText(first.createdAt).toIso();
      return [{ message: first, body: bodyOf(first.eventType, timestamp, value) }];
    });
    try {
      const kept = await this.database.autocommit((session) =>
        this.messages.setBodies(session, rendered),
      );
      for (const group of groups) {
        const body = kept.get(group[0].id);
        if (body !== undefined) for (const message of group) message.body = body;
      }
    } catch (error) {
      for (const group of groups) for (const message of group) message.body = null;
      this.logger.warn(`Webhook bodies not stored at their claim: ${(error as Error).message}`);
    }
  }

  /** Starts the claimed deliveries that have a slot now. */
  private startReady(): void {
    for (const delivery of this.slots.takeStartable()) void this.start(delivery);
  }

  /** Claimed deliveries that will not be sent here (the dispatcher stops): due again at once. */
  private async handBack(deliveries: readonly Delivery[]): Promise<void> {
    const byLease = new Map<string, string[]>();
    for (const { message, leaseUntil } of deliveries)
      byLease.set(leaseUntil, [...(byLease.get(leaseUntil) ?? []), message.id]);
    const now = MicroTime.now().toDatabaseText();
    try {
      for (const [leaseUntil, ids] of byLease) {
        await this.database.autocommit((session) =>
          this.messages.release(session, ids, leaseUntil, now),
        );
      }
    } catch (error) {
      // Not handed back, they are due again when their lease ends: late, never lost.
      this.logger.warn(`Webhook messages not handed back: ${(error as Error).message}`);
    }
  }

  /**
   * Sends one claimed message; resolves once its attempt is recorded. Its slot (of the endpoint's
   * and of the dispatcher's) is freed as soon as the POST has its answer: recording is our work,
   * not the receiver's load, and the message stays leased until its record commits. One claimed
   * ahead that waited so long for its slot that its lease could end before its attempt is
   * recorded is not sent: it is due again when its lease ends, for whichever instance claims it.
   */
  private start(claimed: Delivery): Promise<void> {
    const { message, endpoint } = claimed;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      this.slots.release(message.endpointId);
      this.startReady();
      this.schedule(0);
    };
    if (claimed.leaseEndsMs - Date.now() < this.config.webhooks.timeoutMs + LEASE_MARGIN_MS) {
      this.logger.warn(
        `Webhook delivery ${message.uuid} waited too long for a slot of ${endpoint.uuid}; due again when its lease ends`,
      );
      free();
      return Promise.resolve();
    }
    const delivery = (claimed.rendered ?? Promise.resolve())
      .then(() => this.deliver(message, endpoint, free))
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
    const quick = result.latencyMs * (CLAIMED_AHEAD + 1) < this.config.webhooks.timeoutMs;
    if (quick && !endpoint.rateLimit) this.quick.add(endpoint.id);
    else this.quick.delete(endpoint.id);
    await this.record(message, endpoint, startedAt, result);
  }

  /**
   * Renders the body and stores it for the message and those written with it to the team's
   * other endpoints; siblings claimed at once wait for the same rendering.
   */
  private render(message: WebhookMessage): Promise<string> {
    const key = siblingsKey(message);
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

  /**
   * The next attempt on the retry schedule (with ±10 % jitter, never before a `Retry-After`), or
   * none: after the last retry, and after the one attempt of a message sent again by hand.
   */
  private retryOf(message: WebhookMessage, result: SendResult, now: MicroTime): AttemptOutcome {
    const wait = message.resent ? undefined : this.config.webhooks.retrySchedule[message.attempts];
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

/** Messages written together to a team's endpoints (same type, subject and time) share a body. */
const siblingsKey = (message: WebhookMessage) =>
  `${message.teamId}|${message.eventType}|${message.subject}|${message.createdAt}`;

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
