import { MigrationInterface, QueryRunner } from 'typeorm';

/** A revision with each player's detection state: a batch reads it, not the state it holds. */
export class PlayerStateRevision1765100000000 implements MigrationInterface {
  name = 'PlayerStateRevision1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `detection_player_states` ADD `revision` bigint NOT NULL DEFAULT 0');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `detection_player_states` DROP COLUMN `revision`');
  }
}
