import { Injectable } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import { PlayersRepository, type PlayerActivity } from './players.repository';

/** One event's view of its player. */
export interface PlayerSighting {
  teamId: number;
  externalId: string;
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  at: string;
}

/** Players, known by each team's own id and by our integer id. */
@Injectable()
export class PlayersService {
  constructor(private readonly players: PlayersRepository) {}

  /**
   * Creates or updates the players of these sightings (in order: later values win), within the
   * caller's transaction. Each sighting counts once in `events_count`.
   */
  async recordSightings(session: SqlSession, sightings: readonly PlayerSighting[]): Promise<void> {
    const byPlayer = new Map<string, PlayerActivity>();
    for (const s of sightings) {
      const key = `${s.teamId}\u0000${s.externalId}`;
      const known = byPlayer.get(key);
      if (!known) {
        byPlayer.set(key, {
          teamId: s.teamId,
          externalId: s.externalId,
          phone: s.phone,
          country: s.country,
          kycLevel: s.kycLevel,
          firstSeenAt: s.at,
          lastSeenAt: s.at,
          eventsCount: 1,
        });
        continue;
      }
      known.phone = s.phone ?? known.phone;
      known.country = s.country ?? known.country;
      known.kycLevel = s.kycLevel ?? known.kycLevel;
      if (s.at < known.firstSeenAt) known.firstSeenAt = s.at;
      if (s.at > known.lastSeenAt) known.lastSeenAt = s.at;
      known.eventsCount++;
    }
    // One order for every writer, so that two workers never lock the same players crosswise.
    const activity = [...byPlayer.values()].sort(
      (a, b) =>
        a.teamId - b.teamId ||
        (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0),
    );
    await this.players.upsertActivity(session, activity, MicroTime.now().toDatabaseText());
  }
}
