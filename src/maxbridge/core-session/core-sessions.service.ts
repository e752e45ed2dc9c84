import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeError } from '../maxbridge.error';
import { hashPassword, verifyPassword } from '../../common/auth/password-hash';
import { blocksLogin } from '../wallet/user-statuses';
import { loginSubjects } from '../../common/auth/login-throttle';
import { CoreLoginThrottle } from './core-login-throttle';
import { encodeSessionToken, readSessionToken } from './session-token';

export interface OpenedSession {
  token: string;
  userId: number;
  expiresAt: MicroTime;
}

/** Whose session a request carries, once its token and session were checked. */
export interface CoreSession {
  userId: number;
  ssid: string;
}

/** A hash to check wrong usernames against, so that they take as long as wrong passwords. */
const DUMMY_HASH = hashPassword('no such user: the time of a real check');

/**
 * Players' sessions with the core: a login (username and password of the wallet) opens one and
 * answers its token; the front end's routes carry the token; a logout closes the session.
 */
@Injectable()
export class CoreSessionsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly throttle: CoreLoginThrottle,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.maxbridge.sessionSecrets.length > 0;
  }

  async login(username: string, password: string, clientIp: string): Promise<OpenedSession> {
    if (!this.enabled) {
      throw new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED, {
        reason: 'Player sessions are off here: SESSION_SECRET is not set',
      });
    }
    const subjects = loginSubjects(username, clientIp);
    const attempt = await this.throttle.attempt(subjects);
    if (attempt.blocked) throw new MaxBridgeError(MaxBridgeCode.IP_IS_BLOCKED);
    const [user] = await this.database.select<{
      id: number;
      password_hash: string;
      block_type: number | string | null;
    }>(
      'SELECT u.id, u.password_hash, s.block_type FROM wallet_users u ' +
        'JOIN wallet_user_statuses s ON s.id = u.user_status_id WHERE u.user_name = ?',
      [username],
    );
    const matches = await verifyPassword(password, user?.password_hash ?? (await DUMMY_HASH));
    if (!user || !matches) {
      await attempt.wrong();
      throw new MaxBridgeError(MaxBridgeCode.USER_WITH_GIVEN_AUTH_CREDENTIALS_NOT_FOUND);
    }
    await attempt.succeeded();
    if (blocksLogin(user.block_type === null ? null : Number(user.block_type))) {
      throw new MaxBridgeError(MaxBridgeCode.ACCOUNT_IS_BLOCKED);
    }
    const now = MicroTime.now();
    const expiresAt = MicroTime.fromMicros(now.micros + this.config.maxbridge.sessionTtlMs * 1000);
    const ssid = randomUUID();
    await this.database.transaction((session) =>
      session.execute(
        'INSERT INTO maxbridge_sessions (ssid, user_id, client_ip, created_at, expires_at, closed_at) VALUES (?, ?, ?, ?, ?, NULL)',
        [
          ssid,
          Number(user.id),
          clientIp.slice(0, 45),
          now.toDatabaseText(),
          expiresAt.toDatabaseText(),
        ],
      ),
    );
    const token = encodeSessionToken(
      { uid: Number(user.id), ssid, ts: Math.floor(now.micros / 1000) },
      this.config.maxbridge.sessionSecrets[0],
    );
    return { token, userId: Number(user.id), expiresAt };
  }

  /**
   * The session a token opens: 138 for a forged signature, 126 for anything else that is not an
   * open, unexpired session (malformed, unknown, closed, expired, or `claimedUserId` not its user).
   */
  async authenticate(token: string | null, claimedUserId: number | null): Promise<CoreSession> {
    const notFound = () => new MaxBridgeError(MaxBridgeCode.SESSION_NOT_FOUND);
    if (!token || !this.enabled) throw notFound();
    const reading = readSessionToken(token, this.config.maxbridge.sessionSecrets);
    if (!reading.ok) {
      throw reading.reason === 'forged'
        ? new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED)
        : notFound();
    }
    const { uid, ssid } = reading.claims;
    if (claimedUserId !== null && claimedUserId !== uid) throw notFound();
    const rows = await this.database.select(
      'SELECT ssid FROM maxbridge_sessions WHERE ssid = ? AND user_id = ? AND closed_at IS NULL AND expires_at > ?',
      [ssid, uid, MicroTime.now().toDatabaseText()],
    );
    if (rows.length === 0) throw notFound();
    return { userId: uid, ssid };
  }

  async logout(session: CoreSession): Promise<void> {
    await this.database.transaction((s) =>
      s.execute(
        'UPDATE maxbridge_sessions SET closed_at = ? WHERE ssid = ? AND closed_at IS NULL',
        [MicroTime.now().toDatabaseText(), session.ssid],
      ),
    );
  }
}
