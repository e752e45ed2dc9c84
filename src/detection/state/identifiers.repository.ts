import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';

/** An identifier: its kind (`ip`, `phone`, `session`) and its canonical value. */
export interface Identifier {
  kind: string;
  value: string;
}

export interface Sighting {
  teamId: number;
  kind: string;
  value: string;
  playerId: number;
  /** Event times of the first and last sighting, `YYYY-MM-DD HH:MM:SS.ffffff`. */
  firstAt: string;
  lastAt: string;
}

/**
 * Which players used which identifier (IP, phone, session id), and the identifiers a team
 * allowlisted. A row per player and identifier: the count of an identifier's players is a read,
 * never a lock, so workers of different players do not wait for each other.
 */
@Injectable()
export class IdentifiersRepository {
  /** Records the sightings (one per player and identifier: the caller folds the batch's). */
  async recordSightings(session: SqlSession, sightings: readonly Sighting[]): Promise<void> {
    if (sightings.length === 0) return;
    const { dialect } = session;
    const sql = dialect.upsert(
      'identifier_sightings',
      ['team_id', 'kind', 'value', 'player_id', 'first_seen_at', 'last_seen_at'],
      sightings.length,
      ['team_id', 'kind', 'value', 'player_id'],
      {
        first_seen_at: (old, offered) =>
          dialect.least(old('first_seen_at'), offered('first_seen_at')),
        last_seen_at: (old, offered) =>
          dialect.greatest(old('last_seen_at'), offered('last_seen_at')),
      },
    );
    await session.execute(
      sql,
      sightings.flatMap((s) => [
        requireTeamId(s.teamId),
        s.kind,
        s.value,
        s.playerId,
        s.firstAt,
        s.lastAt,
      ]),
    );
  }

  /**
   * Players per identifier (`kind|value`) seen since `since` (their last sighting), and whether
   * the team allowlisted it, for a batch's identifiers of every kind in one statement.
   */
  async countPlayers(
    session: SqlSession,
    teamId: number,
    identifiers: readonly { kind: string; value: string }[],
    since: string,
  ): Promise<Map<string, { players: number; allowlisted: boolean }>> {
    if (identifiers.length === 0) return new Map();
    const match = matching(identifiers);
    const rows = await session.select<{
      kind: string;
      value: string;
      players: number | string;
      allowed: number | string | null;
    }>(
      'SELECT s.kind, s.value, COUNT(*) AS players, MAX(l.team_id) AS allowed FROM identifier_sightings s ' +
        'LEFT JOIN identifier_allowlist l ON l.team_id = s.team_id AND l.kind = s.kind AND l.value = s.value ' +
        `WHERE s.team_id = ? AND ${match.sql} AND s.last_seen_at >= ? GROUP BY s.kind, s.value`,
      [requireTeamId(teamId), ...match.params, since],
    );
    return new Map(
      rows.map((row) => [
        `${row.kind}|${row.value}`,
        { players: Number(row.players), allowlisted: row.allowed !== null },
      ]),
    );
  }

  /**
   * For each identifier (`kind|value`), the external ids of its players seen since `since`,
   * latest first, at most `limit` each: one statement for the whole batch.
   */
  async playersOf(
    session: SqlSession,
    teamId: number,
    identifiers: readonly { kind: string; value: string }[],
    since: string,
    limit: number,
  ): Promise<Map<string, string[]>> {
    const players = new Map<string, string[]>();
    if (identifiers.length === 0) return players;
    const match = matching(identifiers);
    const rows = await session.select<{ kind: string; value: string; external_id: string }>(
      'SELECT kind, value, external_id FROM (SELECT s.kind, s.value, p.external_id, ROW_NUMBER() OVER ' +
        '(PARTITION BY s.kind, s.value ORDER BY s.last_seen_at DESC, s.player_id) AS n ' +
        `FROM identifier_sightings s JOIN players p ON p.id = s.player_id WHERE s.team_id = ? AND ${match.sql} ` +
        `AND s.last_seen_at >= ?) ranked WHERE n <= ${Number(limit)} ORDER BY kind, value, n`,
      [requireTeamId(teamId), ...match.params, since],
    );
    for (const row of rows) {
      const key = `${row.kind}|${row.value}`;
      players.set(key, [...(players.get(key) ?? []), row.external_id]);
    }
    return players;
  }

  /** The players of these identifiers (`kind|value`) seen since `since`, allowlisted or not. */
  async playerIdsOf(
    session: Pick<SqlSession, 'select'>,
    teamId: number,
    identifiers: readonly { kind: string; value: string }[],
    since: string,
  ): Promise<Map<string, number[]>> {
    const players = new Map<string, number[]>();
    if (identifiers.length === 0) return players;
    const match = matching(identifiers);
    const rows = await session.select<{ kind: string; value: string; player_id: number | string }>(
      'SELECT s.kind, s.value, s.player_id FROM identifier_sightings s ' +
        `WHERE s.team_id = ? AND ${match.sql} AND s.last_seen_at >= ?`,
      [requireTeamId(teamId), ...match.params, since],
    );
    for (const row of rows) {
      const key = `${row.kind}|${row.value}`;
      players.set(key, [...(players.get(key) ?? []), Number(row.player_id)]);
    }
    return players;
  }

