import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/team-scope';
import type { BetLeg, BettingEventType, SlipState } from '../betting-event';
import type { ConsistencyCheck } from '../consistency-checks';
import { flagOf, legFromRow, selectLegColumns, type LegRow } from './bet-leg.rows';

/** A slip as stored, with its current legs. */
export interface SlipRecord {
  id: string;
  slipRef: string;
  taxId: string;
  state: SlipState;
  totalStake: number;
  totalOdds: number;
  legCount: number;
  isLive: boolean;
  isFreeBet: boolean;
  isEachWay: boolean;
  bonusAmount: number;
  payout: number | null;
  outOfOrder: boolean;
  eventsCount: number;
  firstEventAt: MicroTime;
  lastEventAt: MicroTime;
  closedAt: MicroTime | null;
  legs: BetLeg[];
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

/** The read side of the AML API: slips and their logs, for support staff and the AML team. */
@Injectable()
export class SlipQueriesRepository {
  constructor(private readonly database: SqlDatabase) {}

  async findSlip(teamId: number, slipRef: string): Promise<SlipRecord | null> {
    const rows = await this.database.select<SlipRow>(
      `${this.selectSlips()} WHERE team_id = ? AND slip_ref = ?`,
      [requireTeamId(teamId), slipRef],
    );
    return rows.length ? (await this.withLegs(rows))[0] : null;
  }

  async countPlayerSlips(playerId: number): Promise<number> {
    const [row] = await this.database.select<{ total: Num }>(
      'SELECT COUNT(*) AS total FROM betting_slips WHERE player_id = ?',
      [playerId],
    );
    return Number(row.total);
  }

  /** A page of the player's slips, newest first. */
  async pagePlayerSlips(playerId: number, offset: number, limit: number): Promise<SlipRecord[]> {
    const rows = await this.database.select<SlipRow>(
      `${this.selectSlips()} WHERE player_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      [playerId, limit, offset],
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
    const legs = await this.legsOf(
      'betting_event_legs',
      'event_id',
      rows.map((r) => String(r.id)),
    );
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
    const legs = await this.legsOf(
      'betting_slip_legs',
      'slip_id',
      rows.map((r) => String(r.id)),
    );
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

  /** The legs of each owner (slip or event), in their order. */
  private async legsOf(
    table: 'betting_slip_legs' | 'betting_event_legs',
    owner: 'slip_id' | 'event_id',
    ownerIds: readonly string[],
  ): Promise<Map<string, BetLeg[]>> {
    const byOwner = new Map<string, BetLeg[]>();
    if (ownerIds.length === 0) return byOwner;
    const rows = await this.database.select<LegRow & { owner_id: Num }>(
      `SELECT l.${owner} AS owner_id, l.position, ${selectLegColumns(this.database.dialect, 'l')} FROM ${table} l ` +
        `WHERE l.${owner} IN (${placeholders(ownerIds.length)}) ORDER BY l.${owner}, l.position`,
      ownerIds,
    );
    for (const row of rows) {
      const key = String(row.owner_id);
      const legs = byOwner.get(key) ?? [];
      legs.push(legFromRow(row));
      byOwner.set(key, legs);
    }
    return byOwner;
  }
}
