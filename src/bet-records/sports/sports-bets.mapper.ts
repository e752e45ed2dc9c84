import { formatCents, formatOdds, formatTime } from '../bet-record.format';
import type { SportsBetLineDto, SportsBetDto } from './dto/sports-bet.dto';
import type { SportsBetLineRow, SportsBetRow } from './sports-bets.repository';

const cents = (value: string | number | null) =>
  value === null ? null : formatCents(Number(value));
const idOrNull = (value: number | null) => (value === null ? null : Number(value));
const odds = (value: number | null) => formatOdds(value === null ? null : Number(value));

export function toSportsBetDto(row: SportsBetRow): SportsBetDto {
  const stake = Number(row.stake);
  const payout = Number(row.payout);
  return {
    id: Number(row.id),
    team_id: Number(row.team_id),
    brand_id: idOrNull(row.brand_id),
    player_id: Number(row.player_id),
    provider_id: idOrNull(row.provider_id),
    provider_code: row.provider_code,
    bet_id: row.bet_ref,
    odds: odds(row.odds),
    stake: formatCents(stake),
    payout: formatCents(payout),
    win_loss: formatCents(payout - stake),
    parlay: Number(row.parlay),
    status: Number(row.status),
    balance_before: cents(row.balance_before),
    balance_after: cents(row.balance_after),
    settled_at: formatTime(row.settled_at),
    created_at: formatTime(row.created_at) as string,
  };
}

export function toSportsBetLineDto(row: SportsBetLineRow): SportsBetLineDto {
  return {
    id: Number(row.id),
    sports_bet_id: Number(row.sports_bet_id),
    line_id: row.line_id,
    event_name: row.event_name,
    league_name: row.league_name,
    market: row.market,
    home_name: row.home_name,
    away_name: row.away_name,
    odds: odds(row.odds),
    score: row.score,
    status: Number(row.status),
    is_live: Number(row.is_live),
    created_at: formatTime(row.created_at) as string,
  };
}
