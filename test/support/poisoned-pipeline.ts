import { ProcessingPipeline } from '../../src/processing/processing-pipeline';
import type { ProcessingEvent } from '../../src/processing/processing-event';
import { ProcessingStepError } from '../../src/processing/processing-step';
import type { TestApp } from './test-app';

/**
 * Makes every batch holding an event that `poisoned` picks fail, as a step that cannot digest it
 * would (a `ProcessingStepError` naming `reason`); other batches run as usual. Returns the undo.
 */
export function poisonPipeline(
  t: TestApp,
  poisoned: (event: ProcessingEvent) => boolean,
  reason: string,
): () => void {
  const pipeline = t.app.get(ProcessingPipeline);
  const run = pipeline.run.bind(pipeline);
  const spy = jest
    .spyOn(pipeline, 'run')
    .mockImplementation((session, events) =>
      events.some(poisoned)
        ? Promise.reject(new ProcessingStepError('poison', new Error(reason)))
        : run(session, events),
    );
  return () => spy.mockRestore();
}
