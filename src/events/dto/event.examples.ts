/** The seed's own examples (seed 000), shown in Swagger. */

export const GROUPED_EVENT_EXAMPLE = {
  event_id: 'evt_20250203_143245_abc123',
  player: { id: 'pl_12345abc', phone: '+221771234567', country: 'SEN', kyc_level: 2 },
  event: {
    type: 'BET_PLACED',
    timestamp: '2026-02-03T14:32:45Z',
    amount: 5000,
    currency: 'XOF',
    balance_before: 15000,
    balance_after: 10000,
  },
  game: {
    type: 'SPORTS',
    id: 'game_789',
    name: 'Senegal vs Nigeria',
    sport: 'football',
    competition: 'CAN 2025',
    odds: 2.5,
    bet_id: 'bet_456',
  },
  metadata: {
    device_type: 'MOBILE',
    operator: 'ORANGE_SN',
    ip_address: '41.138.45.22',
    session_id: 'sess_xyz',
  },
};

export const FLAT_EVENT_EXAMPLE = {
  external_event_id: 'evt-123',
  player_id: 'player-456',
  event_type: 'DEPOSIT',
  amount: 100000,
  currency: 'XOF',
  event_timestamp: '2026-01-31T12:00:00Z',
};

export const ACCEPTED_EXAMPLE = {
  success: true,
  data: {
    uuid: '550e8400-e29b-41d4-a716-446655440000',
    event_month: 202602,
    external_event_id: 'evt_20250203_143245_abc123',
    amount_cents: 10000000,
    amount: 100000,
    currency: 'XOF',
    received_at: '2026-02-07T06:19:00.681884Z',
  },
};

export const BATCH_EXAMPLE = {
  events: [
    {
      event_id: 'evt_001',
      player: { id: 'player_123', phone: '+221771234567', country: 'SEN' },
      event: {
        type: 'DEPOSIT',
        timestamp: '2026-01-31T12:00:00Z',
        amount: 100000,
        currency: 'XOF',
      },
      metadata: { device_type: 'MOBILE', ip_address: '41.138.45.22' },
    },
    {
      event_id: 'evt_002',
      player: { id: 'player_123' },
      event: {
        type: 'BET_PLACED',
        timestamp: '2026-01-31T12:05:00Z',
        amount: 50000,
        currency: 'XOF',
      },
      game: { type: 'SPORTS', name: 'Senegal vs Mali', sport: 'football', odds: 2.5 },
    },
  ],
};

export const BATCH_RESULT_EXAMPLE = {
  success: true,
  data: {
    success_count: 2,
    failed_count: 1,
    events: [
      { uuid: '550e8400-e29b-41d4-a716-446655440000', external_event_id: 'evt_001' },
      { uuid: '550e8400-e29b-41d4-a716-446655440001', external_event_id: 'evt_002' },
      { uuid: null, external_event_id: 'evt_003', error: 'event_type invalide: INVALID' },
    ],
  },
};

export const STATUS_EXAMPLE = {
  uuid: '550e8400-e29b-41d4-a716-446655440000',
  status: 'PROCESSED',
  processed_at: '2026-01-31T12:00:05.000000Z',
  alerts: [
    {
      id: '0d5f1c9e-8a51-4a4f-9b55-31c1c1e0f3a2',
      rule: 'LARGE_TRANSACTION',
      severity: 'MEDIUM',
      status: 'OPEN',
    },
  ],
};
