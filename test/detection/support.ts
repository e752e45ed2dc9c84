import { randomBytes, randomInt } from 'node:crypto';

/**
 * Builders for the detection e2e suites: monitor events (grouped body, amounts in currency
 * units, XOF unless told) and AML slips (cents, BRL), timed relative to now.
 */

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** An ISO time (UTC, Z) this many minutes before now: 0 is now, 1440 a day ago. */
export const ago = (minutes: number): string =>
  new Date(Date.now() - minutes * MINUTE_MS).toISOString();

/** Minutes in `days` days, for `ago`. */
export const days = (n: number): number => n * DAY_MINUTES;

const unique = () => randomBytes(5).toString('hex');

export interface MonitorExtra {
  player?: { phone?: string; country?: string; kyc_level?: number };
  event?: { balance_before?: number; balance_after?: number; currency?: string };
  game?: { type?: string; odds?: number; bet_id?: string; name?: string };
  metadata?: { operator?: string; ip_address?: string; session_id?: string };
}

/** A monitor event in the grouped shape of `POST /api/v1/events` (seed 000). */
export function monitorEvent(
  playerId: string,
  type: string,
  amount: number,
  minutesAgo: number,
  extra: MonitorExtra = {},
) {
  return {
    event_id: `rp-${unique()}`,
    player: { id: playerId, ...extra.player },
    event: { type, timestamp: ago(minutesAgo), amount, currency: 'XOF', ...extra.event },
    ...(extra.game && { game: { type: 'SPORTS', ...extra.game } }),
    ...(extra.metadata && { metadata: extra.metadata }),
  };
}

/** A fresh, valid CPF (11 digits, check digits by modulo 11). */
export function newCpf(): string {
  let base: string;
  do {
    base = String(randomInt(0, 1_000_000_000)).padStart(9, '0');
  } while (/^(\d)\1{8}$/.test(base));
  const digit = (digits: string) => {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (digits.length + 1 - i);
    const remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  };
  const ten = base + digit(base);
  return ten + digit(ten);
}

/** Where a single-leg slip stands: sport event, market and selection ids. */
export interface Pick {
  event: string;
  market: string;
  selection: string;
}

export interface SlipOptions {
  /** Cents, 5,000 (BRL 50) unless told. */
  stake?: number;
  /** The leg's odds, 2.5 unless told. */
  odds?: number;
  /** The slip's total odds; the leg's odds unless told. */
  totalOdds?: number;
  pick?: Pick;
  /** The bet's `last_player_balance` and `current_player_balance`, when not the stake's move. */
  balances?: [before: number, after: number];
}

/** The player's balance before a slip's bet in these builders (cents). */
const OPENING_BALANCE = 100_000;

function slipBody(cpf: string, slipId: string, minutesAgo: number, options: SlipOptions) {
  const odds = options.odds ?? 2.5;
  const pick = options.pick ?? {
    event: `sev-${slipId}`,
    market: 'mkt_winner',
    selection: 'sel_home',
  };
  return {
    tax_id: cpf,
    event_date: ago(minutesAgo),
    bet_slip_id: slipId,
    total_stake: options.stake ?? 5_000,
    total_odds: options.totalOdds ?? odds,
    leg_count: 1,
    is_live: false,
    is_free_bet: false,
    bonus_amount: 0,
    is_each_way: false,
    leg: {
      leg_id: `${slipId}-leg1`,
      odds,
      sport_id: '66',
      sport_name: 'Football',
      event_id: pick.event,
      event_name: 'Flamengo vs. Palmeiras',
      market_id: pick.market,
      market_name: 'Match Winner',
      selection_id: pick.selection,
      selection_name: pick.selection,
    },
  };
}

/** An AML `new_bet` of a single-leg slip (`POST /betting-events`, seed 001): its balance takes the stake. */
export function newBet(cpf: string, slipId: string, minutesAgo: number, options: SlipOptions = {}) {
  const { leg, ...slip } = slipBody(cpf, slipId, minutesAgo, options);
  return {
    ...slip,
    event: 'new_bet',
    bet_slip_state: 'open',
    last_player_balance: options.balances?.[0] ?? OPENING_BALANCE,
    current_player_balance: options.balances?.[1] ?? OPENING_BALANCE - slip.total_stake,
    bet_legs: [{ ...leg, leg_state: 'open' }],
  };
}

/** The AML `cancellation` of a slip `newBet` opened: the stake comes back. */
export function cancellation(
  cpf: string,
  slipId: string,
  minutesAgo: number,
  options: SlipOptions = {},
) {
  const { leg, ...slip } = slipBody(cpf, slipId, minutesAgo, options);
  return {
    ...slip,
    event: 'cancellation',
    bet_slip_state: 'cancelled',
    last_player_balance: OPENING_BALANCE - slip.total_stake,
    current_player_balance: OPENING_BALANCE,
    bet_legs: [{ ...leg, leg_state: 'void', result: 'void' }],
  };
}

/** The AML settling `result` of a slip `newBet` opened, lost: the balance stays. */
export function lostResult(
  cpf: string,
  slipId: string,
  minutesAgo: number,
  options: SlipOptions = {},
) {
  const { leg, ...slip } = slipBody(cpf, slipId, minutesAgo, options);
  return {
    ...slip,
    event: 'result',
    bet_slip_state: 'settled',
    last_player_balance: OPENING_BALANCE - slip.total_stake,
    current_player_balance: OPENING_BALANCE - slip.total_stake,
    bet_legs: [{ ...leg, leg_state: 'lost', result: 'lost', amount_won: 0 }],
  };
}
