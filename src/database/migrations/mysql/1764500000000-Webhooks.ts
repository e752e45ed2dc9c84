import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** Webhooks: the teams' endpoints, the outbox of messages, and every attempt to deliver one. */
export class Webhooks1764500000000 implements MigrationInterface {
  name = 'Webhooks1764500000000';

  /** `IF NOT EXISTS`: MySQL commits each CREATE at once, and a killed start must be able to finish. */
  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`webhook_endpoints\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`uuid\` varchar(36) NOT NULL, \`team_id\` int NOT NULL, \`url\` varchar(2000) NOT NULL, \`description\` varchar(500) NULL, \`event_types\` varchar(200) NOT NULL, \`rate_limit\` int NULL, \`active\` tinyint NOT NULL, \`disabled_reason\` varchar(16) NULL, \`secret\` varchar(64) NOT NULL, \`previous_secret\` varchar(64) NULL, \`previous_secret_until\` datetime(6) NULL, \`failing_since\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL, \`updated_at\` datetime(6) NOT NULL, INDEX \`idx_webhook_endpoints_team\` (\`team_id\`, \`id\`), UNIQUE INDEX \`uq_webhook_endpoints_uuid\` (\`uuid\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`webhook_messages\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`uuid\` varchar(36) NOT NULL, \`team_id\` int NOT NULL, \`endpoint_id\` bigint NOT NULL, \`event_type\` varchar(24) NOT NULL, \`subject\` varchar(36) NULL, \`body\` text NULL, \`status\` varchar(12) NOT NULL, \`attempts\` int NOT NULL, \`next_attempt_at\` datetime(6) NOT NULL, \`created_at\` datetime(6) NOT NULL, \`last_attempt_at\` datetime(6) NULL, INDEX \`idx_webhook_messages_created\` (\`created_at\`), INDEX \`idx_webhook_messages_subject\` (\`subject\`, \`event_type\`), INDEX \`idx_webhook_messages_endpoint_due\` (\`endpoint_id\`, \`status\`, \`next_attempt_at\`), INDEX \`idx_webhook_messages_endpoint\` (\`endpoint_id\`, \`id\`), INDEX \`idx_webhook_messages_due\` (\`status\`, \`next_attempt_at\`), UNIQUE INDEX \`uq_webhook_messages_uuid\` (\`uuid\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`webhook_attempts\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`message_id\` bigint NOT NULL, \`at\` datetime(6) NOT NULL, \`status_code\` int NULL, \`latency_ms\` int NOT NULL, \`error\` varchar(300) NULL, \`response_head\` varchar(1000) NULL, INDEX \`idx_webhook_attempts_message\` (\`message_id\`, \`id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `webhook_attempts`');
    await q.query('DROP TABLE `webhook_messages`');
    await q.query('DROP TABLE `webhook_endpoints`');
  }
}
