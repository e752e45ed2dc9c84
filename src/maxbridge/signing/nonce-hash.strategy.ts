import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthStrategies, type AuthStrategy } from '../../common/auth/auth-scheme';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeError } from '../maxbridge.error';
import { NonceStore } from './nonce.store';
import { hashMatches } from './request-hash';

/** A nonce: 1 to 128 visible ASCII characters (the seed's are digits). */
const NONCE = /^[\x21-\x7e]{1,128}$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * MaxBridge signing (seed 003, "hash generation"): headers `Nonce` and `Hash`, where
 * `Hash = hex(SHA256(Nonce + body + secret))` over the body's bytes exactly as received.
 * Missing headers are refused before the body is read (112); the hash is checked against every
 * configured secret (139); then the nonce is claimed, once within its time to live (138).
 */
@Injectable()
export class NonceHashStrategy implements AuthStrategy, OnModuleInit {
  readonly scheme = 'nonce-hash';

  constructor(
    private readonly strategies: AuthStrategies,
    @InjectConfig() private readonly config: AppConfig,
    private readonly nonces: NonceStore,
  ) {}

  onModuleInit(): void {
    this.strategies.register(this);
  }

  authenticate(request: FastifyRequest): Promise<void> {
    const nonce = header(request, 'nonce');
    if (!nonce || !header(request, 'hash')) {
      return Promise.reject(new MaxBridgeError(MaxBridgeCode.MISSING_PARAMETERS));
    }
    if (!NONCE.test(nonce)) {
      return Promise.reject(
        new MaxBridgeError(MaxBridgeCode.WRONG_REQUEST, {
          fields: { Nonce: 'Nonce must be 1 to 128 visible ASCII characters' },
        }),
      );
    }
    return Promise.resolve();
  }

  async verifyBody(request: FastifyRequest): Promise<void> {
    const nonce = header(request, 'nonce')!;
    const body = (request as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    if (!hashMatches(header(request, 'hash')!, nonce, body, this.config.maxbridge.hashSecrets)) {
      throw new MaxBridgeError(MaxBridgeCode.WRONG_HASH);
    }
    if (!(await this.nonces.claim(nonce, this.config.maxbridge.nonceTtlSeconds))) {
      throw new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED);
    }
  }
}
