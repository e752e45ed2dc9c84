import type { MicroTime } from '../common/time/micro-time';
import type { BetLeg } from './betting-event';
import type { PlayerSlipsPage } from './betting-events.service';
import type {
  BetLegViewDto,
  BettingEventStatusDto,
  BettingEventViewDto,
  PlayerSlipsPageDto,
  SlipDetailDto,
  SlipSummaryDto,
} from './dto/slip-view.dto';
import type { AmlEventStatus } from './storage/aml-processing.repository';
import type { EventRecord, SlipRecord } from './storage/slip-queries.repository';

const iso = (time: MicroTime | null) => time?.toIso() ?? null;

export function toLegView(leg: BetLeg): BetLegViewDto {
  return {
    leg_id: leg.legId,
    odds: leg.odds,
    sport_id: leg.sportId,
    sport_name: leg.sportName,
    event_id: leg.eventId,
    event_name: leg.eventName,
    tournament_id: leg.tournamentId,
    tournament_name: leg.tournamentName,
    market_id: leg.marketId,
    market_name: leg.marketName,
    selection_id: leg.selectionId,
    selection_name: leg.selectionName,
    event_start_time: iso(leg.eventStartTime),
    event_end_time: iso(leg.eventEndTime),
    leg_state: leg.legState,
    result: leg.result,
    amount_won: leg.amountWon,
  };
}

export function toSlipSummary(slip: SlipRecord): SlipSummaryDto {
  return {
    bet_slip_id: slip.slipRef,
    tax_id: slip.taxId,
    state: slip.state,
    total_stake: slip.totalStake,
    total_odds: slip.totalOdds,
    leg_count: slip.legCount,
    is_live: slip.isLive,
    is_free_bet: slip.isFreeBet,
    is_each_way: slip.isEachWay,
    bonus_amount: slip.bonusAmount,
    payout: slip.payout,
    out_of_order: slip.outOfOrder,
    events_count: slip.eventsCount,
    first_event_at: slip.firstEventAt.toIso(),
    last_event_at: slip.lastEventAt.toIso(),
    closed_at: iso(slip.closedAt),
    bet_legs: slip.legs.map(toLegView),
  };
}

export function toEventView(event: EventRecord): BettingEventViewDto {
  return {
    id: event.publicId,
    event: event.type,
    tax_id: event.taxId,
    event_date: event.eventDate.toIso(),
    received_at: event.receivedAt.toIso(),
    last_player_balance: event.lastPlayerBalance,
    current_player_balance: event.currentPlayerBalance,
    bet_slip_state: event.betSlipState,
    total_stake: event.totalStake,
    total_odds: event.totalOdds,
    leg_count: event.legCount,
    is_live: event.isLive,
    is_free_bet: event.isFreeBet,
    bonus_amount: event.bonusAmount,
    is_each_way: event.isEachWay,
    meta: event.meta,
    checks: event.checks,
    bet_legs: event.legs.map(toLegView),
  };
}

export function toSlipDetail(slip: SlipRecord, events: EventRecord[]): SlipDetailDto {
  return { ...toSlipSummary(slip), events: events.map(toEventView) };
}

export function toPlayerSlipsPage(page: PlayerSlipsPage): PlayerSlipsPageDto {
  return {
    tax_id: page.taxId,
    total: page.total,
    page: page.page,
    page_size: page.pageSize,
    items: page.items.map(toSlipSummary),
  };
}

export function toEventStatus(status: AmlEventStatus): BettingEventStatusDto {
  return { id: status.publicId, status: status.status, processed_at: iso(status.processedAt) };
}
