import type { CheckCode } from './consistency-checks';

/** An AML betting event as the processing steps see it: one call of `POST /betting-events`. */
export interface AmlBettingEvent {
  readonly stream: 'aml';
  /** Its row id in `betting_events`. */
  id: string;
  /** The `evt_...` id answered to the operator. */
  publicId: string;
  teamId: number;
  /** The brand of the slip (of the key that opened it); null for a team-wide key. */
  brandId: number | null;
  /** Our id of the bettor's player, and that player's external id (the CPF's, see PlayersService). */
  playerId: number;
  playerExternalId: string;
  /** The bettor's CPF, 11 digits. */
  taxId: string;
  /** new_bet, result or cancellation. */
  eventType: string;
  /** `event_date`, `YYYY-MM-DD HH:MM:SS.ffffff` UTC. */
  eventTime: string;
  slipRef: string;
  betSlipState: string | null;
  /** In cents, as the AML API takes money. */
  totalStake: number;
  totalOdds: number;
  legCount: number;
  lastPlayerBalance: number;
  currentPlayerBalance: number;
  isLive: boolean | null;
  isFreeBet: boolean | null;
  bonusAmount: number | null;
  /** The consistency checks it failed at ingestion (see consistency-checks.ts). */
  checks: CheckCode[];
  /** Its selections, as sent. */
  legs: AmlLeg[];
  /** The slip's events received before this one, oldest first (stakes in cents). */
  earlier: { eventType: string; betSlipState: string | null; totalStake: number }[];
}

/** One selection of an AML event: what OPPOSITE_SIDES compares across bettors. */
export interface AmlLeg {
  sportEventRef: string | null;
  marketRef: string | null;
  selectionRef: string | null;
  odds: number;
}
