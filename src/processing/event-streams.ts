import { Injectable } from '@nestjs/common';
import { AmlEventStream } from '../betting-events/aml-event.stream';
import type { SqlSession } from '../database/sql-database';
import { MonitorEventStream } from '../events/monitor-event.stream';
import type { ProcessingEvent } from './processing-event';
import type { StoredEvents } from './processing-step';
import type { EventStream, StreamName } from './queue/event-stream';
import type { QueuedEvent } from './queue/processing-queue.repository';

/** The streams that feed processing, by name, and the loading of a claimed batch from them. */
@Injectable()
export class EventStreams implements StoredEvents {
  private readonly byName: Record<StreamName, EventStream<ProcessingEvent>>;

  constructor(
    private readonly monitor: MonitorEventStream,
    aml: AmlEventStream,
  ) {
    this.byName = { monitor, aml };
  }

  monitorEvents(session: SqlSession, ids: readonly string[]): Promise<ProcessingEvent[]> {
    return this.monitor.load(session, ids);
  }

  of(name: StreamName): EventStream<ProcessingEvent> {
    return this.byName[name];
  }

  get all(): EventStream<ProcessingEvent>[] {
    return Object.values(this.byName);
  }

  /**
   * The claimed events, read from their streams, in queue order; `stale`: the queue entries whose
   * event is no longer waiting (see EventStream.loadReceived), to drop without processing them.
   */
  async load(
    session: SqlSession,
    queued: readonly QueuedEvent[],
  ): Promise<{ events: ProcessingEvent[]; waiting: QueuedEvent[]; stale: QueuedEvent[] }> {
    const loaded = new Map<string, ProcessingEvent>();
    for (const [name, ids] of idsByStream(queued)) {
      for (const event of await this.of(name).loadReceived(session, ids)) {
        loaded.set(`${name}:${event.id}`, event);
      }
    }
    const events: ProcessingEvent[] = [];
    const waiting: QueuedEvent[] = [];
    const stale: QueuedEvent[] = [];
    for (const entry of queued) {
      const event = loaded.get(`${entry.stream}:${entry.eventId}`);
      if (event) {
        events.push(event);
        waiting.push(entry);
      } else {
        stale.push(entry);
      }
    }
    return { events, waiting, stale };
  }
}

export function idsByStream(queued: readonly QueuedEvent[]): Map<StreamName, string[]> {
  const ids = new Map<StreamName, string[]>();
  for (const entry of queued) {
    const list = ids.get(entry.stream) ?? [];
    list.push(entry.eventId);
    ids.set(entry.stream, list);
  }
  return ids;
}
