import { Module } from '@nestjs/common';
import { ProcessingQueue } from './processing-queue';
import { ProcessingQueueRepository } from './processing-queue.repository';
import { ReceivedEventsSignal } from './received-events.signal';

/**
 * The processing queue, shared by the streams that fill it (monitor events, AML betting events)
 * and the worker that empties it. Depends on no feature, so that both sides may import it.
 */
@Module({
  providers: [ProcessingQueue, ProcessingQueueRepository, ReceivedEventsSignal],
  exports: [ProcessingQueue, ProcessingQueueRepository, ReceivedEventsSignal],
})
export class ProcessingQueueModule {}
