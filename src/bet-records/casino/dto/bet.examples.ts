/** The seed's own examples (seed 002), shown in Swagger. */

export const BET_EXAMPLE = {
  id: 120001,
  team_id: 7,
  brand_id: 42,
  player_id: 8801,
  provider_id: 3,
  provider_code: 'evolution',
  game_id: 501,
  game_code: 'baccarat_main',
  transaction_id: 'evo_txn_00112233',
  round_id: 'evo_rnd_99887766',
  bet_amount: '10000.00',
  payout_amount: '0.00',
  win_loss: '-10000.00',
  status: 1,
  result_type: 0,
  balance_before: '55200.00',
  balance_after: '45200.00',
  settled_at: '2026-04-06T10:15:32Z',
  created_at: '2026-04-06T10:15:00Z',
};

export const BET_PAGE_EXAMPLE = { total: 4820, page: 1, page_size: 20, items: [BET_EXAMPLE] };
