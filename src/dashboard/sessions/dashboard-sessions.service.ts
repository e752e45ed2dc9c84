import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { loginSubjects } from '../../common/auth/login-throttle';
import { hashPassword, verifyPassword } from '../../common/auth/password-hash';
import { MicroTime } from '../../common/time/micro-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { SqlDatabase } from '../../database/sql-database';
import { DashboardError } from '../dashboard.wire';
import { DashboardUsersRepository, type DashboardUser } from '../users/dashboard-users.repository';
import { DashboardLoginThrottle } from './dashboard-login-throttle';
import { csrfTokenOf, newSessionCookie, tokenOfCookie } from './session-cookie';

/** Who a request's session belongs to, once its cookie and its row were checked. */
export interface DashboardSession {
  tokenHash: string;
  uuid: string;
  token: string;
  user: DashboardUser;
  expiresAt: string;
}

export interface OpenedSession {
  /** The `bm_dashboard` cookie's value. */
  cookie: string;
  csrfToken: string;
  user: DashboardUser;
  expiresAt: MicroTime;
}

/** A hash to check unknown emails against, so that they take as long as wrong passwords. */
const DUMMY_HASH = hashPassword('no such user: the time of a real check');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An email as the throttle counts it: long ones by their hash, within the subject's column. */
const throttleKeyOf = (email: string) => {
  const key = email.trim().toLowerCase();
  return key.length <= 100 ? key : `sha256:${sha256(key)}`;
};

/**
 * Dashboard sessions: a login (email and password, slowed after failures) opens one in the
 * database and answers its signed cookie; each request's cookie is checked against its row (not
 * revoked, not expired, its user still active); a logout, a deactivation or a revocation ends it.
 */
@Injectable()
export class DashboardSessionsService implements OnModuleInit {
  private readonly logger = new Logger('Dashboard');
  /** DASHBOARD_SESSION_SECRET, or this process's own when it is not set. */
  readonly secrets: readonly string[];

  constructor(
    private readonly database: SqlDatabase,
    private readonly users: DashboardUsersRepository,
    private readonly throttle: DashboardLoginThrottle,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    const configured = config.dashboard.sessionSecrets;
    this.secrets = configured.length > 0 ? configured : [randomBytes(32).toString('hex')];
  }

  onModuleInit(): void {
    if (this.config.dashboard.sessionSecrets.length > 0) return;
    this.logger.warn(
      'DASHBOARD_SESSION_SECRET is not set: dashboard sessions end when this instance stops, and another instance does not know them',
    );
  }

  async login(
    email: string,
    password: string,
    client: { ip: string; userAgent: string | undefined },
  ): Promise<OpenedSession> {
    const subjects = loginSubjects(throttleKeyOf(email), client.ip);
    const attempt = await this.throttle.attempt(subjects);
    if (attempt.blocked) {
      throw new DashboardError('login_blocked');
    }
    const user = await this.users.credentialsOf(email.trim().toLowerCase());
    const matches = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !matches || !user.active) {
      await attempt.wrong();
      throw new DashboardError('wrong_credentials');
    }
    await attempt.succeeded();
    const now = MicroTime.now();
    const expiresAt = MicroTime.fromMicros(now.micros + this.config.dashboard.sessionTtlMs * 1000);
    const { token, value } = newSessionCookie(this.secrets[0]);
    await this.database.transaction((session) =>
      session.execute(
        'INSERT INTO dashboard_sessions (token_hash, uuid, user_id, client_ip, user_agent, created_at, expires_at, revoked_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
        [
          sha256(token),
          randomUUID(),
          user.id,
          client.ip.slice(0, 45),
          client.userAgent?.slice(0, 200) ?? null,
          now.toDatabaseText(),
          expiresAt.toDatabaseText(),
        ],
      ),
    );
    const { passwordHash: _hidden, ...shown } = user;
    return {
      cookie: value,
      csrfToken: csrfTokenOf(token, this.secrets[0]),
      user: shown,
      expiresAt,
    };
  }

  /** The session a cookie opens, or null (no cookie, forged, unknown, ended, expired, user off). */
  async authenticate(cookie: string | undefined): Promise<DashboardSession | null> {
    const token = tokenOfCookie(cookie, this.secrets);
    if (!token) return null;
    const tokenHash = sha256(token);
    const [row] = await this.database.select<{ uuid: string; user_id: number; expires_at: string }>(
      `SELECT uuid, user_id, ${this.database.dialect.timestampText('expires_at')} AS expires_at ` +
        'FROM dashboard_sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?',
      [tokenHash, MicroTime.now().toDatabaseText()],
    );
    if (!row) return null;
    const user = await this.users.byId(Number(row.user_id));
    if (!user || !user.active) return null;
    return { tokenHash, uuid: row.uuid, token, user, expiresAt: row.expires_at };
  }

  csrfTokenOf(session: DashboardSession): string {
    return csrfTokenOf(session.token, this.secrets[0]);
  }

  async logout(session: DashboardSession): Promise<void> {
    await this.end('token_hash = ?', [session.tokenHash]);
  }

  /** Ends every session of a user (deactivated, or a role changed: they log in again). */
  async endAllOf(userId: number): Promise<void> {
    await this.end('user_id = ?', [userId]);
  }

  private async end(where: string, params: unknown[]): Promise<void> {
    await this.database.transaction((s) =>
      s.execute(
        `UPDATE dashboard_sessions SET revoked_at = ? WHERE ${where} AND revoked_at IS NULL`,
        [MicroTime.now().toDatabaseText(), ...params],
      ),
    );
  }
}
