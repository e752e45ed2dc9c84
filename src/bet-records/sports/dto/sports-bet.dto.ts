import { ApiProperty } from '@nestjs/swagger';

const nullable = <T>(type: T, description: string, example: unknown) => ({
  type,
  nullable: true,
  description,
  example,
});

/** A sports bet (seed 002). */
export class SportsBetDto {
  @ApiProperty({ example: 30001 }) id: number;
  @ApiProperty({ example: 7, description: "The key's team" }) team_id: number;
  @ApiProperty(nullable(Number, "The brand of the key that sent the bet's events", 42))
  brand_id: number | null;
  @ApiProperty({ example: 8801, description: 'Our integer id of the player' }) player_id: number;
  @ApiProperty(nullable(Number, 'Our integer id of the provider (null for AML slips)', 12))
  provider_id: number | null;
  @ApiProperty(nullable(String, "The events' `game.provider`", 'betconstruct'))
  provider_code: string | null;
  @ApiProperty({
    example: 'bc_bet_44556677',
    description: "The events' `game.bet_id`, or the AML `bet_slip_id`",
  })
  bet_id: string;
  @ApiProperty(nullable(String, 'Aggregate odds', '2.50')) odds: string | null;
  @ApiProperty({ example: '20000.00', description: 'Amount wagered' }) stake: string;
  @ApiProperty({
    example: '50000.00',
    description: 'Amount paid out (0 for a loss, and while pending)',
  })
  payout: string;
  @ApiProperty({ example: '30000.00', description: 'payout - stake' }) win_loss: string;
  @ApiProperty({ enum: [0, 1], description: '1 = parlay (more than one leg), 0 = single' })
  parlay: number;
  @ApiProperty({ enum: [0, 1, 2], description: '0 pending, 1 settled, 2 cancelled' })
  status: number;
  @ApiProperty(nullable(String, 'Wallet balance before the bet', '100000.00'))
  balance_before: string | null;
  @ApiProperty(
    nullable(String, 'Wallet balance after it (after the settlement once settled)', '130000.00'),
  )
  balance_after: string | null;
  @ApiProperty(
    nullable(
      String,
      'When the bet was settled or cancelled; null while pending',
      '2026-04-06T14:30:00Z',
    ),
  )
  settled_at: string | null;
  @ApiProperty({ example: '2026-04-06T12:00:00Z' }) created_at: string;
}

/** A selection (leg) of a sports bet. */
export class SportsBetLineDto {
  @ApiProperty({ example: 60001 }) id: number;
  @ApiProperty({ example: 30001 }) sports_bet_id: number;
  @ApiProperty({
    example: 'bc_line_1122',
    description: "The leg's id (`game.id`, or the AML `leg_id`)",
  })
  line_id: string;
  @ApiProperty(nullable(String, 'Match or event name', 'Manchester United vs Arsenal'))
  event_name: string | null;
  @ApiProperty(
    nullable(
      String,
      'Competition (`game.competition`, or the AML `tournament_name`)',
      'Premier League',
    ),
  )
  league_name: string | null;
  @ApiProperty(nullable(String, 'Betting market', 'Match Winner')) market: string | null;
  @ApiProperty(nullable(String, 'Home team, from an event name "A vs B"', 'Manchester United'))
  home_name: string | null;
  @ApiProperty(nullable(String, 'Away team, from an event name "A vs B"', 'Arsenal'))
  away_name: string | null;
  @ApiProperty(nullable(String, 'Odds of this selection', '2.50')) odds: string | null;
  @ApiProperty(nullable(String, 'Final score; no source sends one yet', null)) score: string | null;
  @ApiProperty({ enum: [0, 1, 2], description: '0 pending, 1 settled (won or lost), 2 void' })
  status: number;
  @ApiProperty({ enum: [0, 1], description: '1 = in-play, 0 = pre-match' }) is_live: number;
  @ApiProperty({ example: '2026-04-06T12:00:00Z' }) created_at: string;
}

export class SportsBetDetailDto extends SportsBetDto {
  @ApiProperty({ type: [SportsBetLineDto] }) lines: SportsBetLineDto[];
}

export class SportsBetPageDto {
  @ApiProperty({ example: 891 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) page_size: number;
  @ApiProperty({ type: [SportsBetDto] }) items: SportsBetDto[];
}
