import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { isTransientDatabaseError } from '../database/database-errors';
import type { SqlSession } from '../database/sql-database';
import type { ProcessingEvent } from './processing-event';
import { ProcessingMetrics } from './processing-metrics';
import {
  PROCESSING_STEPS,
  ProcessingStepError,
  type ProcessingStep,
  type StoredEvents,
} from './processing-step';

/** Runs the steps, in their listed order, over one batch of events. */
@Injectable()
export class ProcessingPipeline {
  constructor(
    @Inject(PROCESSING_STEPS) private readonly steps: readonly ProcessingStep[],
    private readonly metrics: ProcessingMetrics,
  ) {}

  /** Whether a step leaves work for after its batches commit. */
  get settles(): boolean {
    return this.steps.some((step) => step.settle);
  }

  /** Whether a step's batches of this instance left work on any of these partitions. */
  settleDue(partitions: readonly number[]): boolean {
    return this.steps.some((step) => step.settle && (step.settleDue?.(partitions) ?? true));
  }

  /** The steps' work left for after their batches committed, on these locked partitions. */
  async settle(
    session: SqlSession,
    partitions: readonly number[],
    stored: StoredEvents,
  ): Promise<void> {
    for (const step of this.steps) {
      if (!step.settle) continue;
      const started = performance.now();
      await step.settle(session, partitions, stored);
      this.metrics.observeStep(`${step.name}:settle`, (performance.now() - started) / 1000);
    }
  }

  get stepNames(): string[] {
    return this.steps.map((step) => step.name);
  }

  async run(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void> {
    for (const step of this.steps) {
      const started = performance.now();
      try {
        await step.process(session, events);
      } catch (error) {
        // A deadlock or a lost connection is not the events' fault: the transaction is retried
        // (or processing pauses) without counting an attempt against them.
        if (isTransientDatabaseError(error)) throw error;
        throw new ProcessingStepError(step.name, error);
      } finally {
        this.metrics.observeStep(step.name, (performance.now() - started) / 1000);
      }
    }
  }
}
