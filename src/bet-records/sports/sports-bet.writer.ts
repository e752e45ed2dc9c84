import { Injectable } from '@nestjs/common';
import { BetRecordCountsRepository, CountDeltas } from '../projection/bet-record-counts.repository';
import type { SqlSession } from '../../database/sql-database';
import {
  SportsBetsRepository,
  type SportsBetLine,
  type SportsBetRow,
  type SportsBetState,
} from './sports-bets.repository';

/**
 * Writes an AML slip's sports bet (SlipProjection), keeping the list counts exact, within the
 * AML API's transaction.
 */
@Injectable()
export class SportsBetWriter {
  constructor(
    private readonly sportsBets: SportsBetsRepository,
    private readonly counts: BetRecordCountsRepository,
  ) {}

  /** The bet of this source and id, locked. */
  find(session: SqlSession, state: Pick<SportsBetState, 'teamId' | 'source' | 'betRef'>) {
    return this.sportsBets.lock(session, state.teamId, state.source, state.betRef);
  }

  /**
   * Creates the bet, or writes its new state over `existing` (its lines too, when given). Its
   * team, brand, player and provider stay those of its creation. The change of the list counts
   * goes into `deltas`, for the caller to apply once for all its bets.
   */
  async save(
    session: SqlSession,
    existing: SportsBetRow | null,
    state: SportsBetState,
    lines: readonly SportsBetLine[] | null,
    deltas: CountDeltas,
  ): Promise<void> {
    if (!existing) {
      await this.sportsBets.insert(session, state, lines ?? []);
      deltas.add({ ...countKeyOf(state), status: state.status }, 1);
    } else {
      const providerId = existing.provider_id === null ? null : Number(existing.provider_id);
      const kept = { ...state, providerId, providerCode: existing.provider_code };
      await this.sportsBets.update(session, existing.id, kept, lines);
      deltas.move(
        {
          teamId: Number(existing.team_id),
          kind: 'sports',
          brandId: existing.brand_id === null ? null : Number(existing.brand_id),
          providerId,
          status: Number(existing.status),
        },
        state.status,
      );
    }
  }

  /** Applies the count changes collected by `save`. */
  applyCounts(session: SqlSession, deltas: CountDeltas): Promise<void> {
    return this.counts.apply(session, deltas);
  }
}

const countKeyOf = (state: SportsBetState) => ({
  teamId: state.teamId,
  kind: 'sports' as const,
  brandId: state.brandId,
  providerId: state.providerId,
});
