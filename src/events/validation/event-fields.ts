import { MAX_AMOUNT_UNITS, MAX_ODDS } from '../../common/money/limits';
import type { LookupKind } from '../../lookups/lookups.service';

/**
 * The one rule set of a monitor event (seed 000's field table). The validator is compiled from
 * it, and the Swagger schemas of both body shapes are derived from it.
 */

/** An event as stored: the flat body's names, the grouped body's values, nulls for absent. */
export interface MonitorEvent {
  external_event_id: string;
  player_id: string;
  player_phone: string | null;
  player_country: string | null;
  player_kyc_level: number | null;
  event_type: string;
  event_timestamp: string;
  amount: number;
  currency: string;
  balance_before: number | null;
  balance_after: number | null;
  game_type: string | null;
  game_id: string | null;
  game_name: string | null;
  game_sport: string | null;
  game_competition: string | null;
  game_odds: number | null;
  game_bet_id: string | null;
  game_provider: string | null;
  device_type: string | null;
  operator: string | null;
  ip_address: string | null;
  session_id: string | null;
  user_agent: string | null;
}

export type FieldRule =
  /**
   * `key`: identifies a row (event, player, bet, provider, game), so no leading or trailing
   * spaces: MySQL and MariaDB compare keys with trailing spaces ignored (PAD SPACE), SQLite does
   * not, and "R " would be another bet on one database and the same bet on the other.
   */
  | { type: 'string'; maxLength: number; key?: boolean }
  | { type: 'code'; lookup: LookupKind }
  | { type: 'country' }
  | { type: 'currency' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'ip' }
  | { type: 'timestamp' };

export type EventGroup = 'player' | 'event' | 'game' | 'metadata';

export interface EventField {
  /** Where the field sits in the grouped body; `null` for the top level (`event_id`). */
  group: EventGroup | null;
  /** Its name in the grouped body (inside its group). */
  key: string;
  /** Its name in the flat body, and in messages. */
  flat: keyof MonitorEvent;
  required: boolean;
  rule: FieldRule;
  description: string;
  example: string | number;
}

/** Largest amount or balance: x 100 (`amount_cents`) still fits a JavaScript safe integer. */
export const MAX_AMOUNT = MAX_AMOUNT_UNITS;
const amount = { type: 'integer', min: 0, max: MAX_AMOUNT } as const;

export const EVENT_GROUPS: Record<EventGroup, { required: boolean; description: string }> = {
  player: { required: true, description: 'Player information' },
  event: { required: true, description: 'Event details' },
  game: { required: false, description: 'Game or betting context (recommended for bet events)' },
  metadata: { required: false, description: 'Tracking and session metadata' },
};

const field = (
  group: EventGroup | null,
  key: string,
  flat: keyof MonitorEvent,
  required: boolean,
  rule: FieldRule,
  description: string,
  example: string | number,
): EventField => ({ group, key, flat, required, rule, description, example });

export const EVENT_FIELDS: readonly EventField[] = [
  field(
    null,
    'event_id',
    'external_event_id',
    true,
    { type: 'string', maxLength: 100, key: true },
    'Your unique event ID: a repeat with the same content is accepted once',
    'evt_20250203_143245_abc123',
  ),
  field(
    'player',
    'id',
    'player_id',
    true,
    { type: 'string', maxLength: 100, key: true },
    'Player identifier',
    'pl_12345abc',
  ),
  field(
    'player',
    'phone',
    'player_phone',
    false,
    { type: 'string', maxLength: 50 },
    'Phone number',
    '+221771234567',
  ),
  field(
    'player',
    'country',
    'player_country',
    false,
    { type: 'country' },
    'ISO 3166-1 alpha-3 (SEN, CIV, MLI...)',
    'SEN',
  ),
  field(
    'player',
    'kyc_level',
    'player_kyc_level',
    false,
    { type: 'integer', min: 0, max: 5 },
    'KYC verification level (0-5)',
    2,
  ),
  field(
    'event',
    'type',
    'event_type',
    true,
    { type: 'code', lookup: 'event_type' },
    'Event type code (GET /api/v1/lookups)',
    'BET_PLACED',
  ),
  field(
    'event',
    'timestamp',
    'event_timestamp',
    true,
    { type: 'timestamp' },
    'ISO 8601 with a time zone; fractions of a second up to microseconds are kept',
    '2026-02-03T14:32:45Z',
  ),
  field(
    'event',
    'amount',
    'amount',
    true,
    amount,
    'Amount in currency units (5000 = 5,000 XOF), an integer >= 0',
    5000,
  ),
  field(
    'event',
    'currency',
    'currency',
    true,
    { type: 'currency' },
    'ISO 4217 (XOF, EUR, USD...)',
    'XOF',
  ),
  field(
    'event',
    'balance_before',
    'balance_before',
    false,
    amount,
    'Player balance before the event (currency units)',
    15000,
  ),
  field(
    'event',
    'balance_after',
    'balance_after',
    false,
    amount,
    'Player balance after the event (currency units)',
    10000,
  ),
  field(
    'game',
    'type',
    'game_type',
    false,
    { type: 'code', lookup: 'game_type' },
    'Game type code (GET /api/v1/lookups)',
    'SPORTS',
  ),
  field(
    'game',
    'id',
    'game_id',
    false,
    { type: 'string', maxLength: 100, key: true },
    "Game identifier (the operator's game code)",
    'game_789',
  ),
  field(
    'game',
    'name',
    'game_name',
    false,
    { type: 'string', maxLength: 200 },
    'Match or game name',
    'Senegal vs Nigeria',
  ),
  field(
    'game',
    'sport',
    'game_sport',
    false,
    { type: 'string', maxLength: 100 },
    'Sport (football, basketball...)',
    'football',
  ),
  field(
    'game',
    'competition',
    'game_competition',
    false,
    { type: 'string', maxLength: 200 },
    'Competition name',
    'CAN 2025',
  ),
  field(
    'game',
    'odds',
    'game_odds',
    false,
    { type: 'number', min: 1, max: MAX_ODDS },
    'Betting odds (decimal, >= 1)',
    2.5,
  ),
  field(
    'game',
    'bet_id',
    'game_bet_id',
    false,
    { type: 'string', maxLength: 100, key: true },
    'The bet this event belongs to (placement, win, loss, refund...)',
    'bet_456',
  ),
  field(
    'game',
    'provider',
    'game_provider',
    false,
    { type: 'string', maxLength: 100, key: true },
    'Game provider code (casino games)',
    'pragmatic',
  ),
  field(
    'metadata',
    'device_type',
    'device_type',
    false,
    { type: 'code', lookup: 'device_type' },
    'Device type code (GET /api/v1/lookups)',
    'MOBILE',
  ),
  field(
    'metadata',
    'operator',
    'operator',
    false,
    { type: 'code', lookup: 'operator' },
    'Payment operator code, for deposits and withdrawals (GET /api/v1/lookups)',
    'ORANGE_SN',
  ),
  field(
    'metadata',
    'ip_address',
    'ip_address',
    false,
    { type: 'ip' },
    "Player's IP address (IPv4 or IPv6)",
    '41.138.45.22',
  ),
  field(
    'metadata',
    'session_id',
    'session_id',
    false,
    { type: 'string', maxLength: 100 },
    'Session identifier',
    'sess_xyz',
  ),
  field(
    'metadata',
    'user_agent',
    'user_agent',
    false,
    { type: 'string', maxLength: 500 },
    'Browser or app user agent',
    'Mozilla/5.0 (Linux; Android 14)',
  ),
];

/** Events per batch request. */
export const MAX_BATCH_EVENTS = 1000;
