import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { RequestValidationError, ResourceNotFoundError } from '../../common/errors/app-error';
import { hashPassword } from '../../common/auth/password-hash';
import { MicroTime } from '../../common/time/micro-time';
import { isForeignKeyViolation, isUniqueViolation } from '../../database/database-errors';
import { SqlDatabase } from '../../database/sql-database';
import { DashboardError } from '../dashboard.wire';
import { DashboardUsersRepository, type DashboardUser } from './dashboard-users.repository';
import type { Role } from './roles';

/** How long an invitation link stays open. */
const INVITATION_DAYS = 7;
/** Passwords are at least this long (and at most 200 characters). */
export const MIN_PASSWORD_LENGTH = 10;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const normalEmail = (email: string) => email.trim().toLowerCase();

export interface Invitation {
  user: DashboardUser;
  /** The one-time token; shown once, to the admin who invited. */
  token: string;
  expiresAt: string;
}

/**
 * The dashboard's users: the first admin from the command line, the others invited by an admin
 * with a one-time link (no mail is sent: the admin hands it over), roles changed and users
 * deactivated by admins, never leaving a team without an active admin.
 */
@Injectable()
export class DashboardUsersService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly users: DashboardUsersRepository,
  ) {}

  /** A user with a password, ready to log in (`user create` on the command line, the demo). */
  async create(input: {
    teamId: number;
    email: string;
    role: Role;
    password: string;
  }): Promise<DashboardUser> {
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return this.insert(input.teamId, input.email, input.role, { passwordHash });
  }

  async invite(teamId: number, email: string, role: Role): Promise<Invitation> {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = MicroTime.fromMicros(
      MicroTime.now().micros + INVITATION_DAYS * 86_400_000_000,
    );
    const user = await this.insert(teamId, email, role, {
      inviteTokenHash: sha256(token),
      inviteExpiresAt: expiresAt.toDatabaseText(),
    });
    return { user, token, expiresAt: expiresAt.toIso() };
  }

  /** Opens an invitation once: sets the user's password. */
  async acceptInvitation(token: string, password: string): Promise<DashboardUser> {
    checkPassword(password);
    const passwordHash = await hashPassword(password);
    const now = MicroTime.now().toDatabaseText();
    return this.database.transaction(async (session) => {
      const user = await this.users.invitedBy(session, sha256(token), now);
      if (!user) {
        throw new DashboardError('invitation_invalid');
      }
      await this.users.setPassword(session, user.id, passwordHash, now);
      return { ...user, invited: false };
    });
  }

  list(teamId: number): Promise<DashboardUser[]> {
    return this.users.ofTeam(teamId);
  }

  /**
   * Changes a team's user's role or deactivates them (`endsSessions`: their sessions must end, see
   * `DashboardSessionsService.endAllOf`); a team always keeps one active admin.
   */
  async update(
    teamId: number,
    id: number,
    change: { role?: Role; active?: boolean },
  ): Promise<{ user: DashboardUser; endsSessions: boolean }> {
    return this.database.transaction(async (session) => {
      const admins = await this.users.activeAdmins(session, teamId);
      const user = await this.users.find(session, teamId, id);
      if (!user) throw new ResourceNotFoundError('User', String(id));
      const next = { role: change.role ?? user.role, active: change.active ?? user.active };
      const stillAdmin = next.role === 'admin' && next.active;
      if (admins.includes(user.id) && !stillAdmin && admins.length === 1) {
        throw new DashboardError('last_admin');
      }
      await this.users.update(session, user.id, { ...next, now: MicroTime.now().toDatabaseText() });
      // A new role, or a deactivation: the user's sessions end (they log in again, as they now are).
      const endsSessions = next.role !== user.role || (user.active && !next.active);
      return { user: { ...user, ...next }, endsSessions };
    });
  }

  private async insert(
    teamId: number,
    email: string,
    role: Role,
    secret: { passwordHash?: string; inviteTokenHash?: string; inviteExpiresAt?: string },
  ): Promise<DashboardUser> {
    try {
      return await this.database.transaction((session) =>
        this.users.insert(session, {
          teamId,
          email: normalEmail(email),
          role,
          passwordHash: secret.passwordHash ?? null,
          inviteTokenHash: secret.inviteTokenHash ?? null,
          inviteExpiresAt: secret.inviteExpiresAt ?? null,
          now: MicroTime.now().toDatabaseText(),
        }),
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ResourceNotFoundError('Team', String(teamId));
      if (!isUniqueViolation(error)) throw error;
      throw new DashboardError('email_taken', { email });
    }
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new RequestValidationError([
      {
        field: 'password',
        constraint: 'length',
        message: `password must have ${MIN_PASSWORD_LENGTH} to 200 characters`,
      },
    ]);
  }
}
