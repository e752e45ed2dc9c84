import type { ClaimedEvent } from '../events/received-event.queue';
import { betKey } from './pending-settlements.repository';

/** A team's bet by its reference: a casino round id, a sports bet ref. */
export interface BetRef {
  teamId: number;
  betRef: string;
}

/** The bet an event of a bet (its `game.bet_id`) is about. */
export const betRefOf = (event: ClaimedEvent): BetRef => ({
  teamId: event.teamId,
  betRef: event.game.betId as string,
});

/**
 * The bets a batch of events touches, read by one locking read before the batch is projected
 * instead of one per event. A bet the batch has written since is read again when asked for; a bet
 * not there at the start is taken as absent, which a concurrent placement can only make wrong in
 * one way: the batch's own placement then meets the other one's row (ignored, or a unique
 * violation that retries the batch event by event), as it would have a moment later anyway.
 */
export class BatchBets<Row> {
  private readonly written = new Set<string>();

  constructor(
    private readonly atStart: ReadonlyMap<string, Row>,
    private readonly readAgain: (ref: BetRef) => Promise<Row | null>,
  ) {}

  get(ref: BetRef): Promise<Row | null> {
    const key = betKey(ref.teamId, ref.betRef);
    if (this.written.has(key)) return this.readAgain(ref);
    return Promise.resolve(this.atStart.get(key) ?? null);
  }

  /** The batch has written this bet: its row is read again from now on. */
  wrote(ref: BetRef): void {
    this.written.add(betKey(ref.teamId, ref.betRef));
  }
}
