import { Injectable } from '@nestjs/common';
import type { StreamName } from './event-stream';

type Listener = (stream: StreamName, count: number) => void;

/**
 * Tells this instance that new events were queued and committed: its worker need not wait for its
 * next poll, and its metrics count them. Only a hint for the worker, which polls anyway (other
 * instances write too).
 */
@Injectable()
export class ReceivedEventsSignal {
  private readonly listeners = new Set<Listener>();

  notify(stream: StreamName, count: number): void {
    for (const listener of this.listeners) listener(stream, count);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
