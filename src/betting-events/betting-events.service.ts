import { Injectable } from '@nestjs/common';
import { RequestValidationError, ResourceNotFoundError } from '../common/errors/app-error';
import { MicroTime } from '../common/time/micro-time';
import { SqlDatabase } from '../database/sql-database';
import { PlayersService } from '../players/players.service';
import { ProcessingQueue } from '../processing/queue/processing-queue';
import { SlipProjection } from '../bet-records/sports/slip.projection';
import type { TenantScope } from '../tenancy/tenant-scope';
import {
  contentHashOf,
  legacyContentHashOf,
  newPublicEventId,
  toBettingEvent,
} from './betting-event';
import { checkEvent, placementOf } from './consistency-checks';
import { MAX_LEGS, type BettingEventDto } from './dto/betting-event.dto';
import { foldSlip, type DerivedSlip } from './slip-fold';
import { AmlProcessingRepository, type AmlEventStatus } from './storage/aml-processing.repository';
import { BettingLogRepository, type LockedSlip } from './storage/betting-log.repository';
import {
  SlipQueriesRepository,
  type EventRecord,
  type SlipRecord,
} from './storage/slip-queries.repository';

/** A page of one player's slips. */
export interface PlayerSlipsPage {
  taxId: string;
  total: number;
  page: number;
  pageSize: number;
  items: SlipRecord[];
}

/**
 * The AML Betting Events API: each event is appended to its slip's log, and the slip's state is
 * derived again from the whole log (and its sports bet record with it), in one transaction that
 * holds the slip's row lock and puts the event into the processing queue.
 */
@Injectable()
export class BettingEventsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly players: PlayersService,
    private readonly log: BettingLogRepository,
    private readonly queries: SlipQueriesRepository,
    private readonly sportsBets: SlipProjection,
    private readonly processing: AmlProcessingRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  /**
   * Stores the event and answers its id. An exact repeat of an event of the slip (same content)
   * answers the first one's id and stores nothing. Concurrent events of one slip take turns on
   * the slip's row; a deadlock is retried whole. A new slip belongs to the scope's brand; a slip
   * the scope does not own is refused (409) and left untouched.
   */
  async record(scope: TenantScope, dto: BettingEventDto): Promise<{ id: string }> {
    const { teamId } = scope;
    const receivedAt = MicroTime.now();
    const event = toBettingEvent(dto, receivedAt);
    const contentHash = contentHashOf(dto);
    // A repeat of an event stored before times were hashed as instants has its old hash.
    const sameContent = [contentHash, legacyContentHashOf(dto)];
    const repeat = await this.findRepeat(scope, event.slipRef, sameContent);
    if (repeat) return { id: repeat };
    const stored = await this.database.transaction(async (session) => {
      // The slip's lock first, then the player's row: one order for every call, so that two calls
      // for one slip never hold the two crosswise.
      let slip = await this.log.lockSlip(session, scope, event.slipRef);
      const playerId = await this.players.resolveByCpf(
        session,
        teamId,
        event.taxId,
        event.eventDate,
      );
      if (!slip) {
        await this.log.ensureSlip(
          session,
          { scope, slipRef: event.slipRef, playerId, event },
          receivedAt,
        );
        slip = (await this.log.lockSlip(session, scope, event.slipRef)) as LockedSlip;
      }
      const stored = await this.log.findEventByContent(session, slip.id, sameContent);
      if (stored) return { id: stored, queued: false };

      const log = await this.log.loadLog(session, slip.id);
      const before = log.length
        ? { taxId: slip.taxId, derived: foldSlip(log), placed: placementOf(log) }
        : null;
      const after = foldSlip([...log, { ...event, sequence: Number.MAX_SAFE_INTEGER }]);
      refuseOverfullSlip(event.slipRef, log.length, after);
      const checks = checkEvent(event, before, after);
      const publicId = newPublicEventId();
      const eventId = await this.log.appendEvent(session, {
        publicId,
        teamId,
        slipId: slip.id,
        playerId,
        contentHash,
        event,
        checks,
        receivedAt,
      });
      const outOfOrder = slip.outOfOrder || checks.some((c) => c.code === 'out_of_order');
      await this.log.saveSlip(session, slip.id, after, outOfOrder, receivedAt);
      await this.sportsBets.project(session, {
        ...after,
        teamId,
        brandId: slip.brandId,
        playerId: slip.playerId,
        slipRef: event.slipRef,
      });
      // Into processing with the rest: the bettor is the player its CPF resolved to.
      await this.queue.enqueue(session, 'aml', [
        {
          eventId,
          teamId,
          playerKey: await this.players.externalIdOf(session, playerId),
          receivedAt,
        },
      ]);
      return { id: publicId, queued: true };
    });
    if (stored.queued) this.queue.committed('aml', 1);
    return { id: stored.id };
  }

  /** The processing status of an event of the scope. */
  async status(scope: TenantScope, publicId: string): Promise<AmlEventStatus> {
    const status = await this.processing.findStatusInScope(scope, publicId);
    if (!status) throw new ResourceNotFoundError('Betting event', publicId);
    return status;
  }

  /** The slip with its current legs and its whole event log. */
  async getSlip(
    scope: TenantScope,
    slipRef: string,
  ): Promise<{ slip: SlipRecord; events: EventRecord[] }> {
    const slip = await this.queries.findSlip(scope, slipRef);
    if (!slip) throw new ResourceNotFoundError('Bet slip', slipRef);
    return { slip, events: await this.queries.findEvents(slip.id) };
  }

  /** The player's slips in the scope, newest first; an unknown CPF has none. */
  async listPlayerSlips(
    scope: TenantScope,
    taxId: string,
    page: number,
    pageSize: number,
  ): Promise<PlayerSlipsPage> {
    const playerId = await this.database.autocommit((session) =>
      this.players.findIdByCpf(session, scope.teamId, taxId),
    );
    if (playerId === null) return { taxId, total: 0, page, pageSize, items: [] };
    const [total, items] = await Promise.all([
      this.queries.countPlayerSlips(scope, playerId),
      this.queries.pagePlayerSlips(scope, playerId, (page - 1) * pageSize, pageSize),
    ]);
    return { taxId, total, page, pageSize, items };
  }

  /** A stored event of the slip with this content, looked up without a lock (the common repeat). */
  private async findRepeat(
    scope: TenantScope,
    slipRef: string,
    contentHashes: readonly string[],
  ): Promise<string | null> {
    return this.database.autocommit(async (session) => {
      const slipId = await this.log.findSlipId(session, scope, slipRef);
      return slipId === null ? null : this.log.findEventByContent(session, slipId, contentHashes);
    });
  }
}

/** Most events one slip may hold: a slip's state is derived again from all of them on each call. */
export const MAX_EVENTS_PER_SLIP = 500;

/** A slip past its limits is refused (400, nothing stored), before anything is written. */
function refuseOverfullSlip(slipRef: string, eventsBefore: number, after: DerivedSlip): void {
  if (eventsBefore >= MAX_EVENTS_PER_SLIP) {
    throw invalid(
      'bet_slip_id',
      `Bet slip ${slipRef} holds ${MAX_EVENTS_PER_SLIP} events, the most a slip may hold`,
    );
  }
  if (after.legs.length > MAX_LEGS) {
    throw invalid(
      'bet_legs',
      `A slip holds at most ${MAX_LEGS} selections; with this event, ${slipRef} would hold ${after.legs.length}`,
    );
  }
}

const invalid = (field: string, message: string) =>
  new RequestValidationError([{ field, constraint: 'slipLimits', message }]);
