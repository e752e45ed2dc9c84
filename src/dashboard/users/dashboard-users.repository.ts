import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import type { Role } from './roles';

/** A dashboard user as the services see it (never the password's hash). */
export interface DashboardUser {
  id: number;
  teamId: number;
  email: string;
  role: Role;
  active: boolean;
  invited: boolean;
  createdAt: string;
}

interface UserRow {
  id: number | string;
  team_id: number | string;
  email: string;
  role: Role;
  active: number | boolean;
  password_hash: string | null;
  created_at: string;
}

export const toUser = (row: UserRow): DashboardUser => ({
  id: Number(row.id),
  teamId: Number(row.team_id),
  email: row.email,
  role: row.role,
  active: Boolean(Number(row.active)),
  invited: row.password_hash === null,
  createdAt: row.created_at,
});

/** The statements on `dashboard_users`. */
@Injectable()
export class DashboardUsersRepository {
  constructor(private readonly database: SqlDatabase) {}

  private columns(on: Pick<SqlSession, 'dialect'>): string {
    return `id, team_id, email, role, active, password_hash, ${on.dialect.timestampText('created_at')} AS created_at`;
  }

  async insert(
    session: SqlSession,
    user: {
      teamId: number;
      email: string;
      role: Role;
      passwordHash: string | null;
      inviteTokenHash: string | null;
      inviteExpiresAt: string | null;
      now: string;
    },
  ): Promise<DashboardUser> {
    await session.execute(
      'INSERT INTO dashboard_users (team_id, email, password_hash, role, active, invite_token_hash, ' +
        'invite_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        user.teamId,
        user.email,
        user.passwordHash,
        user.role,
        1,
        user.inviteTokenHash,
        user.inviteExpiresAt,
        user.now,
        user.now,
      ],
    );
    const [row] = await session.select<UserRow>(
      `SELECT ${this.columns(session)} FROM dashboard_users WHERE email = ?`,
      [user.email],
    );
    return toUser(row);
  }

  /** The user and their password's hash, by email, for a login. */
  async credentialsOf(
    email: string,
  ): Promise<(DashboardUser & { passwordHash: string | null }) | null> {
    const [row] = await this.database.select<UserRow>(
      `SELECT ${this.columns(this.database)} FROM dashboard_users WHERE email = ?`,
      [email],
    );
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async byId(id: number): Promise<DashboardUser | null> {
    const [row] = await this.database.select<UserRow>(
      `SELECT ${this.columns(this.database)} FROM dashboard_users WHERE id = ?`,
      [id],
    );
    return row ? toUser(row) : null;
  }

  async ofTeam(teamId: number): Promise<DashboardUser[]> {
    const rows = await this.database.select<UserRow>(
      `SELECT ${this.columns(this.database)} FROM dashboard_users WHERE team_id = ? ORDER BY id`,
      [teamId],
    );
    return rows.map(toUser);
  }

  /** A team's user, locked for a change when read in a transaction. */
  async find(session: SqlSession, teamId: number, id: number): Promise<DashboardUser | null> {
    const [row] = await session.select<UserRow>(
      `SELECT ${this.columns(session)} FROM dashboard_users WHERE team_id = ? AND id = ? ${session.dialect.forUpdate}`,
      [teamId, id],
    );
    return row ? toUser(row) : null;
  }

  /** The team's active admins, locked: the last one is never demoted or deactivated. */
  async activeAdmins(session: SqlSession, teamId: number): Promise<number[]> {
    const rows = await session.select<{ id: number | string }>(
      `SELECT id FROM dashboard_users WHERE team_id = ? AND role = 'admin' AND active = ? ${session.dialect.forUpdate}`,
      [teamId, 1],
    );
    return rows.map((row) => Number(row.id));
  }

  async update(
    session: SqlSession,
    id: number,
    change: { role: Role; active: boolean; now: string },
  ): Promise<void> {
    await session.execute(
      'UPDATE dashboard_users SET role = ?, active = ?, updated_at = ? WHERE id = ?',
      [change.role, change.active ? 1 : 0, change.now, id],
    );
  }

  /** The invited user an open invitation names, locked. */
  async invitedBy(
    session: SqlSession,
    tokenHash: string,
    now: string,
  ): Promise<DashboardUser | null> {
    const [row] = await session.select<UserRow>(
      `SELECT ${this.columns(session)} FROM dashboard_users WHERE invite_token_hash = ? ` +
        `AND invite_expires_at > ? AND active = ? ${session.dialect.forUpdate}`,
      [tokenHash, now, 1],
    );
    return row ? toUser(row) : null;
  }

  async setPassword(session: SqlSession, id: number, passwordHash: string, now: string) {
    await session.execute(
      'UPDATE dashboard_users SET password_hash = ?, invite_token_hash = NULL, invite_expires_at = NULL, ' +
        'updated_at = ? WHERE id = ?',
      [passwordHash, now, id],
    );
  }
}
