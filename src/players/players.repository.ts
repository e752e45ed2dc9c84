import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import { placeholders } from '../database/sql-dialect';
import { requireTeamId } from '../tenancy/tenant-scope';
/** A column of the row stored (`old`) or of the row offered (`offered`), in an upsert. */
type Column = (column: string) => string;

/** What a batch of processed events says about one player. */
export interface PlayerActivity {
  teamId: number;
  externalId: string;
  /** The latest known values; `null` keeps what is stored. */
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  firstSeenAt: string;
  lastSeenAt: string;
  eventsCount: number;
}

const COLUMNS = [
  'team_id',
  'external_id',
  'phone',
  'country',
  'kyc_level',
  'first_seen_at',
  'last_seen_at',
  'events_count',
  'created_at',
  'updated_at',
];

@Injectable()
export class PlayersRepository {
  /**
   * Folds the activity into the players known already and creates the others. The known ones
   * are written by their primary key: an upsert on the (team, external id) key would take
   * next-key locks on that index, and two workers writing players of one team would queue on
   * each other's gaps for as long as their transactions last.
   */
  async upsertActivity(
    session: SqlSession,
    activity: readonly PlayerActivity[],
    now: string,
  ): Promise<void> {
    if (activity.length === 0) return;
    const ids = new Map<string, number>();
    const byTeam = new Map<number, string[]>();
    for (const a of activity) {
      byTeam.set(requireTeamId(a.teamId), [...(byTeam.get(a.teamId) ?? []), a.externalId]);
    }
    for (const [teamId, externalIds] of byTeam) {
      for (const [externalId, id] of await this.idsByExternalId(session, teamId, externalIds)) {
        ids.set(`${teamId}\u0000${externalId}`, id);
      }
    }
    const idOf = (a: PlayerActivity) => ids.get(`${a.teamId}\u0000${a.externalId}`);
    const known = activity.filter((a) => idOf(a) !== undefined);
    const unknown = activity.filter((a) => idOf(a) === undefined);
    if (known.length > 0) {
      const sql = session.dialect.upsert(
        'players',
        ['id', ...COLUMNS],
        known.length,
        ['id'],
        this.foldActivity(session),
      );
      await session.execute(
        sql,
        known.flatMap((a) => [idOf(a), ...this.values(a, now)]),
      );
    }
    if (unknown.length > 0) {
      // New players, or one a concurrent writer (an AML event's CPF) has just created.
      const sql = session.dialect.upsert(
        'players',
        COLUMNS,
        unknown.length,
        ['team_id', 'external_id'],
        this.foldActivity(session),
      );
      await session.execute(
        sql,
        unknown.flatMap((a) => this.values(a, now)),
      );
    }
  }

  private values(a: PlayerActivity, now: string): unknown[] {
    return [
      a.teamId,
      a.externalId,
      a.phone,
      a.country,
      a.kycLevel,
      a.firstSeenAt,
      a.lastSeenAt,
      a.eventsCount,
      now,
      now,
    ];
  }

  /**
   * How a row already stored takes in new activity. Profile fields take the batch's values when
   * its latest event is not older than the stored one, else only fill what is missing (a backfill
   * of old events does not set the player back). They come before `last_seen_at`: MySQL reads a
   * column assigned earlier in the list at its new value.
   */
  private foldActivity({ dialect }: SqlSession) {
    const profile = (column: string) => (old: Column, offered: Column) =>
      `CASE WHEN ${offered('last_seen_at')} >= ${old('last_seen_at')} ` +
      `THEN COALESCE(${offered(column)}, ${old(column)}) ELSE COALESCE(${old(column)}, ${offered(column)}) END`;
    return {
      phone: profile('phone'),
      country: profile('country'),
      kyc_level: profile('kyc_level'),
      first_seen_at: (old, offered) =>
        dialect.least(old('first_seen_at'), offered('first_seen_at')),
      last_seen_at: (old, offered) =>
        dialect.greatest(old('last_seen_at'), offered('last_seen_at')),
      events_count: (old, offered) => `${old('events_count')} + ${offered('events_count')}`,
      updated_at: (_old, offered) => offered('updated_at'),
    } satisfies Parameters<SqlSession['dialect']['upsert']>[4];
  }

  async findIdByCpf(session: SqlSession, teamId: number, cpf: string): Promise<number | null> {
    const rows = await session.select<{ id: number }>(
      'SELECT id FROM players WHERE team_id = ? AND cpf = ?',
      [requireTeamId(teamId), cpf],
    );
    return rows.length ? Number(rows[0].id) : null;
  }

