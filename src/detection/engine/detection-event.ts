import type { CheckCode } from '../../betting-events/consistency-checks';
import type { AmlLeg } from '../../betting-events/aml-betting-event';
import { MicroTime } from '../../common/time/micro-time';
import type { ProcessingEvent } from '../../processing/processing-event';
import {
  canonicalIdentifier,
  type IdentifierKind,
} from '../../common/identifiers/canonical-identifier';

export {
  IDENTIFIER_KINDS,
  type IdentifierKind,
} from '../../common/identifiers/canonical-identifier';

/**
 * An event of either stream as the rules see it: money in minor units (the monitor's
 * `amount_cents`, the AML API's cents) with its currency, times in microseconds, and an AML
 * event's slip facts. AML events map onto the monitor's types: a `new_bet` is a BET_PLACED, a
 * settling `result` a BET_WON (the balance rose) or BET_LOST, a `cancellation` a REFUND.
 */
export interface DetectionEvent {
  stream: 'monitor' | 'aml';
  /** Row id in its stream's table. */
  id: string;
  /** How the operator knows it: the monitor `uuid`, or the AML `evt_...` id. */
  ref: string;
  teamId: number;
  playerId: number;
  playerExternalId: string;
  type: string;
  /** Event time, microseconds since the epoch. */
  at: number;
  amountCents: number;
  currency: string;
  balanceBeforeCents: number | null;
  balanceAfterCents: number | null;
  odds: number | null;
  /** The bet it belongs to: a monitor `game.bet_id`, an AML slip id. */
  betRef: string | null;
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  operator: string | null;
  identifiers: { kind: IdentifierKind; value: string }[];
  aml: AmlFacts | null;
}

export interface AmlFacts {
  eventType: 'new_bet' | 'result' | 'cancellation' | string;
  slipRef: string;
  betSlipState: string | null;
  legs: AmlLeg[];
  checks: CheckCode[];
  /**
   * What a `new_bet` adds to what the slip's earlier bets staked (cents): its whole stake for the
   * first, the rise of a restatement (a correction), nothing when it lowers it. Wagered money
   * counts it (`wageredBy`); the rules read the stake, `amountCents`.
   */
  stakeAddedCents: number;
  earlier: { eventType: string; betSlipState: string | null; totalStake: number }[];
}

/** The AML API's money is Brazilian: its slips carry no currency. */
export const AML_CURRENCY = 'BRL';

const cents = (units: number | null) => (units === null ? null : Math.round(units * 100));

export function toDetectionEvent(event: ProcessingEvent, playerId: number): DetectionEvent {
  const at = MicroTime.fromDatabaseText(event.eventTime).micros;
  if (event.stream === 'monitor') {
    const identifiers: DetectionEvent['identifiers'] = [];
    if (event.ipAddress) {
      identifiers.push({ kind: 'ip', value: canonicalIdentifier('ip', event.ipAddress) });
    }
    if (event.playerPhone) {
      identifiers.push({ kind: 'phone', value: canonicalIdentifier('phone', event.playerPhone) });
    }
    if (event.sessionId) identifiers.push({ kind: 'session', value: event.sessionId });
    return {
      stream: 'monitor',
      id: event.id,
      ref: event.uuid,
      teamId: event.teamId,
      playerId,
      playerExternalId: event.playerExternalId,
      type: event.eventType,
      at,
      amountCents: cents(event.amount)!,
      currency: event.currency,
      balanceBeforeCents: cents(event.balanceBefore),
      balanceAfterCents: cents(event.balanceAfter),
      odds: event.game.odds,
      betRef: event.game.betId,
      phone: event.playerPhone,
      country: event.playerCountry,
      kycLevel: event.playerKycLevel,
      operator: event.operator,
      identifiers,
      aml: null,
    };
  }
  const moved = event.currentPlayerBalance - event.lastPlayerBalance;
  // The most the slip's earlier bets staked: a restatement (a correction) adds only its rise.
  const staked = event.earlier
    .filter((e) => e.eventType === 'new_bet')
    .reduce((most, e) => Math.max(most, e.totalStake), 0);
  return {
    stream: 'aml',
    id: event.id,
    ref: event.publicId,
    teamId: event.teamId,
    playerId: event.playerId,
    playerExternalId: event.playerExternalId,
    type: amlType(event.eventType, event.betSlipState, moved),
    at,
    amountCents: event.eventType === 'result' ? Math.max(0, moved) : event.totalStake,
    currency: AML_CURRENCY,
    balanceBeforeCents: event.lastPlayerBalance,
    balanceAfterCents: event.currentPlayerBalance,
    odds: event.totalOdds,
    betRef: event.slipRef,
    phone: null,
    country: null,
    kycLevel: null,
    operator: null,
    identifiers: [],
    aml: {
      eventType: event.eventType,
      slipRef: event.slipRef,
      betSlipState: event.betSlipState,
      legs: event.legs,
      checks: event.checks,
      stakeAddedCents: event.eventType === 'new_bet' ? Math.max(0, event.totalStake - staked) : 0,
      earlier: event.earlier,
    },
  };
}

/**
 * The money an event wagers: a bet's stake; for an AML `new_bet`, only what it adds to the
 * slip's earlier bets (a slip restated five times is staked once).
 */
export const wageredBy = (event: DetectionEvent): number =>
  event.aml ? event.aml.stakeAddedCents : event.amountCents;

/** The bets an event places: one, but none for an AML `new_bet` that restates its slip. */
export const betsPlacedBy = (event: DetectionEvent): number =>
  event.aml && event.aml.earlier.some((e) => e.eventType === 'new_bet') ? 0 : 1;

function amlType(eventType: string, state: string | null, moved: number): string {
  switch (eventType) {
    case 'new_bet':
      return 'BET_PLACED';
    case 'cancellation':
      return 'REFUND';
    default:
      if ((state ?? 'settled') !== 'settled') return 'BET_UPDATED';
      return moved > 0 ? 'BET_WON' : 'BET_LOST';
  }
}

/** Monitor types that credit the balance, and those that debit it (BET_LOST moves nothing). */
export const CREDIT_TYPES = new Set([
  'DEPOSIT',
  'BET_WON',
  'BONUS_CREDITED',
  'REFUND',
  'CASHOUT',
  'JACKPOT',
]);
export const DEBIT_TYPES = new Set(['WITHDRAWAL', 'BET_PLACED', 'BONUS_USED']);
/** Settled bets in win rates (a CASHOUT is neither: the player took what was on offer). */
export const WINNING_TYPES = new Set(['BET_WON', 'JACKPOT']);
export const SETTLING_TYPES = new Set(['BET_WON', 'BET_LOST', 'JACKPOT']);
