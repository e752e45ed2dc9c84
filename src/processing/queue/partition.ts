import { bucketOf } from '../../common/hashing/bucket';

/**
 * Processing partitions: every event is queued in the partition of its team and player, and each
 * partition is processed by one worker loop at a time, in queue order. So one player's events are
 * processed in the order they arrived, whatever the number of loops and instances, while
 * different players' events go in parallel. The count is fixed: queued rows hold their partition.
 */
export const PARTITION_COUNT = 64;

/** The partition of a team's player (`player.id` of a monitor event; an AML bettor's player id). */
export function partitionOf(teamId: number, playerKey: string): number {
  return bucketOf(`${teamId}\u0000${playerKey}`, PARTITION_COUNT);
}
