import { WebhookResends1765500000000 as MysqlWebhookResends } from './mysql/1765500000000-WebhookResends';
import { WebhookResends1765500000000 as SqliteWebhookResends } from './sqlite/1765500000000-WebhookResends';
import { AlertHitsByEventTime1765400000000 as MysqlAlertHitsByEventTime } from './mysql/1765400000000-AlertHitsByEventTime';
import { AlertHitsByEventTime1765400000000 as SqliteAlertHitsByEventTime } from './sqlite/1765400000000-AlertHitsByEventTime';
import { MarketPositionSlips1765600000000 as MysqlMarketPositionSlips } from './mysql/1765600000000-MarketPositionSlips';
import { MarketPositionSlips1765600000000 as SqliteMarketPositionSlips } from './sqlite/1765600000000-MarketPositionSlips';
import { BetRecordCountShards1765300000000 as MysqlBetRecordCountShards } from './mysql/1765300000000-BetRecordCountShards';
import { BetRecordCountShards1765300000000 as SqliteBetRecordCountShards } from './sqlite/1765300000000-BetRecordCountShards';
import { CanonicalAllowlist1765200000000 as MysqlCanonicalAllowlist } from './mysql/1765200000000-CanonicalAllowlist';
import { CanonicalAllowlist1765200000000 as SqliteCanonicalAllowlist } from './sqlite/1765200000000-CanonicalAllowlist';
import { PlayerStateRevision1765100000000 as MysqlPlayerStateRevision } from './mysql/1765100000000-PlayerStateRevision';
import { PlayerStateRevision1765100000000 as SqlitePlayerStateRevision } from './sqlite/1765100000000-PlayerStateRevision';
import { TeamTimeZone1765000000000 as MysqlTeamTimeZone } from './mysql/1765000000000-TeamTimeZone';
import { TeamTimeZone1765000000000 as SqliteTeamTimeZone } from './sqlite/1765000000000-TeamTimeZone';
import { AlertSeverityIndex1764900000000 as MysqlAlertSeverityIndex } from './mysql/1764900000000-AlertSeverityIndex';
import { AlertSeverityIndex1764900000000 as SqliteAlertSeverityIndex } from './sqlite/1764900000000-AlertSeverityIndex';
import { Dashboard1764800000000 as MysqlDashboard } from './mysql/1764800000000-Dashboard';
import { Dashboard1764800000000 as SqliteDashboard } from './sqlite/1764800000000-Dashboard';
import { BettingEvents1763900000000 as MysqlBettingEvents } from './mysql/1763900000000-BettingEvents';
import { BetRecords1764000000000 as MysqlBetRecords } from './mysql/1764000000000-BetRecords';
import { Events1763800000000 as MysqlEvents } from './mysql/1763800000000-Events';
import { Foundation1763700000000 as MysqlFoundation } from './mysql/1763700000000-Foundation';
import { MaxBridgeWallet1764100000000 as MysqlMaxBridgeWallet } from './mysql/1764100000000-MaxBridgeWallet';
import { SlipBrands1764200000000 as MysqlSlipBrands } from './mysql/1764200000000-SlipBrands';
import { ProcessingPipeline1764300000000 as MysqlProcessingPipeline } from './mysql/1764300000000-ProcessingPipeline';
import { Detection1764400000000 as MysqlDetection } from './mysql/1764400000000-Detection';
import { Detection1764400000000 as SqliteDetection } from './sqlite/1764400000000-Detection';
import { Webhooks1764500000000 as MysqlWebhooks } from './mysql/1764500000000-Webhooks';
import { Webhooks1764500000000 as SqliteWebhooks } from './sqlite/1764500000000-Webhooks';
import { MaxBridgeCashDesk1764600000000 as MysqlMaxBridgeCashDesk } from './mysql/1764600000000-MaxBridgeCashDesk';
import { MaxBridgeCashDesk1764600000000 as SqliteMaxBridgeCashDesk } from './sqlite/1764600000000-MaxBridgeCashDesk';
import { MaxBridgeSessions1764700000000 as MysqlMaxBridgeSessions } from './mysql/1764700000000-MaxBridgeSessions';
import { MaxBridgeSessions1764700000000 as SqliteMaxBridgeSessions } from './sqlite/1764700000000-MaxBridgeSessions';
import { BettingEvents1763900000000 as SqliteBettingEvents } from './sqlite/1763900000000-BettingEvents';
import { BetRecords1764000000000 as SqliteBetRecords } from './sqlite/1764000000000-BetRecords';
import { Events1763800000000 as SqliteEvents } from './sqlite/1763800000000-Events';
import { Foundation1763700000000 as SqliteFoundation } from './sqlite/1763700000000-Foundation';
import { MaxBridgeWallet1764100000000 as SqliteMaxBridgeWallet } from './sqlite/1764100000000-MaxBridgeWallet';
import { SlipBrands1764200000000 as SqliteSlipBrands } from './sqlite/1764200000000-SlipBrands';
import { ProcessingPipeline1764300000000 as SqliteProcessingPipeline } from './sqlite/1764300000000-ProcessingPipeline';

/** Migrations in order, one list per dialect. Add new ones at the end of both lists. */
export const MYSQL_MIGRATIONS = [
  MysqlFoundation,
  MysqlEvents,
  MysqlBettingEvents,
  MysqlBetRecords,
  MysqlMaxBridgeWallet,
  MysqlSlipBrands,
  MysqlProcessingPipeline,
  MysqlDetection,
  MysqlWebhooks,
  MysqlMaxBridgeCashDesk,
  MysqlMaxBridgeSessions,
  MysqlDashboard,
  MysqlAlertSeverityIndex,
  MysqlTeamTimeZone,
  MysqlPlayerStateRevision,
  MysqlCanonicalAllowlist,
  MysqlBetRecordCountShards,
  MysqlAlertHitsByEventTime,
  MysqlWebhookResends,
  MysqlMarketPositionSlips,
];
export const SQLITE_MIGRATIONS = [
  SqliteFoundation,
  SqliteEvents,
  SqliteBettingEvents,
  SqliteBetRecords,
  SqliteMaxBridgeWallet,
  SqliteSlipBrands,
  SqliteProcessingPipeline,
  SqliteDetection,
  SqliteWebhooks,
  SqliteMaxBridgeCashDesk,
  SqliteMaxBridgeSessions,
  SqliteDashboard,
  SqliteAlertSeverityIndex,
  SqliteTeamTimeZone,
  SqlitePlayerStateRevision,
  SqliteCanonicalAllowlist,
  SqliteBetRecordCountShards,
  SqliteAlertHitsByEventTime,
  SqliteWebhookResends,
  SqliteMarketPositionSlips,
];