  /** Of `others`, the players that share any identifier with `playerId`. */
  async linkedTo(
    session: SqlSession,
    teamId: number,
    playerId: number,
    others: readonly number[],
  ): Promise<Set<number>> {
    if (others.length === 0) return new Set();
    const rows = await session.select<{ player_id: number | string }>(
      'SELECT DISTINCT b.player_id FROM identifier_sightings a JOIN identifier_sightings b ' +
        'ON b.team_id = a.team_id AND b.kind = a.kind AND b.value = a.value ' +
        `WHERE a.team_id = ? AND a.player_id = ? AND b.player_id IN (${placeholders(others.length)})`,
      [requireTeamId(teamId), playerId, ...others],
    );
    return new Set(rows.map((row) => Number(row.player_id)));
  }

  /** Players sharing an identifier with this one (not allowlisted), with what they share. */
  async linkedPlayers(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    playerId: number,
    limit: number,
  ): Promise<{ externalId: string; kind: string; value: string; lastSeenAt: string }[]> {
    const rows = await session.select<{
      external_id: string;
      kind: string;
      value: string;
      last_seen_at: string;
    }>(
      `SELECT p.external_id, b.kind, b.value, ${session.dialect.timestampText('b.last_seen_at')} AS last_seen_at ` +
        'FROM identifier_sightings a JOIN identifier_sightings b ' +
        'ON b.team_id = a.team_id AND b.kind = a.kind AND b.value = a.value AND b.player_id <> a.player_id ' +
        'JOIN players p ON p.id = b.player_id ' +
        'LEFT JOIN identifier_allowlist l ON l.team_id = a.team_id AND l.kind = a.kind AND l.value = a.value ' +
        'WHERE a.team_id = ? AND a.player_id = ? AND l.team_id IS NULL ' +
        `ORDER BY b.last_seen_at DESC LIMIT ${Number(limit)}`,
      [requireTeamId(teamId), playerId],
    );
    return rows.map((row) => ({
      externalId: row.external_id,
      kind: row.kind,
      value: row.value,
      lastSeenAt: row.last_seen_at,
    }));
  }

  /** Adds an identifier to the team's allowlist; false when it was there already. */
  async allow(
    session: SqlSession,
    entry: { teamId: number; kind: string; value: string; note: string | null; now: string },
  ): Promise<boolean> {
    return (
      (await session.execute(
        `${session.dialect.insertIgnoring} INTO identifier_allowlist (team_id, kind, value, note, created_at) VALUES (?, ?, ?, ?, ?)`,
        [requireTeamId(entry.teamId), entry.kind, entry.value, entry.note, entry.now],
      )) > 0
    );
  }

  async disallow(
    session: SqlSession,
    teamId: number,
    kind: string,
    value: string,
  ): Promise<boolean> {
    return (
      (await session.execute(
        'DELETE FROM identifier_allowlist WHERE team_id = ? AND kind = ? AND value = ?',
        [requireTeamId(teamId), kind, value],
      )) > 0
    );
  }

  async allowlistPage(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    offset: number,
    limit: number,
  ): Promise<{
    items: { kind: string; value: string; note: string | null; createdAt: string }[];
    total: number;
  }> {
    const [{ total }] = await session.select<{ total: number | string }>(
      'SELECT COUNT(*) AS total FROM identifier_allowlist WHERE team_id = ?',
      [requireTeamId(teamId)],
    );
    const rows = await session.select<{
      kind: string;
      value: string;
      note: string | null;
      created_at: string;
    }>(
      `SELECT kind, value, note, ${session.dialect.timestampText('created_at')} AS created_at FROM identifier_allowlist ` +
        `WHERE team_id = ? ORDER BY created_at DESC, kind, value LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      [requireTeamId(teamId)],
    );
    return {
      total: Number(total),
      items: rows.map((r) => ({
        kind: r.kind,
        value: r.value,
        note: r.note,
        createdAt: r.created_at,
      })),
    };
  }

  async findAllowed(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    kind: string,
    value: string,
  ): Promise<{ kind: string; value: string; note: string | null; createdAt: string } | null> {
    const [row] = await session.select<{
      kind: string;
      value: string;
      note: string | null;
      created_at: string;
    }>(
      `SELECT kind, value, note, ${session.dialect.timestampText('created_at')} AS created_at FROM identifier_allowlist ` +
        'WHERE team_id = ? AND kind = ? AND value = ?',
      [requireTeamId(teamId), kind, value],
    );
    return row
      ? { kind: row.kind, value: row.value, note: row.note, createdAt: row.created_at }
      : null;
  }
}

/**
 * A condition on `s.kind` and `s.value` matching these identifiers, each kind with its own values
 * (`(s.kind = ? AND s.value IN (…)) OR …`): the index is searched once per identifier, not once
 * per kind and value as `kind IN (…) AND value IN (…)` would.
 */
function matching(identifiers: readonly { kind: string; value: string }[]) {
  const byKind = new Map<string, Set<string>>();
  for (const { kind, value } of identifiers) {
    byKind.set(kind, (byKind.get(kind) ?? new Set()).add(value));
  }
  const kinds = [...byKind];
  return {
    sql: `(${kinds.map(([, values]) => `(s.kind = ? AND s.value IN (${placeholders(values.size)}))`).join(' OR ')})`,
    params: kinds.flatMap(([kind, values]) => [kind, ...values]),
  };
}
