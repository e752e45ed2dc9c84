import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';

export interface StoredSetting {
  teamId: number;
  ruleCode: string;
  version: number;
  mode: string;
  severity: string;
  /** The team's overrides, JSON. */
  parameters: string;
  /** When it became current, `YYYY-MM-DD HH:MM:SS.ffffff`. */
  updatedAt?: string;
}

export interface StoredVersion extends StoredSetting {
  authorKind: string;
  authorId: string;
  createdAt: string;
}

type Num = number | string;
interface SettingRow {
  team_id: Num;
  rule_code: string;
  version: Num;
  mode: string;
  severity: string;
  parameters: string;
  updated_at?: string;
}

const toSetting = (row: SettingRow): StoredSetting => ({
  teamId: Number(row.team_id),
  ruleCode: row.rule_code,
  version: Number(row.version),
  mode: row.mode,
  severity: row.severity,
  parameters: row.parameters,
  updatedAt: row.updated_at,
});

/** Teams' rule settings (current and every version), hit counts per day and shadow hits. */
@Injectable()
export class RuleSettingsRepository {
  constructor(private readonly database: SqlDatabase) {}

  async currentFor(session: SqlSession, teamIds: readonly number[]): Promise<StoredSetting[]> {
    if (teamIds.length === 0) return [];
    const rows = await session.select<SettingRow>(
      'SELECT team_id, rule_code, version, mode, severity, parameters, ' +
        `${session.dialect.timestampText('updated_at')} AS updated_at FROM rule_settings ` +
        `WHERE team_id IN (${placeholders(teamIds.length)})`,
      teamIds.map(requireTeamId),
    );
    return rows.map(toSetting);
  }

  /** The current settings of one rule, locked until the transaction ends. */
  async lockCurrent(
    session: SqlSession,
    teamId: number,
    ruleCode: string,
  ): Promise<StoredSetting | null> {
    const [row] = await session.select<SettingRow>(
      'SELECT team_id, rule_code, version, mode, severity, parameters, ' +
        `${session.dialect.timestampText('updated_at')} AS updated_at FROM rule_settings ` +
        `WHERE team_id = ? AND rule_code = ? ${session.dialect.forUpdate}`,
      [requireTeamId(teamId), ruleCode],
    );
    return row ? toSetting(row) : null;
  }

