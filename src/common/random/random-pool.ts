import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the operating system's CSPRNG, drawn from a 4 KiB pool refilled when spent
 * (as `crypto.randomUUID()` buffers its own): one system call per few hundred ids instead of one
 * per id, which was about 1 % of the service's CPU per MaxBridge withdrawal.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/** Where the next `size` unused bytes of the pool start. */
function take(size: number): number {
  if (size > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} random bytes at a time`);
  if (used + size > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  used += size;
  return used - size;
}

/** `size` random bytes, a copy of the caller's own. */
export function pooledRandomBytes(size: number): Buffer {
  const at = take(size);
  return Buffer.from(pool.subarray(at, at + size));
}

/** `size` random bytes as lowercase hex (2 × `size` characters). */
export function randomHex(size: number): string {
  const at = take(size);
  return pool.toString('hex', at, at + size);
}
