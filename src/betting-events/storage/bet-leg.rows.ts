import { MicroTime } from '../../common/time/micro-time';
import type { SqlDialect } from '../../database/sql-dialect';
import type { BetLeg, LegResult, LegState } from '../betting-event';

/** The leg columns of `betting_event_legs` and `betting_slip_legs`, in one order. */
export const LEG_COLUMNS = [
  'leg_ref',
  'odds',
  'sport_ref',
  'sport_name',
  'sport_event_ref',
  'sport_event_name',
  'tournament_ref',
  'tournament_name',
  'market_ref',
  'market_name',
  'selection_ref',
  'selection_name',
  'event_start_time',
  'event_end_time',
  'leg_state',
  'result',
  'amount_won',
] as const;

export type LegRow = Record<(typeof LEG_COLUMNS)[number], string | number | null> & {
  position: number;
};

/** The leg columns to select from the table aliased `alias`, times as text. */
export function selectLegColumns(dialect: SqlDialect, alias: string): string {
  return LEG_COLUMNS.map((c) =>
    c === 'event_start_time' || c === 'event_end_time'
      ? `${dialect.timestampText(`${alias}.${c}`)} AS ${c}`
      : `${alias}.${c}`,
  ).join(', ');
}

export function legValues(leg: BetLeg): unknown[] {
  return [
    leg.legId,
    leg.odds,
    leg.sportId,
    leg.sportName,
    leg.eventId,
    leg.eventName,
    leg.tournamentId,
    leg.tournamentName,
    leg.marketId,
    leg.marketName,
    leg.selectionId,
    leg.selectionName,
    leg.eventStartTime?.toDatabaseText() ?? null,
    leg.eventEndTime?.toDatabaseText() ?? null,
    leg.legState,
    leg.result,
    leg.amountWon,
  ];
}

export function legFromRow(row: LegRow): BetLeg {
  const text = (v: string | number | null) => (v === null ? null : String(v));
  const time = (v: string | number | null) =>
    v === null ? null : MicroTime.fromDatabaseText(String(v));
  return {
    legId: String(row.leg_ref),
    odds: Number(row.odds),
    sportId: text(row.sport_ref),
    sportName: text(row.sport_name),
    eventId: text(row.sport_event_ref),
    eventName: text(row.sport_event_name),
    tournamentId: text(row.tournament_ref),
    tournamentName: text(row.tournament_name),
    marketId: text(row.market_ref),
    marketName: text(row.market_name),
    selectionId: text(row.selection_ref),
    selectionName: text(row.selection_name),
    eventStartTime: time(row.event_start_time),
    eventEndTime: time(row.event_end_time),
    legState: text(row.leg_state) as LegState | null,
    result: text(row.result) as LegResult | null,
    amountWon: row.amount_won === null ? null : Number(row.amount_won),
  };
}

/** Leg rows grouped by their owner (slip or event), in the order read. */
export function groupLegs(
  rows: readonly (LegRow & { owner_id: string | number })[],
): Map<string, BetLeg[]> {
  const byOwner = new Map<string, BetLeg[]>();
  for (const row of rows) {
    const key = String(row.owner_id);
    const legs = byOwner.get(key) ?? [];
    legs.push(legFromRow(row));
    byOwner.set(key, legs);
  }
  return byOwner;
}

/** A nullable boolean column (0/1 on both dialects). */
export const flagOf = (value: unknown): boolean | null =>
  value === null || value === undefined ? null : Number(value) === 1;
