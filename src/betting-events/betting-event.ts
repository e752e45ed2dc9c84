import { createHash } from 'node:crypto';
import { pooledRandomBytes } from '../common/random/random-pool';
import { normalizeCpf } from '../common/br/cpf';
import { parseIsoTimestamp } from '../common/time/iso-timestamp';
import type { MicroTime } from '../common/time/micro-time';
import type { BetLegDto, BettingEventDto } from './dto/betting-event.dto';

export type BettingEventType = 'new_bet' | 'result' | 'cancellation';
export type SlipState = 'open' | 'settled' | 'cancelled';
export type LegState = 'open' | 'won' | 'lost' | 'void';
export type LegResult = 'won' | 'lost' | 'void' | 'push';

/** One selection as an event describes it; null where the event left the field out. */
export interface BetLeg {
  legId: string;
  odds: number;
  sportId: string | null;
  sportName: string | null;
  eventId: string | null;
  eventName: string | null;
  tournamentId: string | null;
  tournamentName: string | null;
  marketId: string | null;
  marketName: string | null;
  selectionId: string | null;
  selectionName: string | null;
  eventStartTime: MicroTime | null;
  eventEndTime: MicroTime | null;
  legState: LegState | null;
  result: LegResult | null;
  /** In cents. */
  amountWon: number | null;
}

/** One betting event, validated and normalised; amounts in cents. */
export interface BettingEvent {
  type: BettingEventType;
  /** 11 digits. */
  taxId: string;
  lastPlayerBalance: number;
  currentPlayerBalance: number;
  eventDate: MicroTime;
  slipRef: string;
  betSlipState: SlipState | null;
  totalStake: number;
  totalOdds: number;
  legCount: number;
  /** null: not said by this event. */
  isLive: boolean | null;
  isFreeBet: boolean | null;
  bonusAmount: number | null;
  isEachWay: boolean | null;
  legs: BetLeg[];
  meta: Record<string, unknown> | null;
}

/** What an event says about its slip (all but the slip's id and the free `meta`). */
export type SlipEventFacts = Omit<BettingEvent, 'slipRef' | 'meta'>;

/** An event of a slip's log, and where it sits in the arrival order. */
export interface LoggedBettingEvent extends SlipEventFacts {
  /** Arrival order within the database (the row id). */
  sequence: number;
}

/** The event a validated body describes; `receivedAt` stands in for a missing `event_date`. */
export function toBettingEvent(dto: BettingEventDto, receivedAt: MicroTime): BettingEvent {
  return {
    type: dto.event,
    taxId: normalizeCpf(dto.tax_id) as string,
    lastPlayerBalance: dto.last_player_balance,
    currentPlayerBalance: dto.current_player_balance,
    eventDate: timeOrNull(dto.event_date) ?? receivedAt,
    slipRef: dto.bet_slip_id,
    betSlipState: dto.bet_slip_state ?? null,
    totalStake: dto.total_stake,
    totalOdds: dto.total_odds,
    legCount: dto.leg_count,
    isLive: dto.is_live ?? null,
    isFreeBet: dto.is_free_bet ?? null,
    bonusAmount: dto.bonus_amount ?? null,
    isEachWay: dto.is_each_way ?? null,
    legs: dto.bet_legs.map(toBetLeg),
    meta: dto.meta ?? null,
  };
}

function toBetLeg(dto: BetLegDto): BetLeg {
  return {
    legId: dto.leg_id,
    odds: dto.odds,
    sportId: dto.sport_id ?? null,
    sportName: dto.sport_name ?? null,
    eventId: dto.event_id ?? null,
    eventName: dto.event_name ?? null,
    tournamentId: dto.tournament_id ?? null,
    tournamentName: dto.tournament_name ?? null,
    marketId: dto.market_id ?? null,
    marketName: dto.market_name ?? null,
    selectionId: dto.selection_id ?? null,
    selectionName: dto.selection_name ?? null,
    eventStartTime: timeOrNull(dto.event_start_time),
    eventEndTime: timeOrNull(dto.event_end_time),
    legState: dto.leg_state ?? null,
    result: dto.result ?? null,
    amountWon: dto.amount_won ?? null,
  };
}

const timeOrNull = (text: string | undefined | null) => (text ? parseIsoTimestamp(text) : null);

/**
 * SHA-256 of what a body says: its known fields (unknown ones are ignored, as everywhere), keys
 * sorted, `null` the same as absent, the CPF as digits, times as the instants they name (a retry
 * that writes `10:00:00Z` as `10:00:00.000Z` or `07:00:00-03:00` says the same). Two calls with
 * the same hash for the same slip are one event.
 */
export function contentHashOf(dto: BettingEventDto): string {
  return hashOf({
    ...dto,
    tax_id: normalizeCpf(dto.tax_id),
    event_date: instantOf(dto.event_date),
    bet_legs: dto.bet_legs?.map((leg) => ({
      ...leg,
      event_start_time: instantOf(leg.event_start_time),
      event_end_time: instantOf(leg.event_end_time),
    })),
  });
}

/**
 * The hash of the same body as events stored before 2026-12-07 have it, with times as written: a
 * retry of one of those is still a repeat. The repeat lookups take both.
 */
export function legacyContentHashOf(dto: BettingEventDto): string {
  return hashOf({ ...dto, tax_id: normalizeCpf(dto.tax_id) });
}

const hashOf = (said: object) => createHash('sha256').update(canonicalJson(said)).digest('hex');

const instantOf = (text: string | null | undefined) =>
  text ? (parseIsoTimestamp(text)?.toDatabaseText() ?? text) : text;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** `evt_` and 24 random base-32 characters (120 bits), the id answered for a stored event. */
export function newPublicEventId(): string {
  const bytes = pooledRandomBytes(15);
  let id = 'evt_';
  for (let i = 0; i < 15; i += 5) {
    // 5 bytes = 40 bits = 8 characters.
    let bits = 0n;
    for (let j = 0; j < 5; j++) bits = (bits << 8n) | BigInt(bytes[i + j]);
    for (let k = 7; k >= 0; k--) id += BASE32[Number((bits >> BigInt(k * 5)) & 31n)];
  }
  return id;
}