  /** Writes a new version and makes it current. */
  async saveVersion(session: SqlSession, version: StoredVersion, isFirst: boolean): Promise<void> {
    const { teamId, ruleCode } = version;
    await session.execute(
      'INSERT INTO rule_setting_versions (team_id, rule_code, version, mode, severity, parameters, author_kind, author_id, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        requireTeamId(teamId),
        ruleCode,
        version.version,
        version.mode,
        version.severity,
        version.parameters,
        version.authorKind,
        version.authorId,
        version.createdAt,
      ],
    );
    const values = [
      version.version,
      version.mode,
      version.severity,
      version.parameters,
      version.createdAt,
    ];
    if (isFirst) {
      await session.execute(
        'INSERT INTO rule_settings (version, mode, severity, parameters, updated_at, team_id, rule_code) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [...values, teamId, ruleCode],
      );
    } else {
      await session.execute(
        'UPDATE rule_settings SET version = ?, mode = ?, severity = ?, parameters = ?, updated_at = ? WHERE team_id = ? AND rule_code = ?',
        [...values, teamId, ruleCode],
      );
    }
  }

  async versions(teamId: number, ruleCode: string): Promise<StoredVersion[]> {
    const rows = await this.database.select<
      SettingRow & { author_kind: string; author_id: string; created_at: string }
    >(
      'SELECT team_id, rule_code, version, mode, severity, parameters, author_kind, author_id, ' +
        `${this.database.dialect.timestampText('created_at')} AS created_at FROM rule_setting_versions ` +
        'WHERE team_id = ? AND rule_code = ? ORDER BY version DESC',
      [requireTeamId(teamId), ruleCode],
    );
    return rows.map((row) => ({
      ...toSetting(row),
      authorKind: row.author_kind,
      authorId: row.author_id,
      createdAt: row.created_at,
    }));
  }

  /** Adds hits to the per-day counts. */
  async countHits(
    session: SqlSession,
    counts: readonly {
      teamId: number;
      ruleCode: string;
      day: string;
      mode: string;
      shard: number;
      hits: number;
    }[],
  ): Promise<void> {
    if (counts.length === 0) return;
    const sql = session.dialect.upsert(
      'rule_hit_counts',
      ['team_id', 'rule_code', 'day', 'mode', 'shard', 'hits'],
      counts.length,
      ['team_id', 'rule_code', 'day', 'mode', 'shard'],
      { hits: (old, offered) => `${old('hits')} + ${offered('hits')}` },
    );
    await session.execute(
      sql,
      counts.flatMap((c) => [requireTeamId(c.teamId), c.ruleCode, c.day, c.mode, c.shard, c.hits]),
    );
  }

  /** Hits per day and mode since `sinceDay` (`YYYY-MM-DD`), newest day first. */
  async hitsByDay(
    teamId: number,
    ruleCode: string,
    sinceDay: string,
  ): Promise<{ day: string; mode: string; hits: number }[]> {
    const rows = await this.database.select<{ day: string; mode: string; hits: Num }>(
      'SELECT day, mode, SUM(hits) AS hits FROM rule_hit_counts WHERE team_id = ? AND rule_code = ? AND day >= ? ' +
        'GROUP BY day, mode ORDER BY day DESC, mode',
      [requireTeamId(teamId), ruleCode, sinceDay],
    );
    return rows.map((row) => ({ day: row.day, mode: row.mode, hits: Number(row.hits) }));
  }

  async recordShadowHits(
    session: SqlSession,
    hits: readonly {
      teamId: number;
      ruleCode: string;
      ruleVersion: number;
      playerId: number;
      stream: string;
      eventRef: string;
      eventTime: string;
      severity: string;
      figures: string;
      createdAt: string;
    }[],
  ): Promise<void> {
    if (hits.length === 0) return;
    await session.execute(
      'INSERT INTO shadow_hits (team_id, rule_code, rule_version, player_id, stream, event_ref, event_time, severity, figures, created_at) ' +
        `VALUES ${valuesClause(10, hits.length)}`,
      hits.flatMap((h) => [
        requireTeamId(h.teamId),
        h.ruleCode,
        h.ruleVersion,
        h.playerId,
        h.stream,
        h.eventRef,
        h.eventTime,
        h.severity,
        h.figures,
        h.createdAt,
      ]),
    );
  }

  /** The latest shadow hits of a rule, newest first, with the player's external id. */
  async latestShadowHits(
    teamId: number,
    ruleCode: string,
    limit: number,
  ): Promise<
    {
      ruleVersion: number;
      playerExternalId: string;
      stream: string;
      eventRef: string;
      eventTime: string;
      severity: string;
      figures: string;
      createdAt: string;
    }[]
  > {
    const { dialect } = this.database;
    const rows = await this.database.select<{
      rule_version: Num;
      external_id: string;
      stream: string;
      event_ref: string;
      event_time: string;
      severity: string;
      figures: string;
      created_at: string;
    }>(
      `SELECT h.rule_version, p.external_id, h.stream, h.event_ref, ${dialect.timestampText('h.event_time')} AS event_time, ` +
        `h.severity, h.figures, ${dialect.timestampText('h.created_at')} AS created_at ` +
        'FROM shadow_hits h JOIN players p ON p.id = h.player_id WHERE h.team_id = ? AND h.rule_code = ? ' +
        `ORDER BY h.id DESC LIMIT ${Number(limit)}`,
      [requireTeamId(teamId), ruleCode],
    );
    return rows.map((row) => ({
      ruleVersion: Number(row.rule_version),
      playerExternalId: row.external_id,
      stream: row.stream,
      eventRef: row.event_ref,
      eventTime: row.event_time,
      severity: row.severity,
      figures: row.figures,
      createdAt: row.created_at,
    }));
  }
}
