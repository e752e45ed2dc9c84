import { Module, type OnModuleInit } from '@nestjs/common';
import { LookupsModule } from '../lookups/lookups.module';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { MetricsModule } from '../observability/metrics.module';
import { PlayersModule } from '../players/players.module';
import { WebhookPayloads } from '../webhooks/delivery/webhook-payloads';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AlertRecorder } from './alerts/alert-recorder';
import { AlertsRepository } from './alerts/alerts.repository';
import { AlertsService, WEBHOOK_EVENTS } from './alerts/alerts.service';
import { AlertsController } from './api/alerts.controller';
import { PlayersController } from './api/players.controller';
import { RulesController } from './api/rules.controller';
import { DetectionMetrics } from './detection.metrics';
import { DetectionStep } from './detection.step';
import { EventAlertsService } from './alerts/event-alerts.service';
import { PlayerRiskRepository } from './risk/player-risk.repository';
import { PlayerRiskService } from './risk/player-risk.service';
import { PlayerViewService } from './risk/player-view.service';
import { RiskRefresher } from './risk/risk-refresher';
import { AllowlistService } from './settings/allowlist.service';
import { RuleSettingsRepository } from './settings/rule-settings.repository';
import { RuleSettingsService } from './settings/rule-settings.service';
import { CrossPlayerFactsLoader } from './state/cross-player-facts.loader';
import { DetectionStateRepository } from './state/detection-state.repository';
import { IdentifiersRepository } from './state/identifiers.repository';
import { MarketPositionsRepository } from './state/market-positions.repository';
import { PlayerTotalsRepository } from './state/player-totals.repository';
import { SecondLooksRepository } from './state/second-looks.repository';

/**
 * Fraud and AML detection: the rule pack and its step in processing, the team's rule settings,
 * alerts with their lifecycle, players' explained risk, and their routes under `/api/v1`.
 */
@Module({
  imports: [MonitorApiModule, LookupsModule, MetricsModule, PlayersModule, WebhooksModule],
  controllers: [RulesController, AlertsController, PlayersController],
  providers: [
    DetectionStep,
    DetectionMetrics,
    RuleSettingsRepository,
    RuleSettingsService,
    AllowlistService,
    DetectionStateRepository,
    IdentifiersRepository,
    MarketPositionsRepository,
    PlayerTotalsRepository,
    SecondLooksRepository,
    CrossPlayerFactsLoader,
    AlertsRepository,
    AlertRecorder,
    AlertsService,
    EventAlertsService,
    PlayerRiskRepository,
    PlayerRiskService,
    PlayerViewService,
    RiskRefresher,
  ],
  exports: [
    DetectionStep,
    EventAlertsService,
    AlertsService,
    RuleSettingsService,
    PlayerViewService,
    AllowlistService,
  ],
})
export class DetectionModule implements OnModuleInit {
  constructor(
    private readonly payloads: WebhookPayloads,
    private readonly alerts: AlertsService,
  ) {}

  /** Alert webhooks carry the alert as `GET /alerts/:id` shows it, in English. */
  onModuleInit(): void {
    this.payloads.register('alert.', (teamId, uuids) =>
      this.alerts.getMany(teamId, uuids, 'en', WEBHOOK_EVENTS),
    );
  }
}
