import type { SqlSession } from '../database/sql-database';
import type { ProcessingEvent } from './processing-event';

/**
 * One step of processing (player activity, bet-record projections, then detection). Steps run in
 * the worker's transaction, in the order processing-steps.ts lists them, over a batch of events
 * in queue order: whatever they write commits together with the events' move to PROCESSED, or
 * not at all. A step picks the events it cares about (`event.stream`).
 */
export interface ProcessingStep {
  readonly name: string;
  process(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void>;
  /**
   * Work the step left, in its batches, for after they committed (detection's second look at
   * other players' data), run by the loop holding `partitions`, locked in `session`: right after
   * each of its batches, and when it takes partitions over (a crashed holder's leftovers).
   */
  settle?(session: SqlSession, partitions: readonly number[], stored: StoredEvents): Promise<void>;
  /** Whether this instance's batches left such work on any of these partitions. */
  settleDue?(partitions: readonly number[]): boolean;
}

/** Events as stored, whatever their status: for the work a step left after its batches. */
export interface StoredEvents {
  /** Monitor events by row id (those that exist), in id order. */
  monitorEvents(session: SqlSession, ids: readonly string[]): Promise<ProcessingEvent[]>;
}

/** The ordered steps (see processing-steps.ts). */
export const PROCESSING_STEPS = Symbol('PROCESSING_STEPS');

/** A processing step failed for a reason of its own: the events it was given are suspects. */
export class ProcessingStepError extends Error {
  constructor(
    readonly step: string,
    override readonly cause: unknown,
  ) {
    super(
      `Processing step "${step}" failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