  /** The first of the team's players known by one of these external ids. */
  async findByExternalIds(
    session: SqlSession,
    teamId: number,
    externalIds: readonly string[],
  ): Promise<{ id: number; cpf: string | null } | null> {
    const rows = await session.select<{ id: number; cpf: string | null }>(
      `SELECT id, cpf FROM players WHERE team_id = ? AND external_id IN (${placeholders(externalIds.length)}) ORDER BY id LIMIT 1`,
      [requireTeamId(teamId), ...externalIds],
    );
    return rows.length ? { id: Number(rows[0].id), cpf: rows[0].cpf } : null;
  }

  /** Gives the player its CPF, unless it has one already; true when it did. */
  async attachCpf(session: SqlSession, id: number, cpf: string): Promise<boolean> {
    return (
      (await session.execute('UPDATE players SET cpf = ? WHERE id = ? AND cpf IS NULL', [
        cpf,
        id,
      ])) > 0
    );
  }

  /** Creates a player known by its CPF, unless its CPF or external id is taken already. */
  async insertWithCpf(
    session: SqlSession,
    player: { teamId: number; externalId: string; cpf: string; seenAt: string },
    now: string,
  ): Promise<void> {
    await session.execute(
      `${session.dialect.insertIgnoring} INTO players (team_id, external_id, cpf, first_seen_at, last_seen_at, events_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
      [
        requireTeamId(player.teamId),
        player.externalId,
        player.cpf,
        player.seenAt,
        player.seenAt,
        now,
        now,
      ],
    );
  }

  /** Widens the player's first and last seen times to include `at` (no write when they do). */
  async markSeen(session: SqlSession, id: number, at: string, now: string): Promise<void> {
    const { dialect } = session;
    await session.execute(
      `UPDATE players SET first_seen_at = ${dialect.least('first_seen_at', '?')}, ` +
        `last_seen_at = ${dialect.greatest('last_seen_at', '?')}, updated_at = ? ` +
        'WHERE id = ? AND (first_seen_at > ? OR last_seen_at < ?)',
      [at, at, now, id, at, at],
    );
  }

  async findExternalId(session: SqlSession, id: number): Promise<string | null> {
    const rows = await session.select<{ external_id: string }>(
      'SELECT external_id FROM players WHERE id = ?',
      [id],
    );
    return rows.length ? rows[0].external_id : null;
  }

  /** Our ids of the team's players known by these external ids. */
  async idsByExternalId(
    session: SqlSession,
    teamId: number,
    externalIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (externalIds.length === 0) return new Map();
    const rows = await session.select<{ id: number; external_id: string }>(
      `SELECT id, external_id FROM players WHERE team_id = ? AND external_id IN (${placeholders(externalIds.length)})`,
      [requireTeamId(teamId), ...externalIds],
    );
    return new Map(rows.map((r) => [r.external_id, Number(r.id)]));
  }

  /** A team's player by external id or by CPF, as its profile shows it. */
  async findProfile(
    session: { select: SqlSession['select']; dialect: SqlSession['dialect'] },
    teamId: number,
    key: { externalId: string } | { cpf: string },
  ): Promise<PlayerProfile | null> {
    const { dialect } = session;
    const [column, value] = 'cpf' in key ? ['cpf', key.cpf] : ['external_id', key.externalId];
    const [row] = await session.select<{
      id: number | string;
      external_id: string;
      cpf: string | null;
      phone: string | null;
      country: string | null;
      kyc_level: number | null;
      first_seen_at: string;
      last_seen_at: string;
      events_count: number | string;
    }>(
      'SELECT id, external_id, cpf, phone, country, kyc_level, ' +
        `${dialect.timestampText('first_seen_at')} AS first_seen_at, ${dialect.timestampText('last_seen_at')} AS last_seen_at, ` +
        `events_count FROM players WHERE team_id = ? AND ${column} = ?`,
      [requireTeamId(teamId), value],
    );
    if (!row) return null;
    return {
      id: Number(row.id),
      externalId: row.external_id,
      cpf: row.cpf,
      phone: row.phone,
      country: row.country,
      kycLevel: row.kyc_level === null ? null : Number(row.kyc_level),
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
      eventsCount: Number(row.events_count),
    };
  }
}

/** A player as the risk view shows it; times as `YYYY-MM-DD HH:MM:SS.ffffff`. */
export interface PlayerProfile {
  id: number;
  externalId: string;
  cpf: string | null;
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  firstSeenAt: string;
  lastSeenAt: string;
  eventsCount: number;
}
