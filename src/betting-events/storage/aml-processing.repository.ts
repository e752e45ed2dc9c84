import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import type { QueueEntry } from '../../processing/queue/processing-queue';
import { scopeCondition, type TenantScope } from '../../tenancy/tenant-scope';
import type { AmlBettingEvent, AmlLeg } from '../aml-betting-event';
import type { CheckCode } from '../consistency-checks';
import { eventStatusStatements } from '../../processing/queue/event-status.statements';
import { hasSurroundingSpaces } from '../../common/text/well-formed';

const AML_EVENT_STATUS = eventStatusStatements('betting_events');

type Num = number | string;

interface EventRow {
  id: Num;
  public_id: string;
  team_id: Num;
  brand_id: Num | null;
  player_id: Num;
  player_external_id: string;
  tax_id: string;
  event_type: string;
  event_date: string;
  slip_ref: string;
  bet_slip_state: string | null;
  total_stake: Num;
  total_odds: Num;
  leg_count: Num;
  last_player_balance: Num;
  current_player_balance: Num;
  is_live: Num | boolean | null;
  is_free_bet: Num | boolean | null;
  bonus_amount: Num | null;
  slip_id: Num;
  checks: string;
}

export interface AmlEventStatus {
  publicId: string;
  status: string;
  processedAt: MicroTime | null;
}

const flag = (value: Num | boolean | null) => (value === null ? null : Boolean(Number(value)));

/** The processing side of `betting_events`: read for the steps, status, failures. */
@Injectable()
export class AmlProcessingRepository {
  constructor(private readonly database: SqlDatabase) {}

  /** RECEIVED events among these row ids, as the processing steps see them. */
  async loadReceived(session: SqlSession, ids: readonly string[]): Promise<AmlBettingEvent[]> {
    if (ids.length === 0) return [];
    const rows = await session.select<EventRow>(
      `SELECT e.id, e.public_id, e.team_id, s.brand_id, e.player_id, p.external_id AS player_external_id, e.tax_id, ` +
        `e.event_type, ${session.dialect.timestampText('e.event_date')} AS event_date, s.slip_ref, e.bet_slip_state, ` +
        'e.total_stake, e.total_odds, e.leg_count, e.last_player_balance, e.current_player_balance, e.is_live, ' +
        'e.is_free_bet, e.bonus_amount, e.slip_id, e.checks FROM betting_events e JOIN betting_slips s ON s.id = e.slip_id ' +
        `JOIN players p ON p.id = e.player_id WHERE e.id IN (${placeholders(ids.length)}) AND e.status = 'RECEIVED'`,
      ids,
    );
    const legs = await this.legsOf(
      session,
      rows.map((row) => String(row.id)),
    );
    const earlier = await this.earlierEventsOf(session, rows);
    return rows.map((row) => ({
      stream: 'aml',
      id: String(row.id),
      publicId: row.public_id,
      teamId: Number(row.team_id),
      brandId: row.brand_id === null ? null : Number(row.brand_id),
      playerId: Number(row.player_id),
      playerExternalId: row.player_external_id,
      taxId: row.tax_id,
      eventType: row.event_type,
      eventTime: row.event_date,
      slipRef: row.slip_ref,
      betSlipState: row.bet_slip_state,
      totalStake: Number(row.total_stake),
      totalOdds: Number(row.total_odds),
      legCount: Number(row.leg_count),
      lastPlayerBalance: Number(row.last_player_balance),
      currentPlayerBalance: Number(row.current_player_balance),
      isLive: flag(row.is_live),
      isFreeBet: flag(row.is_free_bet),
      bonusAmount: row.bonus_amount === null ? null : Number(row.bonus_amount),
      checks: (JSON.parse(row.checks) as { code: CheckCode }[]).map((check) => check.code),
      legs: legs.get(String(row.id)) ?? [],
      earlier: earlier.get(String(row.id)) ?? [],
    }));
  }

  private async legsOf(
    session: SqlSession,
    ids: readonly string[],
  ): Promise<Map<string, AmlLeg[]>> {
    const byEvent = new Map<string, AmlLeg[]>();
    if (ids.length === 0) return byEvent;
    const rows = await session.select<{
      event_id: Num;
      sport_event_ref: string | null;
      market_ref: string | null;
      selection_ref: string | null;
      odds: Num;
    }>(
      'SELECT event_id, sport_event_ref, market_ref, selection_ref, odds FROM betting_event_legs ' +
        `WHERE event_id IN (${placeholders(ids.length)}) ORDER BY event_id, position`,
      ids,
    );
    for (const row of rows) {
      const key = String(row.event_id);
      const legs = byEvent.get(key) ?? [];
      legs.push({
        sportEventRef: row.sport_event_ref,
        marketRef: row.market_ref,
        selectionRef: row.selection_ref,
        odds: Number(row.odds),
      });
      byEvent.set(key, legs);
    }
    return byEvent;
  }

