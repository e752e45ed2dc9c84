import { Injectable } from '@nestjs/common';

/**
 * Tells this instance's worker that new events were committed, so that it need not wait for its
 * next poll. Only a hint: the worker polls anyway (other instances write too).
 */
@Injectable()
export class ReceivedEventsSignal {
  private readonly listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
