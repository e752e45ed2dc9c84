import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { UnauthorizedError } from '../common/errors/app-error';
import { ApiKeyRepository } from './api-key.repository';
import { hashApiKey, isPlausibleApiKey } from './api-key';
import type { Tenant } from './tenant';

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a presented API key to its tenant. Keys are looked up in the database (no cache), so a
 * revocation takes effect at once on every instance. Requests of one key that arrive while its
 * lookup is running share that lookup (they are concurrent with it): under load, one query
 * serves many requests instead of one each.
 */
@Injectable()
export class ApiKeyAuthenticator implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly lastTouched = new Map<number, number>();
  private readonly pendingTouches = new Set<Promise<void>>();
  private readonly lookupsInFlight = new Map<
    string,
    ReturnType<ApiKeyRepository['findByHashWithTeam']>
  >();

  constructor(private readonly keys: ApiKeyRepository) {}

  async authenticate(presentedKey: string | undefined): Promise<Tenant> {
    if (!presentedKey) throw new UnauthorizedError('missing_key');
    if (!isPlausibleApiKey(presentedKey)) throw new UnauthorizedError('invalid_key');
    const key = await this.lookUp(hashApiKey(presentedKey));
    if (!key) throw new UnauthorizedError('invalid_key');
    if (key.revoked) throw new UnauthorizedError('revoked_key');
    this.recordUse(key.keyId);
    return {
      teamId: key.teamId,
      teamName: key.teamName,
      plan: key.plan,
      brandId: key.brandId,
      apiKeyId: key.keyId,
    };
  }

  private lookUp(keyHash: string): ReturnType<ApiKeyRepository['findByHashWithTeam']> {
    let lookup = this.lookupsInFlight.get(keyHash);
    if (!lookup) {
      lookup = this.keys.findByHashWithTeam(keyHash);
      this.lookupsInFlight.set(keyHash, lookup);
      const forget = () => this.lookupsInFlight.delete(keyHash);
      lookup.then(forget, forget);
    }
    return lookup;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pendingTouches]);
  }

  /** Writes `last_used_at` at most once a minute per key, off the request's path. */
  private recordUse(keyId: number): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(keyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
    this.lastTouched.set(keyId, now);
    const touch = this.keys
      .touchLastUsed(keyId, new Date(now))
      .catch((error: unknown) => {
        this.lastTouched.delete(keyId);
        this.logger.warn({ err: error, keyId }, 'Could not record the last use of an API key');
      })
      .finally(() => this.pendingTouches.delete(touch));
    this.pendingTouches.add(touch);
  }
}