  /** For each event, the events of its slip received before it (by row id), oldest first. */
  private async earlierEventsOf(
    session: SqlSession,
    events: readonly EventRow[],
  ): Promise<Map<string, AmlBettingEvent['earlier']>> {
    const earlier = new Map<string, AmlBettingEvent['earlier']>();
    const slipIds = [...new Set(events.map((event) => String(event.slip_id)))];
    if (slipIds.length === 0) return earlier;
    const log = await session.select<{
      id: Num;
      slip_id: Num;
      event_type: string;
      bet_slip_state: string | null;
      total_stake: Num;
    }>(
      'SELECT id, slip_id, event_type, bet_slip_state, total_stake FROM betting_events ' +
        `WHERE slip_id IN (${placeholders(slipIds.length)}) ORDER BY id`,
      slipIds,
    );
    for (const event of events) {
      earlier.set(
        String(event.id),
        log
          .filter(
            (row) =>
              String(row.slip_id) === String(event.slip_id) && BigInt(row.id) < BigInt(event.id),
          )
          .map((row) => ({
            eventType: row.event_type,
            betSlipState: row.bet_slip_state,
            totalStake: Number(row.total_stake),
          })),
      );
    }
    return earlier;
  }

  /** RECEIVED -> PROCESSED; returns how many of these events it marked. */
  markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<number> {
    const { sql, params } = AML_EVENT_STATUS.processed(ids, at);
    return session.execute(sql, params);
  }

  /** RECEIVED -> FAILED for good, with its reason and number of attempts. */
  async markFailed(
    session: SqlSession,
    id: string,
    failure: { reason: string; attempts: number },
    at: MicroTime,
  ): Promise<void> {
    const { sql, params } = AML_EVENT_STATUS.failed(id, failure, at);
    await session.execute(sql, params);
  }

  /**
   * FAILED -> RECEIVED for the events received since `since` (all when null), locked first so
   * that an event failing meanwhile is left alone. Returns them, for the caller to queue again.
   */
  async takeBackFailed(session: SqlSession, since: MicroTime | null): Promise<QueueEntry[]> {
    const after = since ? ' AND e.received_at >= ?' : '';
    const failed = await session.select<{
      id: Num;
      team_id: Num;
      player: string;
      received_at: string;
    }>(
      `SELECT e.id, e.team_id, p.external_id AS player, ${session.dialect.timestampText('e.received_at')} AS received_at ` +
        `FROM betting_events e JOIN players p ON p.id = e.player_id WHERE e.status = 'FAILED'${after} ORDER BY e.id ` +
        session.dialect.forUpdate,
      since ? [since.toDatabaseText()] : [],
    );
    for (let start = 0; start < failed.length; start += 500) {
      const chunk = failed.slice(start, start + 500);
      await session.execute(
        "UPDATE betting_events SET status = 'RECEIVED', processed_at = NULL, failed_attempts = 0 " +
          `WHERE status = 'FAILED' AND id IN (${placeholders(chunk.length)})`,
        chunk.map((row) => row.id),
      );
    }
    return failed.map((row) => ({
      eventId: String(row.id),
      teamId: Number(row.team_id),
      playerKey: row.player,
      receivedAt: MicroTime.fromDatabaseText(row.received_at),
    }));
  }

  /** The processing status of an event of the scope (a brand's key: of its brand's slips). */
  async findStatusInScope(scope: TenantScope, publicId: string): Promise<AmlEventStatus | null> {
    if (hasSurroundingSpaces(publicId)) return null;
    const inScope = scopeCondition(scope, 's');
    const [row] = await this.database.select<{
      public_id: string;
      status: string;
      processed_at: string | null;
    }>(
      `SELECT e.public_id, e.status, ${this.database.dialect.timestampText('e.processed_at')} AS processed_at ` +
        `FROM betting_events e JOIN betting_slips s ON s.id = e.slip_id WHERE e.public_id = ? AND ${inScope.sql}`,
      [publicId, ...inScope.params],
    );
    if (!row) return null;
    return {
      publicId: row.public_id,
      status: row.status,
      processedAt: row.processed_at ? MicroTime.fromDatabaseText(row.processed_at) : null,
    };
  }
}
