import { Module } from '@nestjs/common';
import { DashboardAlertsController } from './api/alerts.controller';
import { DashboardPlayersController } from './api/players.controller';
import { DashboardRulesController } from './api/rules.controller';
import { DashboardTeamController } from './api/team.controller';
import { OverviewService } from './overview/overview.service';
import { DashboardWebhooksController } from './api/webhooks.controller';
import { DashboardAppController } from './app/dashboard-app.controller';
import { KeysController } from './api/keys.controller';
import { SessionController } from './api/session.controller';
import { UsersController } from './api/users.controller';
import { DetectionModule } from '../detection/detection.module';
import { BettingEventsModule } from '../betting-events/betting-events.module';
import { EventsModule } from '../events/events.module';
import { ProcessingStreamsModule } from '../processing/processing-streams.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DashboardWire } from './dashboard.wire';
import { DashboardLoginThrottle } from './sessions/dashboard-login-throttle';
import { DashboardSessionStrategy } from './sessions/dashboard-session.strategy';
import { DashboardSessionsService } from './sessions/dashboard-sessions.service';
import { DashboardUsersModule } from './users/dashboard-users.module';

/**
 * The dashboard's server side (CONTRACTS.md section 5): its users and their roles, sessions in
 * an HttpOnly cookie with a CSRF token, and its API under `/dashboard/api` in its own error
 * shape, calling the same services as `/api/v1`.
 */
@Module({
  imports: [
    DashboardUsersModule,
    TenancyModule,
    DetectionModule,
    WebhooksModule,
    EventsModule,
    BettingEventsModule,
    ProcessingStreamsModule,
  ],
  controllers: [
    SessionController,
    UsersController,
    KeysController,
    DashboardAlertsController,
    DashboardRulesController,
    DashboardPlayersController,
    DashboardTeamController,
    DashboardWebhooksController,
    DashboardAppController,
  ],
  providers: [
    OverviewService,
    DashboardWire,
    DashboardSessionsService,
    DashboardSessionStrategy,
    DashboardLoginThrottle,
  ],
})
export class DashboardModule {}
