import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { scopeCondition, type TenantScope } from '../../tenancy/tenant-scope';
import type { BetLeg, BettingEventType, SlipState } from '../betting-event';
import type { ConsistencyCheck } from '../consistency-checks';
import type { DerivedSlip } from '../slip-fold';
import { flagOf, groupLegs, selectLegColumns, type LegRow } from './bet-leg.rows';
import { hasSurroundingSpaces } from '../../common/text/well-formed';

/** A slip as stored: its derived state, and who and what it is. */
export interface SlipRecord extends Omit<DerivedSlip, 'balanceBefore' | 'balanceAfter'> {
  id: string;
  slipRef: string;
  taxId: string;
  outOfOrder: boolean;
}

/** One event of a slip's log as stored: what was sent, what it failed, when it arrived. */
export interface EventRecord {
  publicId: string;
  type: BettingEventType;
  taxId: string;
  eventDate: MicroTime;
  receivedAt: MicroTime;
  lastPlayerBalance: number;
  currentPlayerBalance: number;
  betSlipState: SlipState | null;
  totalStake: number;
  totalOdds: number;
  legCount: number;
  isLive: boolean | null;
  isFreeBet: boolean | null;
  isEachWay: boolean | null;
  bonusAmount: number | null;
  meta: Record<string, unknown> | null;
  checks: ConsistencyCheck[];
  legs: BetLeg[];
}

type Num = string | number;

/** The slips with an event of a player (`?`): their own first CPF or a later one. */
const SLIPS_OF_PLAYER = 'id IN (SELECT slip_id FROM betting_events WHERE player_id = ?)';

interface SlipRow {
  id: Num;
  slip_ref: string;
  tax_id: string;
  state: SlipState;
  total_stake: Num;
  total_odds: number;
  leg_count: number;
  is_live: number;
  is_free_bet: number;
  is_each_way: number;
  bonus_amount: Num;
  payout: Num | null;
  out_of_order: number;
  events_count: number;
  first_event_at: string;
  last_event_at: string;
  closed_at: string | null;
}

interface EventRow {
  id: Num;
  public_id: string;
  event_type: BettingEventType;
  tax_id: string;
  event_date: string;
  received_at: string;
  last_player_balance: Num;
  current_player_balance: Num;
  bet_slip_state: SlipState | null;
  total_stake: Num;
  total_odds: number;
  leg_count: number;
  is_live: number | null;
  is_free_bet: number | null;
  is_each_way: number | null;
  bonus_amount: Num | null;
  meta: string | null;
  checks: string;
}

/**
 * The read side of the AML API: slips and their logs, for support staff and the AML team. Slips
 * are read within the caller's scope: a brand's key sees the slips its brand opened, and no other.
 */
@Injectable()
export class SlipQueriesRepository {
  constructor(private readonly database: SqlDatabase) {}

  async findSlip(scope: TenantScope, slipRef: string): Promise<SlipRecord | null> {
    if (hasSurroundingSpaces(slipRef)) return null;
    const inScope = scopeCondition(scope);
    const rows = await this.database.select<SlipRow>(
      `${this.selectSlips()} WHERE ${inScope.sql} AND slip_ref = ?`,
      [...inScope.params, slipRef],
    );
    return rows.length ? (await this.withLegs(rows))[0] : null;
  }

  /**
   * How many of the scope's slips have an event of the player (a slip whose events name two CPFs
   * counts for both).
   */
  async countPlayerSlips(scope: TenantScope, playerId: number): Promise<number> {
    const inScope = scopeCondition(scope);
    const [row] = await this.database.select<{ total: Num }>(
      `SELECT COUNT(*) AS total FROM betting_slips WHERE ${inScope.sql} AND ${SLIPS_OF_PLAYER}`,
      [...inScope.params, playerId],
    );
    return Number(row.total);
  }

  /** A page of the scope's slips with an event of the player, newest first. */
  async pagePlayerSlips(
    scope: TenantScope,
    playerId: number,
    offset: number,
    limit: number,
  ): Promise<SlipRecord[]> {
    const inScope = scopeCondition(scope);
    const rows = await this.database.select<SlipRow>(
      `${this.selectSlips()} WHERE ${inScope.sql} AND ${SLIPS_OF_PLAYER} ORDER BY id DESC LIMIT ? OFFSET ?`,
      [...inScope.params, playerId, limit, offset],
    );
    return this.withLegs(rows);
  }

