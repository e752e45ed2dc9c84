import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** Webhooks: the teams' endpoints. */
export class Webhooks1764500000000 implements MigrationInterface {
  name = 'Webhooks1764500000000';

  /** `IF NOT EXISTS`: MySQL commits each CREATE at once, and a killed start must be able to finish. */
  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`webhook_endpoints\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`uuid\` varchar(36) NOT NULL, \`team_id\` int NOT NULL, \`url\` varchar(2000) NOT NULL, \`description\` varchar(500) NULL, \`event_types\` varchar(200) NOT NULL, \`rate_limit\` int NULL, \`active\` tinyint NOT NULL, \`disabled_reason\` varchar(16) NULL, \`secret\` varchar(64) NOT NULL, \`previous_secret\` varchar(64) NULL, \`previous_secret_until\` datetime(6) NULL, \`failing_since\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL, \`updated_at\` datetime(6) NOT NULL, INDEX \`idx_webhook_endpoints_team\` (\`team_id\`, \`id\`), UNIQUE INDEX \`uq_webhook_endpoints_uuid\` (\`uuid\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `webhook_endpoints`');
  }
}
