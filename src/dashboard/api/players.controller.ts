import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BettingEventsService } from '../../betting-events/betting-events.service';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { PlayerViewService } from '../../detection/risk/player-view.service';
import { PlayerEventsService } from '../../events/player-events.service';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';

/** How many of a player's latest events and AML slips the timeline shows. */
const TIMELINE_EVENTS = 50;
const TIMELINE_SLIPS = 20;

/** Player 360: the players by risk, and one player's profile, risk, links and timeline. */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api/players')
export class DashboardPlayersController {
  constructor(
    private readonly players: PlayerViewService,
    private readonly events: PlayerEventsService,
    private readonly slips: BettingEventsService,
  ) {}

  @Get()
  @DashboardApi()
  @ApiOperation({
    summary: 'The team’s players by risk, highest first',
    description:
      'As `GET /api/v1/players` (level, min_score, page, size), without the monitor’s envelope.',
  })
  list(@CurrentSession() session: DashboardSession, @Query() query: Record<string, unknown>) {
    return this.players.list(session.user.teamId, query);
  }

  @Get(':external_id')
  @DashboardApi()
  @ApiParam({ name: 'external_id', description: 'The player’s id at the operator' })
  @ApiOperation({
    summary: 'A player: profile, counters, open alerts, linked players, explained risk, timeline',
    description:
      'What `GET /api/v1/players/:external_id` answers, and `timeline`: the player’s latest ' +
      `${TIMELINE_EVENTS} monitor events (newest first, with their processing status) and, for a ` +
      `player known by CPF, their latest ${TIMELINE_SLIPS} AML bet slips.`,
  })
  async get(
    @CurrentSession() session: DashboardSession,
    @Param('external_id') externalId: string,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const teamId = session.user.teamId;
    const player = await this.players.byExternalId(teamId, externalId, language);
    const events = await this.events.recent(teamId, externalId, TIMELINE_EVENTS);
    const slips = player.cpf
      ? await this.slips.listPlayerSlips({ teamId, brandId: null }, player.cpf, 1, TIMELINE_SLIPS)
      : null;
    return {
      ...player,
      timeline: {
        events: events.map((e) => ({
          id: e.uuid,
          event_id: e.externalEventId,
          type: e.type,
          event_time: e.eventTime.toIso(),
          amount: e.amount,
          currency: e.currency,
          balance_before: e.balanceBefore,
          balance_after: e.balanceAfter,
          status: e.status,
        })),
        slips: (slips?.items ?? []).map((slip) => ({
          bet_slip_id: slip.slipRef,
          state: slip.state,
          total_stake: slip.totalStake,
          total_odds: slip.totalOdds,
          leg_count: slip.legCount,
          payout: slip.payout,
          first_event_at: slip.firstEventAt.toIso(),
          last_event_at: slip.lastEventAt.toIso(),
        })),
      },
    };
  }
}
