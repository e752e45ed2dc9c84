import { ApiProperty } from '@nestjs/swagger';
import { BET_EXAMPLE } from './bet.examples';

const money = (description: string, example: string) => ({ description, example, type: String });
const nullable = <T>(type: T, description: string, example: unknown) => ({
  type,
  nullable: true,
  description,
  example,
});

/** A Live Casino or Slots bet (seed 002, "BetResponse"). */
export class BetDto {
  @ApiProperty({ example: BET_EXAMPLE.id }) id: number;
  @ApiProperty({ example: BET_EXAMPLE.team_id, description: "The key's team" }) team_id: number;
  @ApiProperty(nullable(Number, "The brand of the key that sent the bet's events", 42))
  brand_id: number | null;
  @ApiProperty({ example: 8801, description: 'Our integer id of the player' }) player_id: number;
  @ApiProperty(nullable(Number, 'Our integer id of the provider', 3)) provider_id: number | null;
  @ApiProperty(nullable(String, "From the events' `game.provider`", 'evolution'))
  provider_code: string | null;
  @ApiProperty(nullable(Number, 'Our integer id of the game', 501)) game_id: number | null;
  @ApiProperty(nullable(String, "From the events' `game.id`", 'baccarat_main'))
  game_code: string | null;
  @ApiProperty({ example: 'evo_txn_00112233', description: '`event_id` of the placement' })
  transaction_id: string;
  @ApiProperty({ example: 'evo_rnd_99887766', description: "The events' `game.bet_id`" })
  round_id: string;
  @ApiProperty(money('Amount wagered', '10000.00')) bet_amount: string;
  @ApiProperty(money('Amount paid out (0 for a loss, and while pending)', '0.00'))
  payout_amount: string;
  @ApiProperty(money('payout_amount - bet_amount', '-10000.00')) win_loss: string;
  @ApiProperty({ enum: [0, 1, 2], description: '0 pending, 1 settled, 2 cancelled' })
  status: number;
  @ApiProperty(
    nullable(Number, '0 lost, 1 won, 2 cashed out, 3 jackpot; null while pending or cancelled', 0),
  )
  result_type: number | null;
  @ApiProperty(nullable(String, 'Wallet balance before the bet', '55200.00'))
  balance_before: string | null;
  @ApiProperty(
    nullable(String, 'Wallet balance after it (after the settlement once settled)', '45200.00'),
  )
  balance_after: string | null;
  @ApiProperty(
    nullable(String, 'When the round was settled; null while pending', '2026-04-06T10:15:32Z'),
  )
  settled_at: string | null;
  @ApiProperty({ example: '2026-04-06T10:15:00Z', description: 'Event time of the placement' })
  created_at: string;
}

export class BetPageDto {
  @ApiProperty({ example: 4820 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) page_size: number;
  @ApiProperty({ type: [BetDto] }) items: BetDto[];
}
