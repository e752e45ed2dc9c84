import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import type { DetectionEvent } from '../engine/detection-event';
import { WINNING_TYPES, betsPlacedBy, wageredBy } from '../engine/detection-event';
import { MICROS } from '../engine/player-state';

const MEASURES = ['deposits', 'withdrawals', 'bets', 'wins'] as const;
export type Measure = (typeof MEASURES)[number];

/** Which measure an event adds to, if any. */
function measureOf(event: DetectionEvent): Measure | null {
  if (event.type === 'DEPOSIT') return 'deposits';
  if (event.type === 'WITHDRAWAL') return 'withdrawals';
  if (event.type === 'BET_PLACED') return 'bets';
  if (WINNING_TYPES.has(event.type) || event.type === 'CASHOUT') return 'wins';
  return null;
}

const CENTS: Record<Measure, string> = {
  deposits: 'deposit_cents',
  withdrawals: 'withdrawal_cents',
  bets: 'stake_cents',
  wins: 'win_cents',
};

/**
 * An hour's money stops growing here (2^53 - 1 cents, exact in JavaScript): absurd amounts, which
 * validation lets through, never overflow a column, nor the 30 days' sum of 720 hours. A window's
 * sum over several hours stops at the same figure, so the API never shows an inexact number.
 */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export interface WindowTotals {
  currency: string;
  deposits: { count: number; amount: number };
  withdrawals: { count: number; amount: number };
  stakes: { count: number; amount: number };
  wins: { count: number; amount: number };
}

/** `YYYY-MM-DD HH:00:00` of an event time (µs), the last one remembered: a batch's are few. */
let lastHour = Number.NaN;
let lastHourText = '';
function hourText(micros: number): string {
  const hour = Math.floor(micros / MICROS.HOUR);
  if (hour !== lastHour) {
    lastHourText = `${MicroTime.fromMicros(hour * MICROS.HOUR)
      .toDatabaseText()
      .slice(0, 13)}:00:00`;
    lastHour = hour;
  }
  return lastHourText;
}

/** Players' money per hour and currency (player_hour_totals). */
@Injectable()
export class PlayerTotalsRepository {
  constructor(private readonly database: SqlDatabase) {}

  /** Adds the batch's events to their hours. */
  async add(session: SqlSession, events: readonly DetectionEvent[]): Promise<void> {
    const rows = new Map<
      string,
      { playerId: number; teamId: number; hour: string; currency: string; values: number[] }
    >();
    for (const event of events) {
      const measure = measureOf(event);
      const cents = measure === 'bets' ? wageredBy(event) : event.amountCents;
      if (!measure || cents <= 0) continue;
      const hour = hourText(event.at);
      const key = `${event.playerId}|${hour}|${event.currency}`;
      const row = rows.get(key) ?? {
        playerId: event.playerId,
        teamId: event.teamId,
        hour,
        currency: event.currency,
        values: [0, 0, 0, 0, 0, 0, 0, 0],
      };
      const index = MEASURES.indexOf(measure) * 2;
      // A slip's raised stake adds its rise to the money, not another bet to the count.
      row.values[index] += measure === 'bets' ? betsPlacedBy(event) : 1;
      row.values[index + 1] = Math.min(row.values[index + 1] + cents, MAX_CENTS);
      rows.set(key, row);
    }
    if (rows.size === 0) return;
    const columns = MEASURES.flatMap((m) => [m, CENTS[m]]);
    const sql = session.dialect.upsert(
      'player_hour_totals',
      ['player_id', 'hour', 'currency', 'team_id', ...columns],
      rows.size,
      ['player_id', 'hour', 'currency'],
      Object.fromEntries(
        columns.map((c) => [
          c,
          (old: (c: string) => string, offered: (c: string) => string) =>
            c.endsWith('_cents')
              ? session.dialect.least(`${old(c)} + ${offered(c)}`, String(MAX_CENTS))
              : `${old(c)} + ${offered(c)}`,
        ]),
      ),
    );
    const ordered = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await session.execute(
      sql,
      ordered.flatMap(([, r]) => [r.playerId, r.hour, r.currency, r.teamId, ...r.values]),
    );
  }

  /** Totals per currency since `since` (`YYYY-MM-DD HH:MM:SS`). */
  async since(playerId: number, since: string): Promise<WindowTotals[]> {
    const rows = await this.database.select<Record<string, number | string>>(
      'SELECT currency, ' +
        MEASURES.map((m) => `SUM(${m}) AS ${m}, SUM(${CENTS[m]}) AS ${CENTS[m]}`).join(', ') +
        ' FROM player_hour_totals WHERE player_id = ? AND hour >= ? GROUP BY currency ORDER BY currency',
      [playerId, since],
    );
    const pair = (row: Record<string, number | string>, m: Measure) => ({
      count: Number(row[m] ?? 0),
      amount: Math.min(Number(row[CENTS[m]] ?? 0), MAX_CENTS),
    });
    return rows.map((row) => ({
      currency: String(row.currency),
      deposits: pair(row, 'deposits'),
      withdrawals: pair(row, 'withdrawals'),
      stakes: pair(row, 'bets'),
      wins: pair(row, 'wins'),
    }));
  }
}
