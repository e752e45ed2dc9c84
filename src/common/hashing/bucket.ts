/**
 * A stable bucket in `[0, buckets)` for a key: FNV-1a (32 bits) over the key's UTF-16 code units.
 * Stored rows hold its results (processing partitions), so it must never change.
 */
export function bucketOf(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}
