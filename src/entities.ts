import { DashboardLoginFailureEntity } from './dashboard/sessions/dashboard-login-failure.entity';
import { DashboardSessionEntity } from './dashboard/sessions/dashboard-session.entity';
import { DashboardUserEntity } from './dashboard/users/dashboard-user.entity';
import {
  DeviceTypeEntity,
  EventTypeEntity,
  GameTypeEntity,
  PaymentOperatorEntity,
} from './lookups/lookup.entities';
import { BettingEventLegEntity } from './betting-events/entities/betting-event-leg.entity';
import { BettingEventEntity } from './betting-events/entities/betting-event.entity';
import { BettingSlipLegEntity } from './betting-events/entities/betting-slip-leg.entity';
import { BettingSlipEntity } from './betting-events/entities/betting-slip.entity';
import { BetRecordCountEntity } from './bet-records/projection/bet-record-count.entity';
import { GameEntity } from './bet-records/projection/game.entity';
import { PendingSettlementEntity } from './bet-records/projection/pending-settlement.entity';
import { ProviderEntity } from './bet-records/projection/provider.entity';
import { BetEntity } from './bet-records/casino/bet.entity';
import { SportsBetLineEntity } from './bet-records/sports/sports-bet-line.entity';
import { SportsBetEntity } from './bet-records/sports/sports-bet.entity';
import { AlertAuditEntity } from './detection/alerts/alert-audit.entity';
import { AlertHitEntity } from './detection/alerts/alert-hit.entity';
import { AlertEntity } from './detection/alerts/alert.entity';
import { PlayerRiskEntity } from './detection/risk/player-risk.entity';
import { RuleHitCountEntity } from './detection/settings/rule-hit-count.entity';
import { RuleSettingVersionEntity } from './detection/settings/rule-setting-version.entity';
import { RuleSettingEntity } from './detection/settings/rule-setting.entity';
import { ShadowHitEntity } from './detection/settings/shadow-hit.entity';
import { IdentifierAllowlistEntity } from './detection/state/identifier-allowlist.entity';
import { IdentifierSightingEntity } from './detection/state/identifier-sighting.entity';
import { MarketPositionEntity } from './detection/state/market-position.entity';
import { PlayerHourTotalEntity } from './detection/state/player-hour-total.entity';
import { DetectionPlayerStateEntity } from './detection/state/player-state.entity';
import { DetectionSecondLookEntity } from './detection/state/second-look.entity';
import { EventEntity } from './events/event.entity';
import { DefaultLocationEntity } from './maxbridge/cash-desk/entities/default-location.entity';
import { LocationEntity } from './maxbridge/cash-desk/entities/location.entity';
import { ReservationEntity } from './maxbridge/cash-desk/entities/reservation.entity';
import { RetailKeyEntity } from './maxbridge/cash-desk/entities/retail-key.entity';
import { SsbtDepositEntity } from './maxbridge/cash-desk/entities/ssbt-deposit.entity';
import { CoreSessionEntity } from './maxbridge/core-session/entities/core-session.entity';
import { LoginFailureEntity } from './maxbridge/core-session/entities/login-failure.entity';
import { UsedNonceEntity } from './maxbridge/signing/used-nonce.entity';
import { WalletAccountEntity } from './maxbridge/wallet/entities/wallet-account.entity';
import { WalletDocumentEntity } from './maxbridge/wallet/entities/wallet-document.entity';
import { WalletLedgerEntryEntity } from './maxbridge/wallet/entities/wallet-ledger-entry.entity';
import { WalletUserStatusEntity } from './maxbridge/wallet/entities/wallet-user-status.entity';
import { WalletUserEntity } from './maxbridge/wallet/entities/wallet-user.entity';
import { PlayerEntity } from './players/player.entity';
import { ProcessingPartitionEntity } from './processing/leases/processing-partition.entity';
import { ProcessingWorkerEntity } from './processing/leases/processing-worker.entity';
import { ProcessingQueueEntity } from './processing/queue/processing-queue.entity';
import { EventMinuteCountEntity } from './processing/stats/event-minute-count.entity';
import { ApiKeyEntity } from './tenancy/api-key.entity';
import { BrandEntity } from './tenancy/brand.entity';
import { TeamEntity } from './tenancy/team.entity';
import { WebhookAttemptEntity } from './webhooks/delivery/webhook-attempt.entity';
import { WebhookMessageEntity } from './webhooks/delivery/webhook-message.entity';
import { WebhookEndpointEntity } from './webhooks/endpoints/webhook-endpoint.entity';

/**
 * Every entity of the application, for the DataSource (app, CLI, migrations and drift check).
 * Here, beside app.module.ts, because `database/` imports no feature: its callers hand it this list.
 */
export const ENTITIES = [
  TeamEntity,
  BrandEntity,
  ApiKeyEntity,
  EventTypeEntity,
  GameTypeEntity,
  DeviceTypeEntity,
  PaymentOperatorEntity,
  PlayerEntity,
  EventEntity,
  BettingSlipEntity,
  BettingSlipLegEntity,
  BettingEventEntity,
  BettingEventLegEntity,
  ProviderEntity,
  GameEntity,
  BetEntity,
  SportsBetEntity,
  SportsBetLineEntity,
  BetRecordCountEntity,
  PendingSettlementEntity,
  WalletUserStatusEntity,
  WalletUserEntity,
  WalletAccountEntity,
  WalletDocumentEntity,
  WalletLedgerEntryEntity,
  UsedNonceEntity,
  ProcessingQueueEntity,
  ProcessingPartitionEntity,
  ProcessingWorkerEntity,
  EventMinuteCountEntity,
  DetectionPlayerStateEntity,
  IdentifierSightingEntity,
  IdentifierAllowlistEntity,
  MarketPositionEntity,
  PlayerHourTotalEntity,
  DetectionSecondLookEntity,
  RuleSettingEntity,
  RuleSettingVersionEntity,
  RuleHitCountEntity,
  ShadowHitEntity,
  AlertEntity,
  AlertHitEntity,
  AlertAuditEntity,
  PlayerRiskEntity,
  WebhookEndpointEntity,
  WebhookMessageEntity,
  WebhookAttemptEntity,
  LocationEntity,
  DefaultLocationEntity,
  ReservationEntity,
  RetailKeyEntity,
  SsbtDepositEntity,
  CoreSessionEntity,
  LoginFailureEntity,
  DashboardUserEntity,
  DashboardSessionEntity,
  DashboardLoginFailureEntity,
];
