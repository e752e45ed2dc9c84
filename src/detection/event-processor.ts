import { Injectable } from '@nestjs/common';
import { isTransientDatabaseError } from '../database/database-errors';
import type { SqlSession } from '../database/sql-database';
import type { ClaimedEvent } from '../events/received-event.queue';

/**
 * One step of processing (player state, fraud rules, bet-record projections...). Steps run in the
 * worker's transaction, in registration order, over events in arrival order: whatever they write
 * is committed together with the events' move to PROCESSED, or not at all.
 */
export interface EventProcessor {
  readonly name: string;
  process(session: SqlSession, events: readonly ClaimedEvent[]): Promise<void>;
}

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

/** The processing steps, registered by the modules that own them at start. */
@Injectable()
export class EventProcessors {
  private readonly steps: EventProcessor[] = [];

  register(step: EventProcessor): void {
    this.steps.push(step);
  }

  async run(session: SqlSession, events: readonly ClaimedEvent[]): Promise<void> {
    for (const step of this.steps) {
      try {
        await step.process(session, events);
      } catch (error) {
        // A deadlock or a lost connection is not the events' fault: the transaction is retried
        // (or processing pauses) without counting an attempt against them.
        if (isTransientDatabaseError(error)) throw error;
        throw new ProcessingStepError(step.name, error);
      }
    }
  }
}
