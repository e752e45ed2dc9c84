import type { PlayerState } from '../engine/player-state';

/**
 * Players' decoded states as this instance last wrote or read them, each with the revision it
 * was stored with. The database stays the truth: a batch reads every player's current revision,
 * and only a state stored with that very revision is taken from here; any other writer (another
 * instance, a rolled-back batch) left a new revision or none, and that state is read again.
 * Bounded: past `capacity` players, the least recently used are forgotten.
 */
export class PlayerStateCache {
  private readonly entries = new Map<number, { revision: number; state: PlayerState }>();

  constructor(private readonly capacity: number) {}

  /**
   * The state stored with `revision`, if held. `take` removes it: the caller changes it in place,
   * and `put` brings it back once stored (a batch that fails before leaves nothing stale here).
   */
  lookup(playerId: number, revision: number, take: boolean): PlayerState | undefined {
    const entry = this.entries.get(playerId);
    if (entry?.revision !== revision) return undefined;
    this.entries.delete(playerId);
    if (!take) this.entries.set(playerId, entry);
    return entry.state;
  }

  put(playerId: number, revision: number, state: PlayerState): void {
    if (this.capacity === 0) return;
    this.entries.delete(playerId);
    this.entries.set(playerId, { revision, state });
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