  /** The slip's events in arrival order, with their legs as sent. */
  async findEvents(slipId: string): Promise<EventRecord[]> {
    const { dialect } = this.database;
    const rows = await this.database.select<EventRow>(
      `SELECT id, public_id, event_type, tax_id, ${dialect.timestampText('event_date')} AS event_date, ` +
        `${dialect.timestampText('received_at')} AS received_at, last_player_balance, current_player_balance, ` +
        'bet_slip_state, total_stake, total_odds, leg_count, is_live, is_free_bet, is_each_way, bonus_amount, meta, checks ' +
        'FROM betting_events WHERE slip_id = ? ORDER BY id',
      [slipId],
    );
    const legs = await this.legsOf('betting_event_legs', 'event_id', 'e.slip_id = ?', [slipId]);
    return rows.map((row) => ({
      publicId: row.public_id,
      type: row.event_type,
      taxId: row.tax_id,
      eventDate: MicroTime.fromDatabaseText(row.event_date),
      receivedAt: MicroTime.fromDatabaseText(row.received_at),
      lastPlayerBalance: Number(row.last_player_balance),
      currentPlayerBalance: Number(row.current_player_balance),
      betSlipState: row.bet_slip_state,
      totalStake: Number(row.total_stake),
      totalOdds: Number(row.total_odds),
      legCount: Number(row.leg_count),
      isLive: flagOf(row.is_live),
      isFreeBet: flagOf(row.is_free_bet),
      isEachWay: flagOf(row.is_each_way),
      bonusAmount: row.bonus_amount === null ? null : Number(row.bonus_amount),
      meta: row.meta === null ? null : (JSON.parse(row.meta) as Record<string, unknown>),
      checks: JSON.parse(row.checks) as ConsistencyCheck[],
      legs: legs.get(String(row.id)) ?? [],
    }));
  }

  private selectSlips(): string {
    const { dialect } = this.database;
    return (
      'SELECT id, slip_ref, tax_id, state, total_stake, total_odds, leg_count, is_live, is_free_bet, is_each_way, ' +
      `bonus_amount, payout, out_of_order, events_count, ${dialect.timestampText('first_event_at')} AS first_event_at, ` +
      `${dialect.timestampText('last_event_at')} AS last_event_at, ${dialect.timestampText('closed_at')} AS closed_at ` +
      'FROM betting_slips'
    );
  }

  private async withLegs(rows: SlipRow[]): Promise<SlipRecord[]> {
    const ids = rows.map((r) => String(r.id));
    const legs = ids.length
      ? await this.legsOf(
          'betting_slip_legs',
          'slip_id',
          `l.slip_id IN (${placeholders(ids.length)})`,
          ids,
        )
      : new Map<string, BetLeg[]>();
    return rows.map((row) => ({
      id: String(row.id),
      slipRef: row.slip_ref,
      taxId: row.tax_id,
      state: row.state,
      totalStake: Number(row.total_stake),
      totalOdds: Number(row.total_odds),
      legCount: Number(row.leg_count),
      isLive: flagOf(row.is_live) === true,
      isFreeBet: flagOf(row.is_free_bet) === true,
      isEachWay: flagOf(row.is_each_way) === true,
      bonusAmount: Number(row.bonus_amount),
      payout: row.payout === null ? null : Number(row.payout),
      outOfOrder: flagOf(row.out_of_order) === true,
      eventsCount: Number(row.events_count),
      firstEventAt: MicroTime.fromDatabaseText(row.first_event_at),
      lastEventAt: MicroTime.fromDatabaseText(row.last_event_at),
      closedAt: row.closed_at === null ? null : MicroTime.fromDatabaseText(row.closed_at),
      legs: legs.get(String(row.id)) ?? [],
    }));
  }

  /** The legs of each owner (slip or event) that `where` picks, in their order. */
  private async legsOf(
    table: 'betting_slip_legs' | 'betting_event_legs',
    owner: 'slip_id' | 'event_id',
    where: string,
    params: readonly unknown[],
  ): Promise<Map<string, BetLeg[]>> {
    const join = owner === 'event_id' ? 'JOIN betting_events e ON e.id = l.event_id ' : '';
    const rows = await this.database.select<LegRow & { owner_id: Num }>(
      `SELECT l.${owner} AS owner_id, l.position, ${selectLegColumns(this.database.dialect, 'l')} FROM ${table} l ` +
        `${join}WHERE ${where} ORDER BY l.${owner}, l.position`,
      params,
    );
    return groupLegs(rows);
  }
}
