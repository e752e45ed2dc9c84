import { Injectable } from '@nestjs/common';
import { ConflictError } from '../../common/errors/app-error';
import { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { ownsRow, requireScope, requireTeamId, type TenantScope } from '../../tenancy/tenant-scope';
import type {
  BetLeg,
  BettingEvent,
  BettingEventType,
  LoggedBettingEvent,
  SlipState,
} from '../betting-event';
import type { ConsistencyCheck } from '../consistency-checks';
import type { DerivedSlip } from '../slip-fold';
import {
  flagOf,
  LEG_COLUMNS,
  groupLegs,
  legValues,
  selectLegColumns,
  type LegRow,
} from './bet-leg.rows';

/** A slip row, locked for the caller's transaction. */
export interface LockedSlip {
  id: string;
  /** The brand of the key that opened it; null for a team-wide key. */
  brandId: number | null;
  taxId: string;
  playerId: number;
  outOfOrder: boolean;
  eventsCount: number;
}

/** An event about to be appended to its slip's log. */
export interface EventToAppend {
  publicId: string;
  teamId: number;
  slipId: string;
  playerId: number;
  contentHash: string;
  event: BettingEvent;
  checks: readonly ConsistencyCheck[];
  receivedAt: MicroTime;
}

const EVENT_COLUMNS = [
  'public_id',
  'team_id',
  'slip_id',
  'player_id',
  'content_hash',
  'event_type',
  'tax_id',
  'last_player_balance',
  'current_player_balance',
  'event_date',
  'bet_slip_state',
  'total_stake',
  'total_odds',
  'leg_count',
  'is_live',
  'is_free_bet',
  'is_each_way',
  'bonus_amount',
  'meta',
  'checks',
  'received_at',
];

const SLIP_STATE_COLUMNS = [
  'state',
  'total_stake',
  'total_odds',
  'leg_count',
  'is_live',
  'is_free_bet',
  'is_each_way',
  'bonus_amount',
  'payout',
  'out_of_order',
  'events_count',
  'first_event_at',
  'last_event_at',
  'closed_at',
  'updated_at',
];

interface LoggedEventRow {
  id: string | number;
  event_type: BettingEventType;
  tax_id: string;
  last_player_balance: string | number;
  current_player_balance: string | number;
  event_date: string;
  bet_slip_state: SlipState | null;
  total_stake: string | number;
  total_odds: number;
  leg_count: number;
  is_live: number | null;
  is_free_bet: number | null;
  is_each_way: number | null;
  bonus_amount: string | number | null;
}

/** `1`/`0` for a boolean column: better-sqlite3 binds no booleans. */
const bit = (flag: boolean | null) => (flag === null ? null : flag ? 1 : 0);

/**
 * The write side of the AML API: slips, their event logs and their derived state, always within
 * the caller's transaction. A slip's id (`bet_slip_id`) is unique per team, so slips are looked up
 * team-wide; one that the caller's scope does not own (another brand's, or a team-wide key's for a
 * brand's key) is refused with a conflict that names nothing of it.
 */
@Injectable()
export class BettingLogRepository {
  /**
   * Creates the slip's row, or finds the team's row of that id, locked either way (a no-op
   * upsert takes the row's exclusive lock at once: a plain `INSERT IGNORE` would take a shared
   * one, and two of those waiting to become exclusive deadlock). A new slip belongs to the scope's
   * brand. Its figures are set by `saveSlip`.
   */
  async ensureSlip(
    session: SqlSession,
    slip: { scope: TenantScope; slipRef: string; playerId: number; event: BettingEvent },
    now: MicroTime,
  ): Promise<void> {
    const { event } = slip;
    const { teamId, brandId } = requireScope(slip.scope);
    const at = event.eventDate.toDatabaseText();
    const columns = [
      'team_id',
      'brand_id',
      'slip_ref',
      'player_id',
      'tax_id',
      ...SLIP_STATE_COLUMNS,
      'created_at',
    ];
    const sql = session.dialect.upsert('betting_slips', columns, 1, ['team_id', 'slip_ref'], {
      id: (old) => old('id'),
    });
    await session.execute(sql, [
      teamId,
      brandId,
      slip.slipRef,
      slip.playerId,
      event.taxId,
      'open',
      event.totalStake,
      event.totalOdds,
      event.legCount,
      0,
      0,
      0,
      0,
      null,
      0,
      0,
      at,
      at,
      null,
      now.toDatabaseText(),
      now.toDatabaseText(),
    ]);
  }

  /** The id of the scope's slip, without a lock; null when the team has none of this id. */
  async findSlipId(
    session: SqlSession,
    scope: TenantScope,
    slipRef: string,
  ): Promise<string | null> {
    const [row] = await session.select<{ id: string | number; brand_id: number | null }>(
      'SELECT id, brand_id FROM betting_slips WHERE team_id = ? AND slip_ref = ?',
      [requireTeamId(scope.teamId), slipRef],
    );
    return row ? String(ownedBy(scope, row, slipRef).id) : null;
  }

  /**
   * The scope's slip, locked until the transaction ends (its events are appended one at a time);
   * null when the team has none of this id.
   */
  async lockSlip(
    session: SqlSession,
    scope: TenantScope,
    slipRef: string,
  ): Promise<LockedSlip | null> {
    const [row] = await session.select<{
      id: string | number;
      brand_id: number | null;
      tax_id: string;
      player_id: number;
      out_of_order: number;
      events_count: number;
    }>(
      `SELECT id, brand_id, tax_id, player_id, out_of_order, events_count FROM betting_slips WHERE team_id = ? AND slip_ref = ? ${session.dialect.forUpdate}`,
      [requireTeamId(scope.teamId), slipRef],
    );
    if (!row) return null;
    ownedBy(scope, row, slipRef);
    return {
      id: String(row.id),
      brandId: row.brand_id === null ? null : Number(row.brand_id),
      taxId: row.tax_id,
      playerId: Number(row.player_id),
      outOfOrder: flagOf(row.out_of_order) === true,
      eventsCount: Number(row.events_count),
    };
  }

  /** The public id of the slip's event with this content (any of its hashes), if it is stored. */
  async findEventByContent(
    session: SqlSession,
    slipId: string,
    contentHashes: readonly string[],
  ): Promise<string | null> {
    const rows = await session.select<{ public_id: string }>(
      `SELECT public_id FROM betting_events WHERE slip_id = ? AND content_hash IN (${placeholders(contentHashes.length)}) ` +
        'ORDER BY id LIMIT 1',
      [slipId, ...contentHashes],
    );
    return rows.length ? rows[0].public_id : null;
  }

  /** Every event of the slip, with its legs as sent, in arrival order. */
  async loadLog(session: SqlSession, slipId: string): Promise<LoggedBettingEvent[]> {
    const { dialect } = session;
    const events = await session.select<LoggedEventRow>(
      `SELECT id, event_type, tax_id, last_player_balance, current_player_balance, ${dialect.timestampText('event_date')} AS event_date, ` +
        'bet_slip_state, total_stake, total_odds, leg_count, is_live, is_free_bet, is_each_way, bonus_amount ' +
        'FROM betting_events WHERE slip_id = ? ORDER BY id',
      [slipId],
    );
    if (events.length === 0) return [];
    const legs = await session.select<LegRow & { owner_id: string | number }>(
      `SELECT l.event_id AS owner_id, l.position, ${selectLegColumns(dialect, 'l')} FROM betting_event_legs l ` +
        'JOIN betting_events e ON e.id = l.event_id WHERE e.slip_id = ? ORDER BY l.event_id, l.position',
      [slipId],
    );
    const legsOf = groupLegs(legs);
    return events.map((row) => ({
      sequence: Number(row.id),
      type: row.event_type,
      taxId: row.tax_id,
      lastPlayerBalance: Number(row.last_player_balance),
      currentPlayerBalance: Number(row.current_player_balance),
      eventDate: MicroTime.fromDatabaseText(row.event_date),
      betSlipState: row.bet_slip_state,
      totalStake: Number(row.total_stake),
      totalOdds: Number(row.total_odds),
      legCount: Number(row.leg_count),
      isLive: flagOf(row.is_live),
      isFreeBet: flagOf(row.is_free_bet),
      isEachWay: flagOf(row.is_each_way),
      bonusAmount: row.bonus_amount === null ? null : Number(row.bonus_amount),
      legs: legsOf.get(String(row.id)) ?? [],
    }));
  }

  /** Appends the event and its legs as sent; returns its row id. */
  async appendEvent(session: SqlSession, append: EventToAppend): Promise<string> {
    const { event } = append;
    const id = await session.insert(
      `INSERT INTO betting_events (${EVENT_COLUMNS.join(', ')}) VALUES ${valuesClause(EVENT_COLUMNS.length, 1)}`,
      [
        append.publicId,
        requireTeamId(append.teamId),
        append.slipId,
        append.playerId,
        append.contentHash,
        event.type,
        event.taxId,
        event.lastPlayerBalance,
        event.currentPlayerBalance,
        event.eventDate.toDatabaseText(),
        event.betSlipState,
        event.totalStake,
        event.totalOdds,
        event.legCount,
        bit(event.isLive),
        bit(event.isFreeBet),
        bit(event.isEachWay),
        event.bonusAmount,
        event.meta === null ? null : JSON.stringify(event.meta),
        JSON.stringify(append.checks),
        append.receivedAt.toDatabaseText(),
      ],
    );
    await insertLegs(session, 'betting_event_legs', 'event_id', id, event.legs);
    return id;
  }

  /** Writes the slip's derived state and its merged legs. */
  async saveSlip(
    session: SqlSession,
    slipId: string,
    slip: DerivedSlip,
    outOfOrder: boolean,
    now: MicroTime,
  ): Promise<void> {
    await session.execute(
      `UPDATE betting_slips SET ${SLIP_STATE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      [
        slip.state,
        slip.totalStake,
        slip.totalOdds,
        slip.legCount,
        bit(slip.isLive),
        bit(slip.isFreeBet),
        bit(slip.isEachWay),
        slip.bonusAmount,
        slip.payout,
        bit(outOfOrder),
        slip.eventsCount,
        slip.firstEventAt.toDatabaseText(),
        slip.lastEventAt.toDatabaseText(),
        slip.closedAt?.toDatabaseText() ?? null,
        now.toDatabaseText(),
        slipId,
      ],
    );
    await session.execute('DELETE FROM betting_slip_legs WHERE slip_id = ?', [slipId]);
    await insertLegs(session, 'betting_slip_legs', 'slip_id', slipId, slip.legs);
  }
}

/** The slip row when the scope owns it; a conflict naming only the caller's own slip id if not. */
function ownedBy<Row extends { brand_id: number | null }>(
  scope: TenantScope,
  row: Row,
  slipRef: string,
): Row {
  if (!ownsRow(scope, row.brand_id)) throw ConflictError.ofOtherBrand('Bet slip', slipRef);
  return row;
}

async function insertLegs(
  session: SqlSession,
  table: 'betting_event_legs' | 'betting_slip_legs',
  owner: 'event_id' | 'slip_id',
  ownerId: string,
  legs: readonly BetLeg[],
): Promise<void> {
  if (legs.length === 0) return;
  const columns = [owner, 'position', ...LEG_COLUMNS];
  await session.execute(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesClause(columns.length, legs.length)}`,
    legs.flatMap((leg, position) => [ownerId, position, ...legValues(leg)]),
  );
}
