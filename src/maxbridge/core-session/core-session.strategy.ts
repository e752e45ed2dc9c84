import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthStrategies, type AuthStrategy } from '../../common/auth/auth-scheme';
import { readEmptyBodyAsNone } from '../../common/http/empty-body';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeError } from '../maxbridge.error';
import { CoreSessionsService, type CoreSession } from './core-sessions.service';
import { tokenOfCookie } from './session-token';

declare module 'fastify' {
  interface FastifyRequest {
    coreSession?: CoreSession;
  }
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
};

/**
 * The player's front end (seed 003): `X-Requested-With: true` (a header a cross-site form cannot
 * send: without it, 138), the session token in `Cookie` (bare, as the seed sends it, or as
 * `JSESSIONID`), and `X-UserID`, which must be the token's user when it is sent (else 126).
 */
@Injectable()
export class CoreSessionStrategy implements AuthStrategy, OnModuleInit {
  readonly scheme = 'core-session';

  constructor(
    private readonly strategies: AuthStrategies,
    private readonly sessions: CoreSessionsService,
  ) {}

  onModuleInit(): void {
    this.strategies.register(this);
  }

  async authenticate(request: FastifyRequest): Promise<void> {
    // The seed's front end posts `Content-Type: application/json` without a body: read as none.
    readEmptyBodyAsNone(request);
    const requestedWith = header(request, 'x-requested-with')?.toLowerCase();
    if (requestedWith !== 'true' && requestedWith !== 'xmlhttprequest') {
      throw new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED, {
        reason: 'X-Requested-With: true is required',
      });
    }
    const claimed = header(request, 'x-userid');
    let claimedUserId: number | null = null;
    if (claimed !== undefined && claimed !== '') {
      claimedUserId = /^\d{1,10}$/.test(claimed) ? Number(claimed) : -1;
    }
    request.coreSession = await this.sessions.authenticate(
      tokenOfCookie(header(request, 'cookie')),
      claimedUserId,
    );
  }
}
