/** The seed's own examples (seed 002), shown in Swagger. */

export const SPORTS_BET_EXAMPLE = {
  id: 30001,
  team_id: 7,
  brand_id: 42,
  player_id: 8801,
  provider_id: 12,
  provider_code: 'betconstruct',
  bet_id: 'bc_bet_44556677',
  odds: '2.50',
  stake: '20000.00',
  payout: '50000.00',
  win_loss: '30000.00',
  parlay: 1,
  status: 1,
  balance_before: '100000.00',
  balance_after: '130000.00',
  settled_at: '2026-04-06T14:30:00Z',
  created_at: '2026-04-06T12:00:00Z',
};

export const SPORTS_BET_LINE_EXAMPLE = {
  id: 60001,
  sports_bet_id: 30001,
  line_id: 'bc_line_1122',
  event_name: 'Manchester United vs Arsenal',
  league_name: 'Premier League',
  market: 'Match Winner',
  home_name: 'Manchester United',
  away_name: 'Arsenal',
  odds: '2.50',
  score: '2-1',
  status: 1,
  is_live: 0,
  created_at: '2026-04-06T12:00:00Z',
};

export const SPORTS_BET_PAGE_EXAMPLE = {
  total: 891,
  page: 1,
  page_size: 20,
  items: [SPORTS_BET_EXAMPLE],
};

export const SPORTS_BET_DETAIL_EXAMPLE = {
  ...SPORTS_BET_EXAMPLE,
  lines: [SPORTS_BET_LINE_EXAMPLE],
};
