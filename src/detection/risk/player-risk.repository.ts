import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import type { RiskAlert, RiskFactor, RiskLevel } from './risk-score';
import { MicroTime } from '../../common/time/micro-time';
import type { Severity } from '../engine/rule-settings';

type Num = number | string;

export interface StoredRisk {
  playerId: number;
  teamId: number;
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
  computedAt: string;
}

/** Stored risk scores, and the reads a score is computed from. */
@Injectable()
export class PlayerRiskRepository {
  constructor(private readonly database: SqlDatabase) {}

  async save(session: SqlSession, risks: readonly StoredRisk[]): Promise<void> {
    if (risks.length === 0) return;
    const sql = session.dialect.upsert(
      'player_risk',
      ['player_id', 'team_id', 'score', 'level', 'factors', 'computed_at'],
      risks.length,
      ['player_id'],
      {
        score: (_old, offered) => offered('score'),
        level: (_old, offered) => offered('level'),
        factors: (_old, offered) => offered('factors'),
        computed_at: (_old, offered) => offered('computed_at'),
      },
    );
    await session.execute(
      sql,
      [...risks]
        .sort((a, b) => a.playerId - b.playerId)
        .flatMap((r) => [
          r.playerId,
          requireTeamId(r.teamId),
          r.score,
          r.level,
          JSON.stringify(r.factors),
          r.computedAt,
        ]),
    );
  }

  /** The alerts of these players that count in risk (all but FALSE_POSITIVE). */
  async alertsOf(
    session: SqlSession | SqlDatabase,
    teamId: number,
    playerIds: readonly number[],
  ): Promise<Map<number, RiskAlert[]>> {
    const byPlayer = new Map<number, RiskAlert[]>();
    if (playerIds.length === 0) return byPlayer;
    const rows = await session.select<{
      player_id: Num;
      uuid: string;
      rule_code: string;
      severity: Severity;
      status: string;
      last_hit_at: string;
    }>(
      `SELECT player_id, uuid, rule_code, severity, status, ${session.dialect.timestampText('last_hit_at')} AS last_hit_at ` +
        `FROM alerts WHERE team_id = ? AND player_id IN (${placeholders(playerIds.length)}) AND status <> 'FALSE_POSITIVE' ORDER BY id`,
      [requireTeamId(teamId), ...playerIds],
    );
    for (const row of rows) {
      const list = byPlayer.get(Number(row.player_id)) ?? [];
      list.push({
        uuid: row.uuid,
        ruleCode: row.rule_code,
        severity: row.severity,
        status: row.status,
        lastHitAt: MicroTime.fromDatabaseText(row.last_hit_at).micros,
      });
      byPlayer.set(Number(row.player_id), list);
    }
    return byPlayer;
  }

  /**
   * Other players sharing an identifier of these kinds with each player since `since`, not
   * allowlisted.
   */
  async linkedCounts(
    session: SqlSession | SqlDatabase,
    teamId: number,
    playerIds: readonly number[],
    kinds: readonly string[],
    since: string,
  ): Promise<Map<number, number>> {
    if (playerIds.length === 0 || kinds.length === 0) return new Map();
    const rows = await session.select<{ player_id: Num; linked: Num }>(
      'SELECT a.player_id, COUNT(DISTINCT b.player_id) AS linked FROM identifier_sightings a ' +
        'JOIN identifier_sightings b ON b.team_id = a.team_id AND b.kind = a.kind AND b.value = a.value ' +
        'AND b.player_id <> a.player_id AND b.last_seen_at >= ? ' +
        'LEFT JOIN identifier_allowlist l ON l.team_id = a.team_id AND l.kind = a.kind AND l.value = a.value ' +
        `WHERE a.team_id = ? AND a.player_id IN (${placeholders(playerIds.length)}) ` +
        `AND a.kind IN (${placeholders(kinds.length)}) AND a.last_seen_at >= ? AND l.team_id IS NULL GROUP BY a.player_id`,
      [since, requireTeamId(teamId), ...playerIds, ...kinds, since],
    );
    return new Map(rows.map((row) => [Number(row.player_id), Number(row.linked)]));
  }

  async findOne(teamId: number, playerId: number): Promise<StoredRisk | null> {
    const [row] = await this.rows('WHERE r.team_id = ? AND r.player_id = ?', [
      requireTeamId(teamId),
      playerId,
    ]);
    return row ?? null;
  }

  /** A page of the team's players by stored risk, highest first. */
  async page(
    teamId: number,
    filter: { level?: RiskLevel; minScore?: number },
    offset: number,
    limit: number,
  ): Promise<{ items: (StoredRisk & { externalId: string })[]; total: number }> {
    const where = ['r.team_id = ?'];
    const params: unknown[] = [requireTeamId(teamId)];
    if (filter.level) {
      where.push('r.level = ?');
      params.push(filter.level);
    }
    if (filter.minScore !== undefined) {
      where.push('r.score >= ?');
      params.push(filter.minScore);
    }
    const condition = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.database.select<{ total: Num }>(
      `SELECT COUNT(*) AS total FROM player_risk r ${condition}`,
      params,
    );
    const items = await this.rows(
      `${condition} ORDER BY r.score DESC, r.player_id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      params,
    );
    return { items, total: Number(total) };
  }

  /** Players whose stored score may have decayed: above zero and computed before `before`. */
  async stale(before: string, limit: number): Promise<{ teamId: number; playerId: number }[]> {
    const rows = await this.database.select<{ team_id: Num; player_id: Num }>(
      `SELECT team_id, player_id FROM player_risk WHERE score > 0 AND computed_at < ? ORDER BY computed_at LIMIT ${Number(limit)}`,
      [before],
    );
    return rows.map((r) => ({ teamId: Number(r.team_id), playerId: Number(r.player_id) }));
  }

  private async rows(
    condition: string,
    params: unknown[],
  ): Promise<(StoredRisk & { externalId: string })[]> {
    const rows = await this.database.select<{
      player_id: Num;
      team_id: Num;
      external_id: string;
      score: Num;
      level: RiskLevel;
      factors: string;
      computed_at: string;
    }>(
      'SELECT r.player_id, r.team_id, p.external_id, r.score, r.level, r.factors, ' +
        `${this.database.dialect.timestampText('r.computed_at')} AS computed_at FROM player_risk r ` +
        `JOIN players p ON p.id = r.player_id ${condition}`,
      params,
    );
    return rows.map((r) => ({
      playerId: Number(r.player_id),
      teamId: Number(r.team_id),
      externalId: r.external_id,
      score: Number(r.score),
      level: r.level,
      factors: JSON.parse(r.factors) as RiskFactor[],
      computedAt: r.computed_at,
    }));
  }
}
