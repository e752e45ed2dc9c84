/** What the slots hold: anything sent to one endpoint. */
export interface Slotted {
  readonly endpointId: string;
}

export interface SlotLimits {
  /** Deliveries sent at once, in all. */
  total: number;
  /** Deliveries sent at once to one endpoint. */
  perEndpoint: number;
  /** How many slots' worth of an endpoint's messages may wait here, claimed ahead. */
  ahead: number;
}

/**
 * The dispatcher's slots: deliveries being sent, at most `total` at once and `perEndpoint` per
 * endpoint, and deliveries claimed ahead, waiting here for a slot. Claiming ahead lets a slot
 * that frees start the next delivery at once, without a claim's round trip to the database in
 * between: claims are fewer and larger, and a burst of alerts (a worker's batch raises many at
 * once) does not wait for one claim per freed slot.
 */
export class DeliverySlots<T extends Slotted> {
  private readonly sending = new Map<string, number>();
  private readonly waiting = new Map<string, T[]>();
  private sendingCount = 0;
  private waitingCount = 0;

  constructor(private readonly limits: SlotLimits) {}

  /**
   * How many of an endpoint's messages a claim may take now: its free slots, plus those claimed
   * ahead when `ahead` (the dispatcher says for which endpoints); `claiming`: how many the same
   * claim took already for other endpoints.
   */
  roomFor(endpointId: string | null, ahead: boolean, claiming = 0): number {
    const { total, perEndpoint } = this.limits;
    const factor = 1 + (ahead ? this.limits.ahead : 0);
    const held =
      endpointId === null
        ? 0
        : (this.sending.get(endpointId) ?? 0) + (this.waiting.get(endpointId)?.length ?? 0);
    const own = perEndpoint * factor - held;
    const all = total * factor - this.sendingCount - this.waitingCount - claiming;
    return Math.max(0, Math.min(own, all));
  }

  /** Claimed deliveries, to be started in the order given. */
  add(items: readonly T[]): void {
    for (const item of items) {
      const queue = this.waiting.get(item.endpointId) ?? [];
      queue.push(item);
      this.waiting.set(item.endpointId, queue);
      this.waitingCount += 1;
    }
  }

  /** The waiting deliveries that may start now, their slots taken. */
  takeStartable(): T[] {
    const startable: T[] = [];
    for (const [endpointId, queue] of this.waiting) {
      while (queue.length > 0 && this.sendingCount < this.limits.total) {
        const sending = this.sending.get(endpointId) ?? 0;
        if (sending >= this.limits.perEndpoint) break;
        startable.push(queue.shift()!);
        this.sending.set(endpointId, sending + 1);
        this.sendingCount += 1;
        this.waitingCount -= 1;
      }
      if (queue.length === 0) this.waiting.delete(endpointId);
    }
    return startable;
  }

  /** A delivery's answer came: its slot is free. */
  release(endpointId: string): void {
    const sending = this.sending.get(endpointId) ?? 0;
    if (sending <= 1) this.sending.delete(endpointId);
    else this.sending.set(endpointId, sending - 1);
    this.sendingCount -= 1;
  }

  /** Every waiting delivery, removed (the dispatcher stops: they are handed back). */
  takeWaiting(): T[] {
    const all = [...this.waiting.values()].flat();
    this.waiting.clear();
    this.waitingCount = 0;
    return all;
  }

  get idle(): boolean {
    return this.sendingCount === 0 && this.waitingCount === 0;
  }
}
