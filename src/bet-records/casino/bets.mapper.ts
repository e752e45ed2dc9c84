import { formatCents, formatTime } from '../bet-record.format';
import type { BetRow } from './bets.repository';
import type { BetDto } from './dto/bet.dto';

const cents = (value: string | number | null) =>
  value === null ? null : formatCents(Number(value));

export function toBetDto(row: BetRow): BetDto {
  const bet = Number(row.bet_amount);
  const payout = Number(row.payout_amount);
  return {
    id: Number(row.id),
    team_id: Number(row.team_id),
    brand_id: row.brand_id === null ? null : Number(row.brand_id),
    player_id: Number(row.player_id),
    provider_id: row.provider_id === null ? null : Number(row.provider_id),
    provider_code: row.provider_code,
    game_id: row.game_id === null ? null : Number(row.game_id),
    game_code: row.game_code,
    transaction_id: row.transaction_id,
    round_id: row.round_id,
    bet_amount: formatCents(bet),
    payout_amount: formatCents(payout),
    win_loss: formatCents(payout - bet),
    status: Number(row.status),
    result_type: row.result_type === null ? null : Number(row.result_type),
    balance_before: cents(row.balance_before),
    balance_after: cents(row.balance_after),
    settled_at: formatTime(row.settled_at),
    created_at: formatTime(row.created_at) as string,
  };
}
