import { MigrationInterface, QueryRunner } from 'typeorm';

/** The alert queue sorted by severity reads each severity along its own index range. */
export class AlertSeverityIndex1764900000000 implements MigrationInterface {
  name = 'AlertSeverityIndex1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX `idx_alerts_team_severity` ON `alerts` (`team_id`, `severity`, `id`)',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `idx_alerts_team_severity` ON `alerts`');
  }
}
