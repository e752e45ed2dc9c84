/** Remembers used nonces for a while. */
export interface NonceStore {
  /** True the first time `nonce` is offered within `ttlSeconds`; false for a replay. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean>;
}

export const NONCE_STORE = Symbol('NONCE_STORE');
