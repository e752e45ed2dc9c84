import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthStrategies, type AuthStrategy } from '../../../common/auth/auth-scheme';
import { readEmptyBodyAsNone } from '../../../common/http/empty-body';
import { RetailKeysService } from './retail-keys.service';
import { RetailUnauthorized } from './retail.wire';

/** `Authorization: <retail key>` (bare, as the seed sends it; `Bearer <key>` is read too). */
@Injectable()
export class RetailKeyStrategy implements AuthStrategy, OnModuleInit {
  readonly scheme = 'retail-key';

  constructor(
    private readonly strategies: AuthStrategies,
    private readonly keys: RetailKeysService,
  ) {}

  onModuleInit(): void {
    this.strategies.register(this);
  }

  async authenticate(request: FastifyRequest): Promise<void> {
    // The seed's `ssbt-deposit/reject` is a POST with `Content-Type: application/json` and no body.
    readEmptyBodyAsNone(request);
    const header = request.headers.authorization?.trim() ?? '';
    const key = header.replace(/^Bearer\s+/i, '');
    if (key === '' || key.length > 200 || !(await this.keys.isValid(key))) {
      throw new RetailUnauthorized();
    }
  }
}
